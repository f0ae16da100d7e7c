import type { CheckReport, CheckStatus } from '@/lib/client/api-types';

const STATUS: Record<CheckStatus, { icon: string; label: string; className: string }> = {
  ok: { icon: '✓', label: 'OK', className: 'bg-green-100 text-green-800' },
  warning: { icon: '!', label: 'Warning', className: 'bg-amber-100 text-amber-800' },
  error: { icon: '✕', label: 'Error', className: 'bg-red-100 text-red-800' },
  skipped: { icon: '–', label: 'Skipped', className: 'bg-slate-100 text-slate-500' },
};

/** A source's checks as a checklist: each with its status, what was checked and what to do. */
export function CheckList({ report }: { report: CheckReport }) {
  return (
    <ul className="space-y-2" data-testid="check-list" aria-label="Checks">
      {report.checks.map((check) => {
        const status = STATUS[check.status];
        return (
          <li key={check.id} className="flex gap-3" data-testid="check" data-status={check.status}>
            <span
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${status.className}`}
              role="img"
              aria-label={status.label}
              title={status.label}
            >
              {status.icon}
            </span>
            <div className="text-sm">
              <p className="font-medium text-slate-900">{check.title}</p>
              {check.detail && <p className="whitespace-pre-line text-slate-600">{check.detail}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
