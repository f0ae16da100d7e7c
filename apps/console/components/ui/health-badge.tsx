import type {
  Health,
  HealthProblem,
  HealthStatus,
  SourceHealth,
  SourceHealthStatus,
} from '@/lib/client/api-types';
import { localiseTimes } from '@/lib/client/times-in-text';
import { TextWithTimes } from './text-with-times';

const RED = 'bg-red-100 text-red-800 ring-red-600/20';
const AMBER = 'bg-amber-100 text-amber-800 ring-amber-600/20';
const GREEN = 'bg-green-100 text-green-800 ring-green-600/20';
const GREY = 'bg-slate-100 text-slate-700 ring-slate-500/20';

const SINK_STATES: Record<HealthStatus, { label: string; className: string }> = {
  healthy: { label: 'Healthy', className: GREEN },
  paused: { label: 'Paused', className: AMBER },
  not_capturing: { label: 'Not capturing', className: RED },
  failing: { label: 'Failing', className: RED },
  throttled: { label: 'Throttled', className: AMBER },
  lagging: { label: 'Lagging', className: AMBER },
  unverified: { label: 'Not checked yet', className: GREY },
};

const SOURCE_STATES: Record<SourceHealthStatus, { label: string; className: string }> = {
  reading: { label: 'Reading', className: GREEN },
  lagging: { label: 'Lagging', className: AMBER },
  stopped: { label: 'Stopped', className: RED },
  unverified: { label: 'Not checked yet', className: GREY },
  idle: { label: 'Idle (no sinks)', className: GREY },
};

/**
 * A sink's or source's state as `data-testid="health-badge"` (with `data-status` and
 * `data-reason`), and with `showReason` the sentence (`health-reason`) and the fix (`health-fix`).
 */
export function HealthBadge(
  props: ({ health: Health; subject?: 'sink' } | { health: SourceHealth; subject: 'source' }) & {
    showReason?: boolean;
    showFix?: boolean;
  },
) {
  const { health, showReason = false, showFix = false } = props;
  const { label, className } =
    props.subject === 'source' ? SOURCE_STATES[props.health.status] : SINK_STATES[props.health.status];
  return (
    <span className="inline-flex flex-col gap-1">
      <span>
        <span
          className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
          data-testid="health-badge"
          data-status={health.status}
          data-reason={health.reason ?? ''}
          title={localiseTimes(health.summary)}
        >
          {label}
        </span>
      </span>
      {showReason && health.reason && (
        <span className="text-sm text-slate-700" data-testid="health-reason">
          <TextWithTimes text={health.summary} />
        </span>
      )}
      {showFix && health.fix && (
        <span className="text-sm text-slate-500" data-testid="health-fix">
          <span className="font-medium text-slate-600">Fix: </span>
          {health.fix}
        </span>
      )}
    </span>
  );
}

/** Every problem found, each with its fix; nothing when there is at most the one the badge says. */
export function HealthProblems({ problems }: { problems: HealthProblem[] }) {
  if (problems.length < 2) return null;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-label="Problems"
      data-testid="health-problems"
    >
      <h2 className="mb-2 font-semibold">Everything that needs attention</h2>
      <ul className="space-y-2 text-sm">
        {problems.map((problem) => (
          <li
            key={`${problem.code}:${problem.table ?? ''}`}
            data-testid="health-problem"
            data-reason={problem.code}
          >
            <p className="text-slate-800">
              <TextWithTimes text={problem.sentence} />
            </p>
            <p className="text-slate-500">{problem.fix}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
