import type { RoutedChange } from './change-router';

/** What one store takes: the changes, and the position acknowledgeable once they are stored. */
export interface BufferedBatch {
  changes: RoutedChange[];
  /** The end of the last transaction whose changes are all in `changes` (or stored before). */
  completeUpTo: string | null;
}

/**
 * Changes read but not yet stored, and the end of the last transaction whose changes are all in
 * the buffer: once the buffer is stored, that position may be acknowledged.
 */
export class ChangeBuffer {
  #changes: RoutedChange[] = [];
  #completeUpTo: string | null = null;
  #oldestAt: number | null = null;

  add(change: RoutedChange): void {
    this.#changes.push(change);
    this.#oldestAt ??= Date.now();
  }

  /** Every change up to the commit ending at `lsn` is in the buffer. */
  completeTransaction(commitEndLsn: string): void {
    this.#completeUpTo = commitEndLsn;
    this.#oldestAt ??= Date.now();
  }

  /** Changes or a finished transaction end waiting to be stored. */
  hasContent(): boolean {
    return this.#changes.length > 0 || this.#completeUpTo !== null;
  }

  get size(): number {
    return this.#changes.length;
  }

  /** Milliseconds since the oldest unstored change or transaction end arrived. */
  age(): number {
    return this.#oldestAt === null ? 0 : Date.now() - this.#oldestAt;
  }

  /** Takes everything out. */
  drain(): BufferedBatch {
    const drained = { changes: this.#changes, completeUpTo: this.#completeUpTo };
    this.#changes = [];
    this.#completeUpTo = null;
    this.#oldestAt = null;
    return drained;
  }
}
