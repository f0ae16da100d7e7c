import { checkSource } from '@shardline/capture';
import { sourceClientConfig } from '@shardline/db';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { checkSourceInputSchema } from '../../../../../lib/server/sources/check-source-input';

export const dynamic = 'force-dynamic';

/** Checks settings before they are saved; nothing is stored. */
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, checkSourceInputSchema);
  const report = await checkSource(sourceClientConfig(input), {
    publicationName: input.publicationName,
    slotName: input.slotName,
    tables: input.tables,
  });
  return { report };
});
