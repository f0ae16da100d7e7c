import { NotFoundError, type SecretBox } from '@shardline/core';
import {
  assertSourceExists,
  type Database,
  getSinkSourceTables,
  type PublicSink,
  parseOrThrow,
  type SourcePositions,
  type UpdateSinkInput,
  updateSink,
  updateSinkInputSchema,
} from '@shardline/db';

import { saveWithPublication } from './save-with-publication';
import type { SinkPublicationReport } from './sink-publication-report';
import { tidyPublication } from './tidy-publication';

/**
 * Edits a sink (saveWithPublication): the tables it takes now are in the source's publication
 * before the edit is saved, the source's position after it is where the edit applies from, and
 * tables no sink takes any more leave the publication; a source it left is tidied too. An edit
 * of other settings (grouping, filter, names) is saved even when the source cannot be reached:
 * it then applies from when the reader sees it.
 */
export async function updateSinkAndPublish(
  db: Database,
  options: { secretBox: SecretBox; sinkId: string; input: UpdateSinkInput; by?: string; force?: boolean },
): Promise<{
  sink: PublicSink;
  publication: SinkPublicationReport | null;
  previousSource: SinkPublicationReport | null;
}> {
  const changes = parseOrThrow(updateSinkInputSchema, options.input);
  const current = await getSinkSourceTables(db, { sinkId: options.sinkId });
  if (!current) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  const save = (sourcePositions?: SourcePositions) => updateSink(db, { ...options, sourcePositions });
  const sourceId = changes.sourceId === undefined ? current.sourceId : changes.sourceId;
  const leftSource = current.sourceId && current.sourceId !== sourceId ? current.sourceId : null;
  let sink: PublicSink;
  let publication: SinkPublicationReport | null = null;
  if (sourceId) {
    await assertSourceExists(db, sourceId);
    ({ saved: sink, publication } = await saveWithPublication(db, {
      secretBox: options.secretBox,
      sourceId,
      tables: changes.tables ?? current.tables,
      // Other settings (grouping, filter, names) need nothing of the source but its position.
      publishes: changes.tables !== undefined || changes.sourceId !== undefined,
      force: options.force,
      save,
    }));
  } else {
    sink = await save();
  }
  const previousSource = leftSource
    ? await tidyPublication(db, { secretBox: options.secretBox, sourceId: leftSource })
    : null;
  return { sink, publication, previousSource };
}
