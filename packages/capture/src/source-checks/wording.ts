/** `1 table`, `2 tables`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function list(items: readonly string[]): string {
  return items.join(', ');
}
