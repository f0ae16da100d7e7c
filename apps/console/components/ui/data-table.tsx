import type { ReactNode } from 'react';

/**
 * The console's list table: a bordered, horizontally scrolling frame, a header row of
 * `headings`, and the rows the caller renders as `children`.
 */
export function DataTable({
  headings,
  testId,
  dataState,
  children,
}: {
  headings: readonly string[];
  testId: string;
  /** Set as `data-state` on the table, for tests that wait for a tab's rows. */
  dataState?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId} data-state={dataState}>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {headings.map((heading) => (
              <th key={heading} className="px-3 py-2 font-medium whitespace-nowrap">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
