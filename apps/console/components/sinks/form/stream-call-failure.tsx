import type { StreamCallFailure } from '@shardline/kinesis';

/** What AWS refused, in its words, and the one thing to change. */
export function StreamCallFailureText({ error, testId }: { error: StreamCallFailure; testId: string }) {
  return (
    <div
      className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
      data-testid={testId}
      data-ok="false"
    >
      <p>
        <code className="font-semibold">{error.code}</code>: {error.message}
      </p>
      {error.hint && <p className="text-red-700">{error.hint}</p>}
    </div>
  );
}
