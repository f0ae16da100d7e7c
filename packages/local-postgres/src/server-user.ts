import { execFileSync, spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { LocalPostgresProblem } from './local-postgres-problem';

/** The system user the server runs as when npm start runs as root; null: as the current user. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

/** Postgres refuses to run as root; Debian's and Homebrew's packages name their user this. */
const SERVER_USER_NAME = 'postgres';

const AS_ORDINARY_USER = 'run npm start as an ordinary user';

/**
 * Null for an ordinary user. As root (a container, a CI machine), the system user `postgres`,
 * which Postgres packages create: initdb and postgres both refuse to run as root.
 */
export function serverUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, SERVER_USER_NAME], { stdio: 'pipe' }).toString());
    return { name: SERVER_USER_NAME, uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new LocalPostgresProblem(
      `npm start runs as root, which Postgres refuses, and this machine has no user "${SERVER_USER_NAME}" to run it as`,
      `${AS_ORDINARY_USER}, or create that user (\`useradd --system --user-group ${SERVER_USER_NAME}\` on Debian)`,
      { cause: error },
    );
  }
}

/**
 * Fails with the folder to open when the server's user cannot run the binaries or reach its data:
 * a project under root's home (mode 700) is out of its reach.
 */
export function requireServerUserAccess(
  user: ServerUser,
  paths: { binary: string; dataParent: string },
): void {
  const can = (test: string, path: string) =>
    spawnSync('test', [test, path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
  const problems = [
    can('-x', paths.binary) ? null : { what: 'run the Postgres binaries', path: dirname(paths.binary) },
    can('-x', paths.dataParent) ? null : { what: 'reach its data', path: paths.dataParent },
  ].filter((problem) => problem !== null);
  const first = problems[0];
  if (!first) return;
  throw new LocalPostgresProblem(
    `npm start runs as root, so it runs Postgres as the user "${user.name}", who cannot ${first.what} in ${first.path}`,
    `${AS_ORDINARY_USER}, or keep the project where "${user.name}" can reach it (every folder above it open to others: \`chmod o+x\`)`,
  );
}
