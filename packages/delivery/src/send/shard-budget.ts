/** Records and bytes a second; Infinity where nothing is known to limit them. */
export interface Rate {
  records: number;
  bytes: number;
}

/** A provisioned shard's write limit, the ceiling of its budget. */
export const PROVISIONED_SHARD_RATE: Rate = { records: 1_000, bytes: 1024 * 1024 };

/**
 * How the budget adapts (docs/decisions.md, "Throttling and shards"). After a throttle the rate
 * drops to 80 % of itself; each second it is used it climbs back by 5 % of its ceiling (or, with
 * no ceiling, of the rate it had when last throttled). The sawtooth between 80 % and 100 % of
 * a shard's real limit keeps its use above 90 %, and the climb from 80 % takes 4 s.
 */
export const AIMD = {
  decreaseFactor: 0.8,
  increasePerSecond: 0.05,
  /** A throttled shard is never starved: it may always take this much. */
  floor: { records: 5, bytes: 5 * 1024 } satisfies Rate,
  /** Tokens held at most: one second's worth, the burst Kinesis itself allows. */
  burstSeconds: 1,
};

/**
 * One shard's send budget: a token bucket whose rate adapts to what Kinesis takes, additive
 * increase while records are accepted, multiplicative decrease when they are throttled. Times
 * are milliseconds on one clock (performance.now() in the engine), passed in so tests need none.
 */
export class ShardBudget {
  #rate: Rate;
  readonly #ceiling: Rate | null;
  #tokens: Rate;
  #at: number;
  #lastIncreaseAt: number;
  #lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** What a second of additive increase adds. */
  #step: Rate;
  // What was sent over the current and the previous second: the rate to start from when a
  // budget without a ceiling is first throttled.
  #window = { startedAt: 0, records: 0, bytes: 0 };
  #previousWindow: Rate = { records: 0, bytes: 0 };

  /** `ceiling` null: no fixed limit (an on-demand stream): learn from throttles only. */
  constructor(ceiling: Rate | null, now: number) {
    this.#ceiling = ceiling;
    this.#rate = ceiling ? { ...ceiling } : { records: Infinity, bytes: Infinity };
    this.#tokens = this.#capacity();
    this.#at = now;
    this.#lastIncreaseAt = now;
    this.#window.startedAt = now;
    this.#step = ceiling ? scale(ceiling, AIMD.increasePerSecond) : { records: 0, bytes: 0 };
  }

  /** Records a second the budget allows now (Infinity until a ceiling-less budget is throttled). */
  get rate(): Rate {
    return { ...this.#rate };
  }

  /** Takes one record of `bytes` if the budget has room now; a large record may go into debt. */
  tryTake(bytes: number, now: number): boolean {
    this.#refill(now);
    if (this.#tokens.records < 1 || this.#tokens.bytes <= 0) return false;
    this.#tokens.records -= 1;
    this.#tokens.bytes -= bytes;
    this.#countSent(bytes, now);
    return true;
  }

  /** Milliseconds until a record may be taken (0 when it may now). */
  readyInMs(now: number): number {
    this.#refill(now);
    const records = this.#tokens.records >= 1 ? 0 : ((1 - this.#tokens.records) / this.#rate.records) * 1000;
    const bytes = this.#tokens.bytes > 0 ? 0 : ((1 - this.#tokens.bytes) / this.#rate.bytes) * 1000;
    return Math.max(records, bytes);
  }

  /** Whole records the budget would take now. */
  available(now: number): number {
    this.#refill(now);
    return this.#tokens.bytes > 0 ? Math.max(0, Math.floor(this.#tokens.records)) : 0;
  }

  /** Bytes the budget holds now (Infinity when nothing limits them); a large record may go into debt. */
  availableBytes(now: number): number {
    this.#refill(now);
    return this.#tokens.records >= 1 ? this.#tokens.bytes : 0;
  }

  /** Records sent at `sentAt` were accepted: the rate climbs with the time it has been used. */
  accepted(now: number): void {
    const seconds = Math.min(1, (now - this.#lastIncreaseAt) / 1000);
    this.#lastIncreaseAt = now;
    if (seconds <= 0 || !Number.isFinite(this.#rate.records)) return;
    this.#rate = {
      records: this.#rate.records + this.#step.records * seconds,
      bytes: this.#rate.bytes + this.#step.bytes * seconds,
    };
    if (this.#ceiling) this.#rate = min(this.#rate, this.#ceiling);
  }

  /**
   * A record sent at `sentAt` was throttled. The rate drops once per round trip: throttles of
   * requests sent before the last drop answer a rate already lowered.
   */
  throttled(sentAt: number, now: number): void {
    if (sentAt < this.#lastDecreaseAt) return;
    this.#refill(now);
    const from = Number.isFinite(this.#rate.records) ? this.#rate : this.#observed(now);
    this.#rate = max(scale(from, AIMD.decreaseFactor), AIMD.floor);
    if (!this.#ceiling) this.#step = scale(from, AIMD.increasePerSecond);
    // What is left in the bucket was judged at the old rate: Kinesis just said it is not there.
    this.#tokens = { records: Math.min(this.#tokens.records, 0), bytes: Math.min(this.#tokens.bytes, 0) };
    this.#lastDecreaseAt = now;
    this.#lastIncreaseAt = now;
  }

  #capacity(): Rate {
    return scale(this.#rate, AIMD.burstSeconds);
  }

  #refill(now: number): void {
    const seconds = Math.max(0, (now - this.#at) / 1000);
    this.#at = Math.max(this.#at, now);
    if (!Number.isFinite(this.#rate.records)) {
      this.#tokens = { records: Infinity, bytes: Infinity };
      return;
    }
    this.#tokens = min(
      {
        records: this.#tokens.records + this.#rate.records * seconds,
        bytes: this.#tokens.bytes + this.#rate.bytes * seconds,
      },
      this.#capacity(),
    );
  }

  #countSent(bytes: number, now: number): void {
    const elapsed = now - this.#window.startedAt;
    if (elapsed >= 1000) {
      const seconds = elapsed / 1000;
      this.#previousWindow = { records: this.#window.records / seconds, bytes: this.#window.bytes / seconds };
      this.#window = { startedAt: now, records: 0, bytes: 0 };
    }
    this.#window.records += 1;
    this.#window.bytes += bytes;
  }

  /** What was sent a second, lately: the best guess of the limit a first throttle reveals. */
  #observed(now: number): Rate {
    const seconds = Math.max(0.1, (now - this.#window.startedAt) / 1000);
    return max(
      { records: this.#window.records / seconds, bytes: this.#window.bytes / seconds },
      this.#previousWindow,
    );
  }
}

function scale(rate: Rate, factor: number): Rate {
  return { records: rate.records * factor, bytes: rate.bytes * factor };
}

function min(a: Rate, b: Rate): Rate {
  return { records: Math.min(a.records, b.records), bytes: Math.min(a.bytes, b.bytes) };
}

function max(a: Rate, b: Rate): Rate {
  return { records: Math.max(a.records, b.records), bytes: Math.max(a.bytes, b.bytes) };
}
