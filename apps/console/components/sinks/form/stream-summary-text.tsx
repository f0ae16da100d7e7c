import type { StreamSummary } from '@shardline/kinesis';
import { formatBytes, formatNumber } from '@/lib/client/format';

/** "<name>: status ACTIVE, 2 shards, record size limit 1 MiB", as Test connection and Create stream say it. */
export function StreamSummaryText({ stream }: { stream: StreamSummary }) {
  return (
    <>
      <strong>{stream.name}</strong>: status {stream.status}, {formatNumber(stream.shardCount)}{' '}
      {stream.shardCount === 1 ? 'shard' : 'shards'},{' '}
      {stream.maxRecordSizeBytes === null
        ? "no record size limit reported (the sink's own limit applies)"
        : `record size limit ${formatBytes(stream.maxRecordSizeBytes)}`}
    </>
  );
}
