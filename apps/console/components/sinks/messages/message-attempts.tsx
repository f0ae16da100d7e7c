import { RelativeTime } from '@/components/ui/relative-time';
import type { DeliveryAttempt } from '@/lib/client/api-types';
import { formatDuration } from '@/lib/client/format';

const OUTCOME_CLASS: Record<DeliveryAttempt['outcome'], string> = {
  delivered: 'text-green-700',
  throttled: 'text-amber-800',
  failed: 'text-red-700',
};

/**
 * Every failed attempt and every delivered one a person asked for, oldest first; a throttled one
 * (back-pressure, not a failure) in amber.
 */
export function MessageAttempts({ attempts }: { attempts: DeliveryAttempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-500">No failed or manual attempt.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="attempts">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">#</th>
            <th className="py-1 pr-3 font-medium">When</th>
            <th className="py-1 pr-3 font-medium">Duration</th>
            <th className="py-1 pr-3 font-medium">Trigger</th>
            <th className="py-1 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attempts.map((attempt) => (
            <tr
              key={`${attempt.attemptNumber}-${attempt.attemptedAt}`}
              className="align-top"
              data-testid="attempt"
            >
              <td className="py-1.5 pr-3 tabular-nums">{attempt.attemptNumber}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">
                <RelativeTime value={attempt.attemptedAt} />
              </td>
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                {formatDuration(attempt.durationMs)}
              </td>
              <td className="py-1.5 pr-3">{attempt.trigger}</td>
              <td className="py-1.5" data-outcome={attempt.outcome}>
                {attempt.outcome === 'delivered' ? (
                  <span className={`font-semibold ${OUTCOME_CLASS.delivered}`}>Delivered</span>
                ) : (
                  <>
                    <code
                      className={`font-semibold ${OUTCOME_CLASS[attempt.outcome]}`}
                      data-throttled={attempt.outcome === 'throttled'}
                    >
                      {attempt.errorCode}
                    </code>{' '}
                    <span className="break-words">{attempt.errorMessage}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
