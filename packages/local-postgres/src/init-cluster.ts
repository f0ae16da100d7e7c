import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalPostgresProblem } from './local-postgres-problem';
import type { PostgresBinaries } from './postgres-binaries';
import type { ServerUser } from './server-user';

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
  /** Where the password is handed to initdb for a moment: beside the data, not in it. */
  scratchDir: string;
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
  const passwordFile = join(options.scratchDir, `.initdb-password-${process.pid}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
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
      { uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    // A half-made cluster would stop every later start: initdb begins afresh next time.
    for (const entry of existsSync(dataDir) ? readdirSync(dataDir) : []) {
      rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
    const output = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new LocalPostgresProblem(
      `initdb could not make the embedded Postgres cluster in ${dataDir}: ${output}`,
      'the error above says why; with a full disk, free some space and npm start again',
      { cause: error },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  return true;
}
