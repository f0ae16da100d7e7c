import { appendMessages, type Database, type IncomingMessage } from '@shardline/db';
import { makeWorkload } from './workload';

const TICK_MS = 100;

export interface OfferedLoad {
  /** Messages stored. */
  offered: number;
  /** performance.now() before the first batch was stored, and after the last one was. */
  startedAt: number;
  endedAt: number;
  /** Messages a second actually stored (below the rate asked if storing fell behind). */
  rate: number;
}

/**
 * Stores `rate` messages a second for `seconds` with the engine running, a batch every 100 ms, as
 * a source's changes would arrive; `nextGroup` gives each message's group id, in order.
 */
export async function offerLoad(
  db: Database,
  sinkId: string,
  options: {
    rate: number;
    seconds: number;
    nextGroup: () => number;
    /** Changes each message before it is stored (a run that needs another size). */
    shape?: (message: IncomingMessage) => IncomingMessage;
  },
): Promise<OfferedLoad> {
  const ticks = Math.max(1, Math.round((options.seconds * 1000) / TICK_MS));
  let offered = 0;
  const startedAt = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    // Whole messages per tick, without losing the fraction: 37.5 a tick is 37, 38, 37, 38, …
    const count = Math.round(((tick + 1) * options.rate * TICK_MS) / 1000) - offered;
    if (count > 0) {
      const ids = Array.from({ length: count }, () => options.nextGroup());
      const messages = makeWorkload({
        count,
        firstLsn: 1_000 + offered * 16,
        idOf: (index) => ids[index] ?? 0,
      });
      await appendMessages(db, { sinkId, messages: options.shape ? messages.map(options.shape) : messages });
      offered += count;
    }
    const wait = startedAt + (tick + 1) * TICK_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const endedAt = performance.now();
  return { offered, startedAt, endedAt, rate: offered / ((endedAt - startedAt) / 1000) };
}
