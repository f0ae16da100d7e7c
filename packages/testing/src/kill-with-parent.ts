import type { ChildProcess } from 'node:child_process';

/**
 * Preloaded into the child: when the parent dies, however it dies (even SIGKILL), the pipe to the
 * child's stdin closes and the child exits instead of lingering with its ports bound.
 */
export const EXIT_WHEN_STDIN_CLOSES =
  'data:text/javascript,process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume()';

/** Kills the child when this process exits normally; returns a function that cancels this. */
export function killChildOnExit(child: ChildProcess): () => void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  return () => process.off('exit', kill);
}
