import type { SourceEvent } from '@/lib/client/api-types';
import { RelativeTime } from '../ui/relative-time';

const LEVEL_CLASSES: Record<SourceEvent['level'], string> = {
  info: 'bg-slate-100 text-slate-700',
  warning: 'bg-amber-100 text-amber-800',
  error: 'bg-red-100 text-red-800',
};

/** The reader's latest warnings and errors. */
export function SourceEvents({ events }: { events: SourceEvent[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="events-title">
      <h2 id="events-title" className="mb-3 font-semibold">
        Events
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">No warnings or errors from the reader.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="source-events">
          {events.map((event) => (
            <li key={event.id} className="flex gap-3 py-2" data-testid="source-event">
              <span
                className={`h-fit rounded px-1.5 py-0.5 text-xs font-medium ${LEVEL_CLASSES[event.level]}`}
              >
                {event.level}
              </span>
              <span className="flex-1 whitespace-pre-line">{event.message}</span>
              <span className="shrink-0 text-slate-500">
                <RelativeTime value={event.at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
