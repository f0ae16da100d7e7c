import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { LocalPostgresProblem } from './local-postgres-problem';

/** The system user the server runs as when npm start runs as root; null: as the current user. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
  /** Its home folder, from its passwd entry: where its cluster goes when the project is closed to it. */
  home: string;
}

/** Postgres refuses to run as root; Debian's and Homebrew's packages name their user this. */
const SERVER_USER_NAME = 'postgres';

/**
 * Null for an ordinary user. As root (a container, a CI machine), the system user `postgres`,
 * which Postgres packages create: initdb and postgres both refuse to run as root.
 */
export function serverUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  let entry: string[];
  try {
    entry = execFileSync('getent', ['passwd', SERVER_USER_NAME], { stdio: 'pipe' })
      .toString()
      .trim()
      .split(':');
  } catch (error) {
    throw new LocalPostgresProblem(
      `npm start runs as root, which Postgres refuses, and this machine has no user "${SERVER_USER_NAME}" to run it as (\`getent passwd ${SERVER_USER_NAME}\` finds none)`,
      `run npm start as an ordinary user, or create that user (\`useradd --system --user-group --create-home --home-dir /var/lib/postgresql ${SERVER_USER_NAME}\` on Debian)`,
      { cause: error },
    );
  }
  // name:password:uid:gid:gecos:home:shell
  const [name = SERVER_USER_NAME, , uid, gid, , home = ''] = entry;
  return { name, uid: Number(uid), gid: Number(gid), home };
}

/**
 * The first folder on the way to `path` (or `path` itself) that `user` cannot enter or run, or
 * null when it can reach it: a project under root's home (mode 700) is out of its reach.
 */
export function firstClosedFolder(user: ServerUser, path: string): string | null {
  const steps: string[] = [];
  for (let step = resolve(path); ; step = dirname(step)) {
    steps.unshift(step);
    if (dirname(step) === step) break;
  }
  // One shell for every step: it prints the first one the user cannot pass.
  const found = spawnSync(
    'sh',
    ['-c', 'for step; do test -x "$step" || { printf %s "$step"; exit 0; }; done', 'sh', ...steps],
    { uid: user.uid, gid: user.gid, cwd: '/', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  if (found.status !== 0)
    throw new Error(
      `could not check what the user ${user.name} can reach: ${found.error?.message ?? `sh exited with ${found.status ?? found.signal}`}`,
    );
  return found.stdout.toString() || null;
}

/**
 * Runs a command as `user`, failing with what it printed on stderr. Whatever is done in a folder
 * that user owns is done as that user: a step taken there as root could be led elsewhere by a
 * link the user made.
 */
export function runAsServerUser(
  user: ServerUser,
  command: string,
  args: string[],
  stdin?: Readable,
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      uid: user.uid,
      gid: user.gid,
      // The project folder, this process' own, may be closed to the user.
      cwd: '/',
      stdio: [stdin ?? 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', fail);
    child.once('close', (code) =>
      code === 0
        ? done()
        : fail(
            new Error(
              `${command} ${args.join(' ')} (as ${user.name}): ${stderr.trim() || `exit code ${code}`}`,
            ),
          ),
    );
  });
}
