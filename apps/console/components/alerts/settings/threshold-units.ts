import type { AlertThresholdField, ThresholdFieldInfo } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';

/** Each threshold as a person reads it, with the unit the page asks in. */
export const THRESHOLD_LABELS: Record<AlertThresholdField, { label: string; short: string }> = {
  groupBlockedMs: { label: 'A group blocked for longer than', short: 'Group blocked' },
  sinkFailingMs: { label: 'A sink failing for longer than', short: 'Failing' },
  sinkNotCapturingMs: { label: 'A sink not capturing for longer than', short: 'Not capturing' },
  sinkThrottledMs: { label: 'A sink throttled by Kinesis for longer than', short: 'Throttled' },
  sourceLagBytes: { label: 'A source keeping more unread WAL than', short: 'Source lag' },
  sourceStalledMs: { label: "A source's reader without progress for longer than", short: 'Reader stalled' },
};

/** The page asks for seconds and MiB; the API takes milliseconds and bytes. */
const FACTOR = { ms: 1_000, bytes: 1024 ** 2 } as const;
export const UNIT_WORDS = { ms: 's', bytes: 'MiB' } as const;

/** A stored value in the page's unit, for an input. */
export function toInput(value: number | null, info: ThresholdFieldInfo): string {
  return value === null ? '' : String(value / FACTOR[info.unit]);
}

/** An input's text as the API's value: null when empty (the default applies), NaN when not a number. */
export function fromInput(text: string, info: ThresholdFieldInfo): number | null {
  if (text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? Math.round(number * FACTOR[info.unit]) : Number.NaN;
}

/** `600 s`, `1,024 MiB`. */
export function formatThreshold(value: number, info: ThresholdFieldInfo): string {
  return `${formatNumber(value / FACTOR[info.unit])} ${UNIT_WORDS[info.unit]}`;
}

/** What applies where nothing is set in the console: the engine's variable, else its built-in default. */
export function engineDefaultWords(info: ThresholdFieldInfo): string {
  return `the engine's ${info.variable} (${formatThreshold(info.builtInDefault, info)} unless set)`;
}
