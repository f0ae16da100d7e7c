import type {
  HealthFinding,
  HealthProblem,
  HealthReason,
  SinkHealthStatus,
  ThrottlingFacts,
} from './health-reasons';
import { SINK_HEALTH_STATUSES } from './health-reasons';
import { HEALTH_TIMING } from './health-timing';
import { describeFinding, statusOfReason } from './health-wording';
import { orderProblems, type SourceHealth } from './source-health';
import { streamReasonOf } from './stream-reason';
import { type ChosenTable, type TableFacts, tableFindings } from './table-findings';

/** What the latest periodic check of the sink's stream found. Ages by the database's clock. */
export interface StreamCheckFacts {
  checkedAt: Date;
  ageMs: number;
  /** Whether it checked the settings in force now (not those before an edit). */
  current: boolean;
  result:
    | { ok: true }
    | { ok: false; code: string; message: string; hint: string | null; via: 'describe' | 'delivery' };
}

export interface SinkHealthFacts {
  /** From the stream ARN. */
  streamName: string;
  paused: { at: Date; by: string | null } | null;
  failing: { count: number; latestError: string | null };
  /** Null: no engine says Kinesis throttles it now (as of the fresh reports). */
  throttling: ThrottlingFacts | null;
  /** Null: never checked. */
  stream: StreamCheckFacts | null;
  /** Null for a sink no source feeds. */
  source: {
    health: SourceHealth;
    publicationName: string;
    database: string | null;
    /** When the source's check last looked at this sink's tables as they are now; null: not yet. */
    tablesCheckedAt: Date | null;
  } | null;
  /** Each chosen table with what the source's check found; facts null: not checked as chosen now. */
  tables: Array<ChosenTable & { facts: TableFacts | null }>;
}

/** A sink's health, as the API, the metrics, the alerts and the console show it. */
export interface SinkHealth {
  status: SinkHealthStatus;
  /** The code of the problem that decides the status; null when healthy. */
  reason: HealthReason | null;
  /** In one sentence: what is wrong (the reason's), or what works. */
  summary: string;
  /** What to do about the reason; null when healthy. */
  fix: string | null;
  /** Every problem found, the most urgent first; a paused sink still lists the others. */
  problems: HealthProblem[];
  /** When the oldest fact behind this verdict was checked; null while something was never checked. */
  checkedAt: Date | null;
}

/**
 * Decides a sink's health from facts only (no services). Healthy only when it is capturing and
 * delivering: every chosen table exists, has what its grouping needs and is published; the
 * source's reader runs and keeps up; the stream takes records with the saved settings; nothing
 * fails; Kinesis does not throttle it. Anything else names its reason. Precedence: paused (a
 * person chose it), then not_capturing, failing, throttled, lagging, unverified.
 */
export function decideSinkHealth(facts: SinkHealthFacts): SinkHealth {
  const problems = orderProblems([
    ...sinkFindings(facts).map(describeFinding),
    ...(facts.source?.health.problems ?? []),
  ]).sort((a, b) => rank(statusOfReason(a.code)) - rank(statusOfReason(b.code)));
  const checkedAt = oldest([
    facts.stream?.checkedAt ?? null,
    ...(facts.source ? [facts.source.tablesCheckedAt] : []),
  ]);
  const first = problems[0];
  if (!first) {
    return {
      status: 'healthy',
      reason: null,
      summary: facts.source
        ? `Capturing ${facts.tables.length === 1 ? '1 table' : `${facts.tables.length} tables`} and delivering to stream ${facts.streamName}.`
        : `Delivering to stream ${facts.streamName}.`,
      fix: null,
      problems: [],
      checkedAt,
    };
  }
  return {
    status: statusOfReason(first.code),
    reason: first.code,
    summary: first.sentence,
    fix: first.fix,
    problems,
    checkedAt,
  };
}

function rank(status: SinkHealthStatus): number {
  return SINK_HEALTH_STATUSES.indexOf(status);
}

function sinkFindings(facts: SinkHealthFacts): HealthFinding[] {
  const findings: HealthFinding[] = [];
  if (facts.paused) {
    findings.push({ code: 'paused', by: facts.paused.by, at: facts.paused.at, failing: facts.failing.count });
  }
  findings.push(...streamFindings(facts));
  if (facts.failing.count > 0) {
    findings.push({
      code: 'messages_failing',
      count: facts.failing.count,
      latestError: facts.failing.latestError,
    });
  }
  if (facts.throttling) findings.push({ code: 'throttled', ...facts.throttling });
  const source = facts.source;
  if (source) {
    // Without a connection the tables cannot be looked at: the source's own problem says why.
    const unreachable = source.health.problems.some((problem) => problem.code === 'source_unreachable');
    for (const table of facts.tables) {
      if (table.facts) {
        findings.push(
          ...tableFindings(table, table.facts, {
            database: source.database,
            publication: source.publicationName,
          }),
        );
      } else if (!unreachable) {
        findings.push({ code: 'unverified', what: 'tables', edited: facts.stream !== null });
      }
    }
  }
  return findings;
}

function streamFindings(facts: SinkHealthFacts): HealthFinding[] {
  const check = facts.stream;
  if (!check?.current) return [{ code: 'unverified', what: 'stream', edited: check !== null }];
  if (check.ageMs >= HEALTH_TIMING.checkStaleMs) {
    return [{ code: 'no_engine', source: null, what: 'checked', silentForMs: check.ageMs }];
  }
  if (check.result.ok) return [];
  const { code, message, hint, via } = check.result;
  return [
    {
      code: streamReasonOf(code) ?? 'stream_error',
      stream: facts.streamName,
      errorCode: code,
      message,
      hint,
      via,
    },
  ];
}

function oldest(dates: Array<Date | null>): Date | null {
  if (dates.some((date) => date === null)) return null;
  return (dates as Date[]).reduce<Date | null>(
    (earliest, date) => (earliest === null || date < earliest ? date : earliest),
    null,
  );
}
