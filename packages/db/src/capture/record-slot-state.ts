import type { Db } from '../database';

/**
 * Shardline made sure the source's slot exists. Returns whether it had done so before, which
 * (when the slot had to be created again) means someone else dropped it meanwhile.
 * `publicationCreated`: Shardline created the publication, so it manages its tables from now on.
 */
export async function recordSlotEnsured(
  db: Db,
  options: { sourceId: string; publicationCreated: boolean },
): Promise<{ ensuredBefore: boolean }> {
  const result = await db.pool.query<{ ensured_before: boolean }>(
    `UPDATE source AS s
        SET slot_ensured_at = now(), publication_managed = s.publication_managed OR $2
       FROM (SELECT id, slot_ensured_at IS NOT NULL AS ensured_before FROM source WHERE id = $1) AS before
      WHERE s.id = before.id
      RETURNING before.ensured_before`,
    [options.sourceId, options.publicationCreated],
  );
  return { ensuredBefore: result.rows[0]?.ensured_before ?? false };
}

/** Shardline dropped the source's slot (and its publication when it managed it). */
export async function recordSlotDropped(
  db: Db,
  options: { sourceId: string; publicationDropped: boolean },
): Promise<void> {
  await db.pool.query(
    `UPDATE source SET slot_ensured_at = NULL,
            publication_managed = CASE WHEN $2 THEN false ELSE publication_managed END
      WHERE id = $1`,
    [options.sourceId, options.publicationDropped],
  );
}

/** Whether Shardline created the source's publication (and so removes tables no sink takes). */
export async function isPublicationManaged(db: Db, options: { sourceId: string }): Promise<boolean> {
  const result = await db.pool.query<{ managed: boolean }>(
    'SELECT publication_managed AS managed FROM source WHERE id = $1',
    [options.sourceId],
  );
  return result.rows[0]?.managed ?? false;
}
