import type { Health, HealthStatus } from '../../lib/client/api-types';

const HEALTH: Record<HealthStatus, { label: string; className: string }> = {
  healthy: { label: 'Healthy', className: 'bg-green-100 text-green-800 ring-green-600/20' },
  failing: { label: 'Failing', className: 'bg-red-100 text-red-800 ring-red-600/20' },
  paused: { label: 'Paused', className: 'bg-amber-100 text-amber-800 ring-amber-600/20' },
};

/** The sink's health, and why, as `data-testid="health-badge"` with `data-status`. */
export function HealthBadge({ health, showReason = false }: { health: Health; showReason?: boolean }) {
  const { label, className } = HEALTH[health.status];
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span
        className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
        data-testid="health-badge"
        data-status={health.status}
        title={health.reason ?? undefined}
      >
        {label}
      </span>
      {showReason && health.reason && (
        <span className="text-sm text-slate-600" data-testid="health-reason">
          {health.reason}
        </span>
      )}
    </span>
  );
}
