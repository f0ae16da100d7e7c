import { deleteSink, getSink, updateSink, updateSinkInputSchema } from '@shardline/db';
import { checkSinkSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { readForce } from '../../../../../lib/server/api/read-force';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { database } from '../../../../../lib/server/database';
import { secretBox } from '../../../../../lib/server/secret-box';
import { sinkIdOf } from '../../../../../lib/server/sinks/sink-id';
import { assertFilterCompiles } from '../../../../../lib/server/transforms/transform-definition';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => ({
  sink: await getSink(database(), { sinkId: sinkIdOf(params) }),
}));

export const PATCH = apiRoute(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const input = await readJsonBody(request, updateSinkInputSchema);
  await assertFilterCompiles(input.filterSource);
  // What the edit changes of the stream and the tables is checked first, unless forced.
  if (!readForce(request)) {
    throwIfChecksFailed(
      await checkSinkSettings(database(), { secretBox: secretBox(), settings: input, sinkId }),
      'sink',
    );
  }
  await updateSink(database(), { secretBox: secretBox(), sinkId, input, by: requestActor(request) });
  return { sink: await getSink(database(), { sinkId }) };
});

export const DELETE = apiRoute(async (request, params) => {
  await deleteSink(database(), { sinkId: sinkIdOf(params), by: requestActor(request) });
  return { deleted: true };
});
