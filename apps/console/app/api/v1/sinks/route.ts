import { createSinkAndPublish } from '@shardline/capture';
import { createSinkInputSchema, getSink, listSinkSummaries } from '@shardline/db';
import { checkSinkSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../lib/server/api/api-route';
import { forceRequested } from '../../../../lib/server/api/force-flag';
import { readJsonBody } from '../../../../lib/server/api/read-input';
import { requestActor } from '../../../../lib/server/api/request-actor';
import { database } from '../../../../lib/server/database';
import { assertAllowedEndpoint } from '../../../../lib/server/network-policy';
import { secretBox } from '../../../../lib/server/secret-box';
import { withSourceSetupErrors } from '../../../../lib/server/sinks/source-setup-errors';
import { assertFilterCompiles } from '../../../../lib/server/transforms/transform-definition';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sinks: await listSinkSummaries(database()) }));

export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createSinkInputSchema);
    await assertAllowedEndpoint(input.endpoint);
    await assertFilterCompiles(input.filterSource);
    // The stream and the tables are checked first; failing checks save nothing unless forced.
    const force = forceRequested(request);
    if (!force) {
      throwIfChecksFailed(
        await checkSinkSettings(database(), { secretBox: secretBox(), settings: input }),
        'sink',
      );
    }
    // The sink's tables are in the source's publication before this answers: every change
    // committed after it reaches the sink.
    const { sink, publication } = await withSourceSetupErrors(() =>
      createSinkAndPublish(database(), {
        secretBox: secretBox(),
        input,
        by: requestActor(request),
        force,
      }),
    );
    // Answered in the same shape as GET, so the console can show it without another request.
    return { sink: await getSink(database(), { sinkId: sink.id }), publication };
  },
  { status: 201 },
);
