import { checkBackfillNarrowing, SourceUnreachableError } from '@shardline/capture';
import { getSourceConnection, type NarrowedTable } from '@shardline/db';
import { ApiError } from '../api/api-error';
import { database } from '../database';
import { secretBox } from '../env';

/**
 * Tries a backfill's conditions and key ranges on the sink's source before it is saved (see
 * checkBackfillNarrowing). A source that cannot be reached is a 502: the request may be fine.
 */
export async function checkNarrowingOnSource(check: {
  sourceId: string;
  tables: NarrowedTable[];
}): Promise<void> {
  const { source, clientConfig } = await getSourceConnection(database(), {
    secretBox: secretBox(),
    sourceId: check.sourceId,
  });
  try {
    await checkBackfillNarrowing(clientConfig, {
      publicationName: source.publicationName,
      tables: check.tables,
    });
  } catch (error) {
    if (error instanceof SourceUnreachableError) {
      throw new ApiError(
        502,
        'source_unreachable',
        `the condition or key range could not be checked on the source: ${error.message}`,
      );
    }
    throw error;
  }
}
