'use client';

import { errorMessage } from '../../../lib/client/api-fetch';
import { formatBytes, formatNumber } from '../../../lib/client/format';
import { type TestConnectionInput, useTestConnection } from '../../../lib/client/mutations';
import { Button } from '../../ui/button';

/** Calls DescribeStreamSummary with the settings as typed; an AWS failure is a result, with a hint. */
export function TestConnection({ input }: { input: () => TestConnectionInput | null }) {
  const test = useTestConnection();
  const result = test.data;
  return (
    <div className="space-y-2">
      <Button
        onClick={() => {
          const body = input();
          if (body) test.mutate(body);
        }}
        disabled={test.isPending}
        data-testid="test-connection"
      >
        {test.isPending ? 'Testing…' : 'Test connection'}
      </Button>
      <div aria-live="polite">
        {test.isError && (
          <p
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="test-connection-result"
            data-ok="false"
          >
            {errorMessage(test.error)}
          </p>
        )}
        {result?.ok === true && (
          <p
            className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
            data-testid="test-connection-result"
            data-ok="true"
          >
            Connected to <strong>{result.stream.name}</strong>: status {result.stream.status},{' '}
            {formatNumber(result.stream.shardCount)} {result.stream.shardCount === 1 ? 'shard' : 'shards'},{' '}
            {result.stream.maxRecordSizeBytes === null
              ? "no record size limit reported (the sink's own limit applies)"
              : `record size limit ${formatBytes(result.stream.maxRecordSizeBytes)}`}
            .
          </p>
        )}
        {result?.ok === false && (
          <div
            className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="test-connection-result"
            data-ok="false"
          >
            <p>
              <code className="font-semibold">{result.error.code}</code>: {result.error.message}
            </p>
            {result.error.hint && <p className="text-red-700">{result.error.hint}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
