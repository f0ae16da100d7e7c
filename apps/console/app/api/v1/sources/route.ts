import { checkSource } from '@shardline/capture';
import {
  createSource,
  createSourceInputSchema,
  listSourceSummaries,
  sourceClientConfig,
} from '@shardline/db';
import { checkSourceSettings, throwIfChecksFailed } from '@shardline/health';
import { apiRoute } from '../../../../lib/server/api/api-route';
import { forceRequested } from '../../../../lib/server/api/force-flag';
import { readJsonBody } from '../../../../lib/server/api/read-input';
import { requestActor } from '../../../../lib/server/api/request-actor';
import { database } from '../../../../lib/server/database';
import { assertAllowedHost } from '../../../../lib/server/network-policy';
import { secretBox } from '../../../../lib/server/secret-box';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sources: await listSourceSummaries(database()) }));

export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createSourceInputSchema);
    await assertAllowedHost(input.host);
    // Checked before saving; failing checks save nothing unless forced.
    const force = forceRequested(request);
    const checked = force
      ? null
      : await checkSourceSettings(database(), { secretBox: secretBox(), settings: input });
    if (checked) throwIfChecksFailed(checked, 'source');
    const source = await createSource(database(), {
      secretBox: secretBox(),
      input,
      by: requestActor(request),
    });
    // A new source has no sink, so no tables yet: the report covers the connection, the server's
    // settings, the role's rights, the publication and the slot. Sinks' tables are checked later
    // (GET /api/v1/sources/{id}/checks). Saved anyway: what fails, checked once it is saved.
    const report =
      checked ??
      (await checkSource(sourceClientConfig(input), {
        publicationName: source.publicationName,
        slotName: source.slotName,
        tables: [],
      }));
    return { source, report };
  },
  { status: 201 },
);
