'use client';

/**
 * "Aggregate records": opt-in, because turning it on changes what every consumer of the stream
 * receives; the explanation says so before anyone ticks it.
 */
export function AggregateRecordsField({
  checked,
  onChange,
  error,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  return (
    <div className="text-sm">
      <label className="flex items-start gap-1.5">
        <input
          type="checkbox"
          className="mt-1"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          data-testid="aggregate-records"
        />
        <span>
          <span className="font-medium">Aggregate records (KPL format)</span>
          <span className="block text-xs text-slate-500">
            Packs several messages into one Kinesis record in the Kinesis Producer Library's aggregated
            format, so small messages are no longer held back by a shard's 1,000 records a second. Every
            consumer of the stream must deaggregate: the KCL does it for you; a Lambda function needs the
            aws-kinesis-agg module. Off by default; turn it on only once every consumer deaggregates.
          </span>
        </span>
      </label>
      {error && <p className="mt-1 text-red-700">{error}</p>}
    </div>
  );
}
