import {
  deleteSource,
  getSourceConnection,
  getSourceSummary,
  listSourceEvents,
  updateSource,
  updateSourceInputSchema,
} from '@shardline/db';
import { checkSourceSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { forceRequested } from '../../../../../lib/server/api/force-flag';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { database } from '../../../../../lib/server/database';
import { assertAllowedHost } from '../../../../../lib/server/network-policy';
import { secretBox } from '../../../../../lib/server/secret-box';
import { cleanUpSourceDatabase } from '../../../../../lib/server/sources/clean-up-source-database';
import { readSourceId } from '../../../../../lib/server/sources/source-id';

export const dynamic = 'force-dynamic';

// Enough to see what went wrong lately; the reader records an event per problem, not per change.
const LATEST_EVENTS = 20;

export const GET = apiRoute(async (_request, params) => {
  const sourceId = readSourceId(params);
  const source = await getSourceSummary(database(), { sourceId });
  const events = await listSourceEvents(database(), {
    sourceId,
    levels: ['warning', 'error'],
    limit: LATEST_EVENTS,
  });
  return { source, events };
});

export const PATCH = apiRoute(async (request, params) => {
  const sourceId = readSourceId(params);
  const input = await readJsonBody(request, updateSourceInputSchema);
  await assertAllowedHost(input.host);
  // What the edit changes of the connection is checked first, unless forced.
  if (!forceRequested(request)) {
    throwIfChecksFailed(
      await checkSourceSettings(database(), { secretBox: secretBox(), settings: input, sourceId }),
      'source',
    );
  }
  return {
    source: await updateSource(database(), {
      secretBox: secretBox(),
      sourceId,
      input,
      by: requestActor(request),
    }),
  };
});

export const DELETE = apiRoute(async (request, params) => {
  const sourceId = readSourceId(params);
  // Read before deleting: the slot and publication are dropped with the settings stored.
  const { source, clientConfig } = await getSourceConnection(database(), {
    secretBox: secretBox(),
    sourceId,
  });
  await deleteSource(database(), { sourceId, by: requestActor(request) });
  const cleanup = await cleanUpSourceDatabase(clientConfig, source);
  return { deleted: true, cleanup };
});
