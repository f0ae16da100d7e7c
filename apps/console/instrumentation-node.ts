import { secretBoxFromEnv } from '@shardline/core';
import { createFirstAccount, hasAccounts } from '@shardline/db';
import { database } from './lib/server/database';

/** Stops the server, naming the variable, when the encryption key is missing or malformed. */
export function checkConfiguration(): void {
  try {
    secretBoxFromEnv(process.env);
  } catch (error) {
    console.error(`the console's configuration is not valid:\n${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * For automated setups: when SHARDLINE_ADMIN_EMAIL and SHARDLINE_ADMIN_PASSWORD are set and no
 * account exists yet, creates that administrator. Once any account exists they are ignored (a
 * changed password there changes nothing). A value that is not valid stops the console.
 */
export async function createAdminFromEnv(): Promise<void> {
  const email = process.env.SHARDLINE_ADMIN_EMAIL;
  const password = process.env.SHARDLINE_ADMIN_PASSWORD;
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
