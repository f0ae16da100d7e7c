import { NotFoundError, type SecretBox } from '@shardline/core';
import {
  assertSourceExists,
  type Database,
  getSinkSourceTables,
  type PublicSink,
  parseOrThrow,
  type UpdateSinkInput,
  updateSink,
  updateSinkInputSchema,
} from '@shardline/db';

import { saveWithPublication } from './save-with-publication';
import type { SinkPublicationReport } from './sink-publication-report';
import { tidyPublication } from './tidy-publication';

/**
 * Edits a sink. When its tables or its source change, the tables it takes now are put in the
 * source's publication before the edit is saved, and tables no sink takes any more leave it
 * after (saveWithPublication); a source it left is tidied too. Other settings need nothing of the
 * source: the reader routes by the new configuration from its next store on (ChangeRouter).
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
  const save = () => updateSink(db, options);
  const touchesSource = changes.tables !== undefined || changes.sourceId !== undefined;
  const sourceId = changes.sourceId === undefined ? current.sourceId : changes.sourceId;
  if (!touchesSource || !sourceId) {
    const sink = await save();
    const previousSource =
      current.sourceId && current.sourceId !== sourceId
        ? await tidyPublication(db, { secretBox: options.secretBox, sourceId: current.sourceId })
        : null;
    return { sink, publication: null, previousSource };
  }
  await assertSourceExists(db, sourceId);
  const { saved, publication } = await saveWithPublication(db, {
    secretBox: options.secretBox,
    sourceId,
    tables: changes.tables ?? current.tables,
    force: options.force,
    save,
  });
  const previousSource =
    current.sourceId && current.sourceId !== sourceId
      ? await tidyPublication(db, { secretBox: options.secretBox, sourceId: current.sourceId })
      : null;
  return { sink: saved, publication, previousSource };
}
