import type { PreparedMessage } from '@shardline/db';

/**
 * Messages decoded but not yet stored, per sink, and the end of the last transaction whose
 * changes are all in the buffer: once the buffer is stored, that position may be acknowledged.
 */
export class MessageBuffer {
  readonly #bySink = new Map<string, PreparedMessage[]>();
  #size = 0;
  #completeUpTo: string | null = null;
  #oldestAt: number | null = null;

  add(sinkId: string, message: PreparedMessage): void {
    let messages = this.#bySink.get(sinkId);
    if (!messages) {
      messages = [];
      this.#bySink.set(sinkId, messages);
    }
    messages.push(message);
    this.#size += 1;
    this.#oldestAt ??= Date.now();
  }

  /** Every change up to the commit ending at `lsn` is in the buffer. */
  completeTransaction(commitEndLsn: string): void {
    this.#completeUpTo = commitEndLsn;
    this.#oldestAt ??= Date.now();
  }

  /** Messages or a finished transaction end waiting to be stored. */
  hasContent(): boolean {
    return this.#size > 0 || this.#completeUpTo !== null;
  }

  get size(): number {
    return this.#size;
  }

  /** Milliseconds since the oldest unstored message or transaction end arrived. */
  age(): number {
    return this.#oldestAt === null ? 0 : Date.now() - this.#oldestAt;
  }

  /** Takes everything out: what to store, and the position acknowledgeable once it is stored. */
  drain(): { bySink: Map<string, PreparedMessage[]>; completeUpTo: string | null } {
    const drained = { bySink: new Map(this.#bySink), completeUpTo: this.#completeUpTo };
    this.#bySink.clear();
    this.#size = 0;
    this.#completeUpTo = null;
    this.#oldestAt = null;
    return drained;
  }
}
