import { checkSource } from '@shardline/capture';
import { assertSourcePasswordTarget, getSourceConnection, sourceClientConfig } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';
import { secretBox } from '@/lib/server/env';
import { assertAllowedHost } from '@/lib/server/network-policy';
import { checkSourceInputSchema } from '@/lib/server/sources/check-source-input';

export const dynamic = 'force-dynamic';

/** Checks settings before they are saved; nothing is stored. */
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, checkSourceInputSchema);
  await assertAllowedHost(input.host);
  let clientConfig = sourceClientConfig(input);
  if (input.sourceId && input.password === null) {
    const saved = await getSourceConnection(database(), { secretBox: secretBox(), sourceId: input.sourceId });
    // The saved password goes only where it was saved for: another host must be given it again.
    if (saved.clientConfig.password !== undefined) assertSourcePasswordTarget(saved.source, input);
    clientConfig = { ...clientConfig, password: saved.clientConfig.password };
  }
  const report = await checkSource(clientConfig, {
    publicationName: input.publicationName,
    slotName: input.slotName,
    tables: input.tables,
    ...(input.sourceId ? { sourceId: input.sourceId } : {}),
  });
  return { report };
});
