/**
 * `npm run secrets:rotate`: re-encrypts every stored secret (sinks' AWS secret access keys,
 * sources' passwords, the alert webhook set in the console) with SHARDLINE_SECRET_KEY, reading those stored with
 * SHARDLINE_SECRET_KEY_PREVIOUS too. Run it after setting both and restarting the engines and
 * the console; docs/security.md gives the whole procedure.
 */
import { fileURLToPath } from 'node:url';
import { config } from 'dotenv';
import { secretBoxFromEnv } from '../packages/core/src';
import { createDatabase, reEncryptSecrets } from '../packages/db/src';

// The engine's settings: the environment first, then .env at the repository's root.
const root = fileURLToPath(new URL('..', import.meta.url));
config({ path: `${root}.env`, quiet: true });

async function rotateSecrets(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('DATABASE_URL is required: the Postgres database Shardline keeps its state in');
  const secretBox = secretBoxFromEnv(process.env);
  const db = createDatabase({
    url: databaseUrl,
    maxConnections: 1,
    applicationName: 'shardline-rotate-secrets',
  });
  try {
    const { sinks, sources, webhooks } = await reEncryptSecrets(db, secretBox);
    console.log(
      `Re-encrypted ${sinks + sources + webhooks} stored secret(s) with SHARDLINE_SECRET_KEY: ` +
        `${sinks} sink secret access key(s), ${sources} source password(s), ${webhooks} alert webhook(s). ` +
        'SHARDLINE_SECRET_KEY_PREVIOUS can now be removed.',
    );
  } finally {
    await db.close();
  }
}

try {
  await rotateSecrets();
} catch (error) {
  console.error(`secrets:rotate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
