import type { ChildProcess } from 'node:child_process';

/**
 * Preloaded into a child with `--import`: when the parent dies, however it dies (even SIGKILL,
 * which skips exit handlers), the pipe to the child's stdin closes and the child exits instead of
 * lingering with its ports bound. Worker threads inherit the preload, and a worker's stdin ends at
 * once: only the main thread listens, or a worker would end its process as it starts.
 */
export const EXIT_WHEN_STDIN_CLOSES =
  'data:text/javascript,import{isMainThread}from"node:worker_threads";if(isMainThread)process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume()';

/** Kills the child when this process exits normally; returns a function that cancels this. */
export function killChildOnExit(child: ChildProcess): () => void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  return () => process.off('exit', kill);
}
