import type { HealthFinding, HealthProblem, HealthReason, SourceHealthStatus } from './health-reasons';
import { HEALTH_REASONS } from './health-reasons';
import { HEALTH_TIMING } from './health-timing';
import { describeFinding } from './health-wording';

/** What the source's reader last said about itself (the source row). Ages by the database's clock. */
export interface ReaderFacts {
  /** Since the reader last stored changes or said it is caught up; null: never. */
  seenAgoMs: number | null;
  lastError: { message: string; at: Date; agoMs: number } | null;
  /** Since the source's first sink was created (from when a reader is expected); null: no sink. */
  expectedForMs: number | null;
}

/** What the latest periodic check of the source found. */
export interface SourceCheckFacts {
  checkedAt: Date;
  ageMs: number;
  /** Whether it checked the settings in force now (not those before an edit). */
  current: boolean;
  connection: { ok: true } | { ok: false; title: string; detail: string };
  database: string | null;
  /** Null when the slot does not exist (yet), or the check could not connect. */
  slot: { active: boolean; retainedBytes: number; lagBytes: number } | null;
}

export interface SourceHealthFacts {
  name: string;
  publicationName: string;
  sinkCount: number;
  reader: ReaderFacts;
  /** Null: never checked. */
  check: SourceCheckFacts | null;
}

/** A source's health, as the API, metrics and console show it. */
export interface SourceHealth {
  status: SourceHealthStatus;
  /** The first problem's code; null when reading with nothing to say. */
  reason: HealthReason | null;
  summary: string;
  fix: string | null;
  problems: HealthProblem[];
  /** When the latest check ran; null: never. */
  checkedAt: Date | null;
  /** The reader's latest error, whether or not it still stops it. */
  lastError: { message: string; at: Date } | null;
  /** WAL the slot keeps on the source's server (bytes), as of the latest check; null when unknown. */
  retainedWalBytes: number | null;
  /** Of which not yet stored by the reader (bytes); null when unknown. */
  lagBytes: number | null;
  /** Whether the reader is running (it may still be behind). */
  readerRunning: boolean;
}

const STOPPING: ReadonlySet<HealthReason> = new Set(['source_unreachable', 'source_not_read', 'no_engine']);

/**
 * Decides a source's health from facts only (no services): reading when its reader runs and keeps
 * up; lagging when it runs but is far behind; stopped when it does not run (with why); unverified
 * while it has not been checked; idle when no sink takes changes from it.
 */
export function decideSourceHealth(facts: SourceHealthFacts): SourceHealth {
  const findings = sourceFindings(facts);
  const problems = findings.map(describeFinding);
  const first = problems[0] ?? null;
  const status: SourceHealthStatus =
    facts.sinkCount === 0
      ? 'idle'
      : findings.some((finding) => STOPPING.has(finding.code))
        ? 'stopped'
        : findings.some((finding) => finding.code === 'source_lagging')
          ? 'lagging'
          : findings.some((finding) => finding.code === 'unverified')
            ? 'unverified'
            : 'reading';
  // The latest known size of the slot, even from before an edit: the slot is the same.
  const slot = facts.check?.slot ?? null;
  return {
    status,
    reason: first?.code ?? null,
    summary:
      status === 'idle'
        ? `No sink takes changes from this source, so nothing reads it and its slot keeps no WAL for Shardline.${first ? ` ${first.sentence}` : ''}`
        : status === 'reading'
          ? 'Reading changes and keeping up.'
          : (first?.sentence ?? ''),
    fix: first?.fix ?? null,
    problems,
    checkedAt: facts.check?.checkedAt ?? null,
    lastError: facts.reader.lastError
      ? { message: facts.reader.lastError.message, at: facts.reader.lastError.at }
      : null,
    retainedWalBytes: slot?.retainedBytes ?? null,
    lagBytes: slot?.lagBytes ?? null,
    readerRunning: readerRunning(facts),
  };
}

/** Running: seen lately (or holding the slot) and not stopped by an error since. */
function readerRunning(facts: SourceHealthFacts): boolean {
  const { reader, check } = facts;
  const errorSinceSeen =
    reader.lastError !== null && (reader.seenAgoMs === null || reader.lastError.agoMs < reader.seenAgoMs);
  if (errorSinceSeen) return false;
  const seenLately = reader.seenAgoMs !== null && reader.seenAgoMs < HEALTH_TIMING.readerSilentMs;
  const holdsSlot = check !== null && check.ageMs < HEALTH_TIMING.checkStaleMs && check.slot?.active === true;
  return seenLately || holdsSlot;
}

function sourceFindings(facts: SourceHealthFacts): HealthFinding[] {
  const { reader, check } = facts;
  const findings: HealthFinding[] = [];
  const fresh = check?.current && check.ageMs < HEALTH_TIMING.checkStaleMs;
  if (fresh && !check.connection.ok) {
    findings.push({
      code: 'source_unreachable',
      source: facts.name,
      title: check.connection.title,
      detail: check.connection.detail,
    });
  }
  if (facts.sinkCount > 0) {
    const running = readerRunning(facts);
    const errorSinceSeen =
      reader.lastError !== null && (reader.seenAgoMs === null || reader.lastError.agoMs < reader.seenAgoMs);
    if (!running && errorSinceSeen && reader.lastError) {
      findings.push({
        code: 'source_not_read',
        source: facts.name,
        error: reader.lastError.message,
        at: reader.lastError.at,
      });
    } else if (!running) {
      const starting =
        reader.seenAgoMs === null && (reader.expectedForMs ?? 0) < HEALTH_TIMING.readerStartGraceMs;
      findings.push(
        starting
          ? { code: 'unverified', what: 'reader', edited: false }
          : { code: 'no_engine', source: facts.name, what: 'read', silentForMs: reader.seenAgoMs },
      );
    } else if (fresh && check.slot && check.slot.lagBytes > HEALTH_TIMING.lagBytes) {
      findings.push({
        code: 'source_lagging',
        source: facts.name,
        lagBytes: check.slot.lagBytes,
        thresholdBytes: HEALTH_TIMING.lagBytes,
      });
    }
  }
  if (check === null || !check.current) {
    findings.push({ code: 'unverified', what: 'source', edited: check !== null });
  } else if (check.ageMs >= HEALTH_TIMING.checkStaleMs) {
    findings.push({ code: 'no_engine', source: facts.name, what: 'checked', silentForMs: check.ageMs });
  }
  return orderProblems(findings);
}

/**
 * Most specific first (HEALTH_REASONS' order, the table's name within a code), each code and
 * table once: the first of two findings of the same code says it.
 */
export function orderProblems<P extends { code: HealthReason; table?: string | null }>(problems: P[]): P[] {
  const seen = new Set<string>();
  return problems
    .filter((problem) => {
      const key = `${problem.code}:${problem.table ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        HEALTH_REASONS.indexOf(a.code) - HEALTH_REASONS.indexOf(b.code) ||
        (a.table ?? '').localeCompare(b.table ?? ''),
    );
}
