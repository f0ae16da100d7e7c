import type { AlertKind } from './alert-kinds';

/** What an evaluation found for one kind and one sink or source: the alert to open, or keep open. */
export interface AlertCondition {
  kind: AlertKind;
  /** Set for the kinds about a sink. */
  sinkId: string | null;
  /** Set for source_lagging. */
  sourceId: string | null;
  targetName: string;
  summary: string;
  details: Record<string, unknown>;
}

/** The key under which at most one alert is open: kind and sink or source. */
export function alertKeyOf(alert: Pick<AlertCondition, 'kind' | 'sinkId' | 'sourceId'>): string {
  return `${alert.kind}:${alert.sinkId ?? alert.sourceId}`;
}
