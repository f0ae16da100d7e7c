/**
 * A threshold for every sink: the sink's own where it has one, else the installation's
 * (docs/alerts.md, "Settings"). The evaluator builds it on every pass; the condition queries
 * apply it per sink.
 */
export interface PerSinkThreshold {
  defaultMs: number;
  bySink: ReadonlyMap<string, number>;
}

export function thresholdFor(threshold: PerSinkThreshold, sinkId: string): number {
  return threshold.bySink.get(sinkId) ?? threshold.defaultMs;
}

/** The overrides as two parallel arrays, for `unnest($ids::uuid[], $ms::int8[])` in a query. */
export function overrideArrays(threshold: PerSinkThreshold): [string[], number[]] {
  return [[...threshold.bySink.keys()], [...threshold.bySink.values()]];
}
