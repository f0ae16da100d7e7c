import { listSourceTables, SourceUnreachableError } from '@shardline/capture';
import { getSourceConnection } from '@shardline/db';
import { ApiError } from '@/lib/server/api/api-error';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { secretBox } from '@/lib/server/env';
import { readSourceId } from '@/lib/server/sources/source-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => {
  const sourceId = readSourceId(params);
  const { source, clientConfig } = await getSourceConnection(database(), {
    secretBox: secretBox(),
    sourceId,
  });
  try {
    return { tables: await listSourceTables(clientConfig, { publicationName: source.publicationName }) };
  } catch (error) {
    // The request was fine; the source database is what failed to answer.
    if (error instanceof SourceUnreachableError) throw new ApiError(502, 'source_unreachable', error.message);
    throw error;
  }
});
