import type { SecretBox } from '@shardline/core';
import {
  assertSourceExists,
  type CreateSinkInput,
  createSink,
  createSinkInputSchema,
  type Database,
  type PublicSink,
  parseOrThrow,
  type SourcePositions,
} from '@shardline/db';
import { saveWithPublication } from './save-with-publication';
import type { SinkPublicationReport } from './sink-publication-report';

/**
 * Creates a sink so that every change committed on its tables after this returns is delivered to
 * it: its tables are in the source's publication before the sink is saved (saveWithPublication).
 * Rows that existed before are a backfill's. A sink without a source is only saved.
 */
export async function createSinkAndPublish(
  db: Database,
  options: { secretBox: SecretBox; input: CreateSinkInput; by?: string; force?: boolean },
): Promise<{ sink: PublicSink; publication: SinkPublicationReport | null }> {
  const input = parseOrThrow(createSinkInputSchema, options.input);
  const save = (sourcePositions?: SourcePositions) => createSink(db, { ...options, sourcePositions });
  if (!input.sourceId) return { sink: await save(), publication: null };
  await assertSourceExists(db, input.sourceId);
  const { saved, publication } = await saveWithPublication(db, {
    secretBox: options.secretBox,
    sourceId: input.sourceId,
    tables: input.tables,
    publishes: true,
    force: options.force,
    save,
  });
  return { sink: saved, publication };
}
