import { checkSource } from '@shardline/capture';
import { getSourceConnection, listSourceSinkTables } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { secretBox } from '@/lib/server/env';
import { readSourceId } from '@/lib/server/sources/source-id';

export const dynamic = 'force-dynamic';

/** Checks the saved source for the tables its sinks take, as the engine does before reading. */
export const GET = apiRoute(async (_request, params) => {
  const sourceId = readSourceId(params);
  const { source, clientConfig } = await getSourceConnection(database(), {
    secretBox: secretBox(),
    sourceId,
  });
  const tables = await listSourceSinkTables(database(), { sourceId });
  const report = await checkSource(clientConfig, {
    publicationName: source.publicationName,
    slotName: source.slotName,
    tables,
    sourceId,
  });
  return { report };
});
