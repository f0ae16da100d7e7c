import { createSink, createSinkInputSchema, getSink, listSinkSummaries } from '@shardline/db';
import { checkSinkSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../lib/server/api/api-route';
import { readForce } from '../../../../lib/server/api/read-force';
import { readJsonBody } from '../../../../lib/server/api/read-input';
import { requestActor } from '../../../../lib/server/api/request-actor';
import { database } from '../../../../lib/server/database';
import { secretBox } from '../../../../lib/server/secret-box';
import { assertFilterCompiles } from '../../../../lib/server/transforms/transform-definition';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sinks: await listSinkSummaries(database()) }));

export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createSinkInputSchema);
    await assertFilterCompiles(input.filterSource);
    // The stream and the tables are checked first; failing checks save nothing unless forced.
    if (!readForce(request)) {
      throwIfChecksFailed(
        await checkSinkSettings(database(), { secretBox: secretBox(), settings: input }),
        'sink',
      );
    }
    const created = await createSink(database(), {
      secretBox: secretBox(),
      input,
      by: requestActor(request),
    });
    // Answered in the same shape as GET, so the console can show it without another request.
    return { sink: await getSink(database(), { sinkId: created.id }) };
  },
  { status: 201 },
);
