import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { readSinkStream, streamRecordsQuerySchema } from '@/lib/server/sinks/read-sink-stream';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

// Kinesis refusing the read (a missing permission, an unknown stream) is the answer to the
// question asked (ok: false), so it comes with status 200, as Test connection does.
export const GET = apiRoute<{ id: string }>(async (request, params) => {
  const { limit } = readQuery(request, streamRecordsQuerySchema);
  return readSinkStream(sinkIdOf(params), limit);
});
