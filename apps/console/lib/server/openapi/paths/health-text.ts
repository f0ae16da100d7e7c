import { HEALTH_REASONS, SINK_HEALTH_STATUSES, SOURCE_HEALTH_STATUSES } from '@shardline/core';

/** The health objects, as the operations that answer them describe them (docs/api.md, "Health"). */
export const SINK_HEALTH =
  `health = { status: ${SINK_HEALTH_STATUSES.join('|')}, reason, summary, fix, problems: [{ code, sentence, fix, table }], checkedAt }: ` +
  'healthy only when every chosen table exists, has what its grouping needs and is published, the source is read and keeps up, and the stream takes records with the saved settings. ' +
  `reason (null when healthy) is one of ${HEALTH_REASONS.join(', ')}; summary and fix say it in words; problems lists everything found, the most urgent first (paused first, then not capturing, failing, throttled, lagging, unverified). ` +
  "throttled: Kinesis throttles the sink, which sends at the stream's limit (the rate and the shards at their limit in the summary); its messages wait (reason throttled), none fails for it. " +
  'A sink not checked yet (or since an edit) is unverified, never healthy.';

export const SOURCE_HEALTH =
  `health = { status: ${SOURCE_HEALTH_STATUSES.join('|')}, reason, summary, fix, problems, checkedAt, lastError: { message, at } | null, retainedWalBytes, lagBytes, readerRunning }: ` +
  "reading when its reader runs and keeps up; stopped (with why, and the reader's last error) when it does not; idle when no sink takes changes from it. retainedWalBytes is the WAL the slot keeps on the source, lagBytes the part not stored yet.";

export const CHECKS_FAILED =
  'A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway';
