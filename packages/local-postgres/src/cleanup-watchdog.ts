import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/** A process that cleans up after this one, however this one ends. */
export interface CleanupWatchdog {
  /** Lets the watchdog clean up now (again, harmlessly, if the caller already did) and exit. */
  release(): Promise<void>;
}

// Runs in its own session, so it outlives this process however this process ends (even SIGKILL,
// which skips exit handlers): when the pipe from this process closes, it runs the command and
// deletes the directory.
const WATCHDOG = `
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const [command, args, dir] = JSON.parse(process.argv[1]);
process.stdin.on('data', () => {}).on('close', () => {
  try { execFileSync(command, args, { stdio: 'ignore', timeout: 60000 }); } catch {}
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}).resume();
`;

/** Runs `command args` and deletes `dir` (if given) once this process is gone or releases it. */
export function startCleanupWatchdog(command: string, args: string[], dir?: string): CleanupWatchdog {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, JSON.stringify([command, args, dir ?? null])], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as Socket).unref();
  const exited = new Promise<void>((resolve) => watchdog.once('exit', () => resolve()));
  return {
    release() {
      // Kept alive until the watchdog is done, which an unreferenced child would not do.
      watchdog.ref();
      watchdog.stdin?.end();
      return exited;
    },
  };
}
