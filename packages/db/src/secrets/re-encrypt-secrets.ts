import type { SecretBox } from '@shardline/core';
import { type Db, inSqlTransaction } from '../database';

/**
 * Every column that holds a secret, with the key it is counted under in the report. A new secret
 * column must be added here, or rotating the key would leave it unreadable.
 */
const SECRET_COLUMNS = [
  { table: 'sink', column: 'secret_access_key_ciphertext', kind: 'sinks', name: 'name' },
  { table: 'source', column: 'password_ciphertext', kind: 'sources', name: 'name' },
  // The alert webhook set in the console: its one row has no name of its own.
  { table: 'alert_settings', column: 'webhook_url_ciphertext', kind: 'webhooks', name: "'alert settings'" },
] as const;

/** How many secrets of each kind were re-encrypted. */
export type ReEncrypted = Record<(typeof SECRET_COLUMNS)[number]['kind'], number>;

/**
 * Re-encrypts every stored secret with the secret box's current key, reading each with the
 * current or the previous key, all in one transaction. If any secret cannot be read with either
 * key, nothing is written and the error names each such row: rotating past it would leave a
 * secret nobody can read once the previous key is removed.
 *
 * The rows are locked while they are rewritten, so a secret saved from the console at the same
 * moment is either read here or written after, never overwritten with an older one.
 */
export async function reEncryptSecrets(db: Db, secretBox: SecretBox): Promise<ReEncrypted> {
  const reEncrypted: ReEncrypted = { sinks: 0, sources: 0, webhooks: 0 };
  const updates: Array<{ table: string; column: string; id: string; ciphertext: string }> = [];
  const unreadable: string[] = [];
  return inSqlTransaction(db, async (tx) => {
    for (const { table, column, kind, name } of SECRET_COLUMNS) {
      const { rows } = await tx.pool.query<{ id: string; name: string; ciphertext: string }>(
        `SELECT id::text, ${name} AS name, ${column} AS ciphertext FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 2 FOR UPDATE`,
      );
      for (const row of rows) {
        try {
          updates.push({
            table,
            column,
            id: row.id,
            ciphertext: secretBox.encrypt(secretBox.decrypt(row.ciphertext)),
          });
          reEncrypted[kind] += 1;
        } catch (error) {
          unreadable.push(`${table} "${row.name}" (${row.id}): ${(error as Error).message}`);
        }
      }
    }
    if (unreadable.length > 0) {
      throw new Error(
        `nothing was re-encrypted: ${unreadable.length} stored secret(s) cannot be decrypted with ` +
          `SHARDLINE_SECRET_KEY or SHARDLINE_SECRET_KEY_PREVIOUS:\n${unreadable.map((line) => `  ${line}`).join('\n')}\n` +
          'Set SHARDLINE_SECRET_KEY_PREVIOUS to the key they were stored with, or enter these secrets again in the console.',
      );
    }
    for (const { table, column, id, ciphertext } of updates) {
      await tx.pool.query(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, [ciphertext, id]);
    }
    return reEncrypted;
  });
}
