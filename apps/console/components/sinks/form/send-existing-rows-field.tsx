'use client';

/** "Also send the rows that already exist": a backfill of the table, started with the new sink. */
export function SendExistingRowsField({
  tableKey,
  checked,
  onChange,
}: {
  tableKey: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-start gap-1.5">
      <input
        type="checkbox"
        className="mt-1"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={`send-existing-rows-${tableKey}`}
      />
      <span>
        Also send the rows that already exist
        <span className="block text-xs text-slate-500">
          A backfill of this table starts with the sink; it shows on the sink's page. Later, start one from
          there.
        </span>
      </span>
    </label>
  );
}
