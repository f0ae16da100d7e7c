import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, EXIT } from './cli-error';

/** Where `login` keeps the console's address and the API token: readable by the user only. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'shardline', 'credentials.json');
}

export interface Credentials {
  url: string;
  token: string;
}

export async function saveCredentials(
  credentials: Credentials,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = credentialsPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // A file that existed before keeps its mode through writeFile: make sure it is private.
  await chmod(path, 0o600);
  return path;
}

export async function forgetCredentials(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await rm(credentialsPath(env), { force: true });
}

/**
 * The console to talk to and the token to send: `--url`/`--token`, else SHARDLINE_URL and
 * SHARDLINE_TOKEN (for scripts and CI), else what `login` saved.
 */
export async function resolveCredentials(
  flags: { url?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  let saved: Partial<Credentials> = {};
  try {
    saved = JSON.parse(await readFile(credentialsPath(env), 'utf8')) as Partial<Credentials>;
  } catch {
    // Not logged in: the flags or the environment must say.
  }
  const url = flags.url ?? env.SHARDLINE_URL ?? saved.url;
  const token = flags.token ?? env.SHARDLINE_TOKEN ?? saved.token;
  if (!url || !token) {
    throw new CliError(
      'not logged in: run `shardline login --url <console URL>` with an API token from the Access page, or set SHARDLINE_URL and SHARDLINE_TOKEN',
      EXIT.failed,
    );
  }
  return { url: url.replace(/\/+$/, ''), token };
}
