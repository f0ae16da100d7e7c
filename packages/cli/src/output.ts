/** What a command prints: JSON with --json (for scripts), words and tables for people. */
export interface Output {
  json: boolean;
  write(text: string): void;
}

export const stdoutOutput = (json: boolean): Output => ({
  json,
  write: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
});

/** Prints `data` as JSON with --json, else what `human` makes of it. */
export function show<T>(out: Output, data: T, human: (data: T) => string): void {
  out.write(out.json ? JSON.stringify(data, null, 2) : human(data));
}

/** Rows as aligned columns under a header; `empty` when there is none. */
export function table<T>(
  rows: T[],
  columns: Array<[header: string, cell: (row: T) => unknown]>,
  empty: string,
): string {
  if (rows.length === 0) return empty;
  const cells = [
    columns.map(([header]) => header),
    ...rows.map((row) => columns.map(([, cell]) => text(cell(row)))),
  ];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? '').length)));
  return cells
    .map((line) =>
      line
        .map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
