import { CodeBlock } from '@/components/ui/code-block';
import { RelativeTime } from '@/components/ui/relative-time';
import type { StreamRecord } from '@/lib/client/api-types';
import { formatBytes, prettyJson } from '@/lib/client/format';

/**
 * One message as it sits in the stream: where it is, its key, and its data for reading. A message
 * packed into an aggregated record says so: the shard and sequence number are the aggregate's.
 */
export function StreamRecordRow({ record }: { record: StreamRecord }) {
  return (
    <tr data-testid="stream-record" data-partition-key={record.partitionKey} className="align-top">
      <td className="px-3 py-2 text-xs whitespace-nowrap">
        <RelativeTime value={record.arrivedAt} />
      </td>
      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{record.shardId}</td>
      <td className="max-w-36 truncate px-3 py-2 font-mono text-xs" title={record.sequenceNumber}>
        {record.sequenceNumber}
      </td>
      <td className="max-w-40 truncate px-3 py-2 font-mono text-xs" title={record.partitionKey}>
        {record.partitionKey}
      </td>
      <td className="px-3 py-2">
        <CodeBlock testId="stream-record-data" className="max-h-48 max-w-xl p-2">
          {shownData(record)}
        </CodeBlock>
        <p className="mt-1 text-xs text-slate-500">
          {formatBytes(record.sizeBytes)}
          {record.aggregate && (
            <span data-testid="stream-record-aggregate">
              {' '}
              · message {record.aggregate.index + 1} of {record.aggregate.count} in one aggregated record (
              {formatBytes(record.aggregate.sizeBytes)})
            </span>
          )}
          {record.encoding === 'base64' && ' · not UTF-8 text: shown as base64'}
          {record.truncated && ' · cut: only the start of the data is shown'}
        </p>
      </td>
    </tr>
  );
}

// Data cut short is not valid JSON any more: it is shown as the text it is.
function shownData(record: StreamRecord): string {
  if (record.encoding === 'base64' || record.truncated) return record.data;
  return prettyJson(record.data);
}
