import { createFirstAccount, hasAccounts } from '@shardline/db';
import { database } from './lib/server/database';
import { consoleEnv, secretBox } from './lib/server/env';

/**
 * Stops the server, naming the variable, when a setting is not valid or the encryption key is
 * missing or malformed.
 */
export function checkConfiguration(): void {
  try {
    consoleEnv();
    secretBox();
  } catch (error) {
    const message = (error as Error).message;
    console.error(
      message.startsWith("the console's configuration")
        ? message
        : `the console's configuration is not valid:\n${message}`,
    );
    process.exit(1);
  }
}

/**
 * For automated setups: when SHARDLINE_ADMIN_EMAIL and SHARDLINE_ADMIN_PASSWORD are set and no
 * account exists yet, creates that administrator. Once any account exists they are ignored (a
 * changed password there changes nothing). A value that is not valid stops the console.
 */
export async function createAdminFromEnv(): Promise<void> {
  const { SHARDLINE_ADMIN_EMAIL: email, SHARDLINE_ADMIN_PASSWORD: password } = consoleEnv();
  if (!email && !password) return;
  if (!email || !password) {
    console.error('set both SHARDLINE_ADMIN_EMAIL and SHARDLINE_ADMIN_PASSWORD, or neither');
    process.exit(1);
  }
  try {
    if (await hasAccounts(database())) return;
    await createFirstAccount(database(), { input: { email, password }, by: 'SHARDLINE_ADMIN_EMAIL' });
    console.log(`created the administrator ${email} from SHARDLINE_ADMIN_EMAIL`);
  } catch (error) {
    if ((error as Error).name === 'ConflictError') return;
    console.error(
      `the administrator of SHARDLINE_ADMIN_EMAIL could not be created: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

/**
 * For Docker and GitOps: SHARDLINE_CONFIG_FILE names a shardline.yaml applied at start, its
 * references read from this process's environment (docs/configuration.md). A file that is not
 * valid stops the console, naming every problem with its line; a step that fails (a stream not
 * reachable yet) changes nothing (apply is all or nothing) and is logged, and the console serves
 * on, so the person can see why. SHARDLINE_CONFIG_DELETE_MISSING=true also deletes what the
 * file leaves out.
 */
export async function applyConfigFileFromEnv(): Promise<void> {
  const { SHARDLINE_CONFIG_FILE: path, SHARDLINE_CONFIG_DELETE_MISSING: deleteMissing } = consoleEnv();
  if (!path) return;
  const { readFile } = await import('node:fs/promises');
  const { applyConfig } = await import('./lib/server/config/apply-config');
  let file: string;
  try {
    file = await readFile(path, 'utf8');
  } catch (error) {
    console.error(`SHARDLINE_CONFIG_FILE: cannot read ${path}: ${(error as Error).message}`);
    process.exit(1);
  }
  // The file's ${VARIABLE} references may name any variable of this process.
  const variables = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  try {
    const { changes, kept } = await applyConfig(
      { file, variables, deleteMissing },
      { by: 'SHARDLINE_CONFIG_FILE', force: false },
    );
    const done = changes.map((change) => `${change.action} ${change.kind} ${change.name}`).join(', ');
    const left = kept.length
      ? `; kept ${kept.length} not in the file (SHARDLINE_CONFIG_DELETE_MISSING=true deletes them)`
      : '';
    console.log(`applied ${path}: ${done || 'nothing to change'}${left}`);
  } catch (error) {
    const { describeKnownError } = await import('./lib/server/api/error-response');
    const known = describeKnownError(error);
    if (known?.code === 'invalid_config') {
      console.error(`SHARDLINE_CONFIG_FILE ${path} is not valid: ${known.message}`);
      process.exit(1);
    }
    console.error(
      `SHARDLINE_CONFIG_FILE ${path} was not applied: ${known?.message ?? (error as Error).message}`,
    );
  }
}
