/** Each threshold given whose value differs from the stored one, with both: what an audit event lists. */
export function thresholdChanges<F extends string>(
  current: Record<F, number | null>,
  next: Partial<Record<F, number | null | undefined>>,
): Partial<Record<F, { from: number | null; to: number | null }>> {
  const changes: Partial<Record<F, { from: number | null; to: number | null }>> = {};
  for (const [field, value] of Object.entries(next) as Array<[F, number | null | undefined]>) {
    if (value === undefined || value === current[field]) continue;
    changes[field] = { from: current[field], to: value };
  }
  return changes;
}
