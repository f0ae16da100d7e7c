import { deleteSinkAndUnpublish, updateSinkAndPublish } from '@shardline/capture';
import { getSink, updateSinkInputSchema } from '@shardline/db';
import { checkSinkSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { forceRequested } from '../../../../../lib/server/api/force-flag';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { database } from '../../../../../lib/server/database';
import { assertAllowedEndpoint } from '../../../../../lib/server/network-policy';
import { secretBox } from '../../../../../lib/server/secret-box';
import { sinkIdOf } from '../../../../../lib/server/sinks/sink-id';
import { withSourceSetupErrors } from '../../../../../lib/server/sinks/source-setup-errors';
import { assertFilterCompiles } from '../../../../../lib/server/transforms/transform-definition';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => ({
  sink: await getSink(database(), { sinkId: sinkIdOf(params) }),
}));

export const PATCH = apiRoute(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const input = await readJsonBody(request, updateSinkInputSchema);
  await assertAllowedEndpoint(input.endpoint);
  await assertFilterCompiles(input.filterSource);
  // What the edit changes of the stream and the tables is checked first, unless forced.
  const force = forceRequested(request);
  if (!force) {
    throwIfChecksFailed(
      await checkSinkSettings(database(), { secretBox: secretBox(), settings: input, sinkId }),
      'sink',
    );
  }
  const { publication, previousSource } = await withSourceSetupErrors(() =>
    updateSinkAndPublish(database(), {
      secretBox: secretBox(),
      sinkId,
      input,
      by: requestActor(request),
      force,
    }),
  );
  return { sink: await getSink(database(), { sinkId }), publication, previousSource };
});

export const DELETE = apiRoute(async (request, params) => {
  const { publication } = await withSourceSetupErrors(() =>
    deleteSinkAndUnpublish(database(), {
      secretBox: secretBox(),
      sinkId: sinkIdOf(params),
      by: requestActor(request),
      force: forceRequested(request),
    }),
  );
  return { deleted: true, cleanup: publication };
});
