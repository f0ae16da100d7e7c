import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { LocalPostgresProblem } from './local-postgres-problem';
import type { PostgresBinaries } from './postgres-binaries';
import { runAsServerUser, type ServerUser } from './server-user';

const run = promisify(execFile);

export const SUPERUSER = 'postgres';

/**
 * Makes the cluster in `dataDir` unless it is there already (answers whether it made it). Every
 * connection must give the superuser's password: the server listens on 127.0.0.1, where any
 * local user could otherwise sign in as its superuser.
 */
export async function initCluster(options: {
  binaries: PostgresBinaries;
  dataDir: string;
  password: string;
  user: ServerUser | null;
}): Promise<boolean> {
  const { binaries, dataDir, user } = options;
  const versionFile = join(dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const version = readFileSync(versionFile, 'utf8').trim();
    if (version !== binaries.majorVersion) {
      throw new LocalPostgresProblem(
        `The embedded Postgres data in ${dataDir} was made by Postgres ${version}; npm start runs Postgres ${binaries.majorVersion}`,
        `move that folder away (its data is then gone for npm start), or point DATABASE_URL at a Postgres ${version} server`,
      );
    }
    return false;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new LocalPostgresProblem(
      `${dataDir} holds files but no Postgres data (an earlier first start stopped half-way?)`,
      `delete that folder; npm start then makes it afresh`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A folder the server's user made itself (in its own home) is left as it is.
  if (user && statSync(dataDir).uid !== user.uid) chownSync(dataDir, user.uid, user.gid);
  // Handed to initdb for a moment, outside the data, in a folder of its own that only its name
  // leads into: the server's user may not reach the data's parent.
  const scratchDir = mkdtempSync(join(tmpdir(), 'shardline-initdb-'));
  const passwordFile = join(scratchDir, 'password');
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (user) {
    chmodSync(scratchDir, 0o711);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      {
        uid: user?.uid,
        gid: user?.gid,
        // A folder the server's user can enter: this process' own may be closed to it.
        cwd: dirname(dataDir),
        env: { ...process.env, LC_ALL: 'C' },
      },
    );
  } catch (error) {
    // A half-made cluster would stop every later start: initdb begins afresh next time.
    await emptyFolder(dataDir, user);
    const output = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new LocalPostgresProblem(
      `initdb could not make the embedded Postgres cluster in ${dataDir}: ${output}`,
      'the error above says why; with a full disk, free some space and npm start again',
      { cause: error },
    );
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  return true;
}

/** What initdb left, removed by whoever made it. */
async function emptyFolder(dir: string, user: ServerUser | null): Promise<void> {
  if (!existsSync(dir)) return;
  if (user) {
    await runAsServerUser(user, 'find', [dir, '-mindepth', '1', '-delete']);
    return;
  }
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
}
