import { hashKeyOf } from '@shardline/testing';

export interface HashKeyRange {
  startingHashKey: bigint;
  endingHashKey: bigint;
}

/**
 * `perShard` partition keys for each shard: the workload's group ids ("0", "1", …) in order,
 * each given to the shard whose hash key range holds its MD5, as Kinesis maps it.
 */
export function keysByShard(shards: readonly HashKeyRange[], perShard: number): number[][] {
  const keys = shards.map((): number[] => []);
  const limit = perShard * shards.length * 100;
  let full = 0;
  for (let candidate = 0; full < shards.length; candidate++) {
    if (candidate > limit) throw new Error(`no ${perShard} keys per shard among the first ${limit}`);
    const hash = hashKeyOf(String(candidate));
    const shard =
      keys[shards.findIndex((range) => range.startingHashKey <= hash && hash <= range.endingHashKey)];
    if (!shard || shard.length === perShard) continue;
    shard.push(candidate);
    if (shard.length === perShard) full += 1;
  }
  return keys;
}

/**
 * Chooses the group of each offered message so that shard `i` gets `weights[i]` / (sum of the
 * weights) of the messages, spread evenly over time (smooth weighted round robin), and each
 * shard's messages go round its keys in turn.
 */
export class ShardTraffic {
  readonly #keys: readonly (readonly number[])[];
  readonly #weights: readonly number[];
  readonly #total: number;
  readonly #current: number[];
  readonly #offered: number[];

  constructor(keys: readonly (readonly number[])[], weights: readonly number[]) {
    if (keys.length !== weights.length) throw new Error('one weight per shard');
    if (keys.some((shardKeys) => shardKeys.length === 0)) throw new Error('every shard needs a key');
    this.#keys = keys;
    this.#weights = weights;
    this.#total = weights.reduce((sum, weight) => sum + weight, 0);
    this.#current = weights.map(() => 0);
    this.#offered = weights.map(() => 0);
  }

  /** The shard (index) the next message goes to. */
  nextShard(): number {
    let chosen = 0;
    for (let shard = 0; shard < this.#weights.length; shard++) {
      this.#current[shard] = (this.#current[shard] ?? 0) + (this.#weights[shard] ?? 0);
      if ((this.#current[shard] ?? 0) > (this.#current[chosen] ?? 0)) chosen = shard;
    }
    this.#current[chosen] = (this.#current[chosen] ?? 0) - this.#total;
    this.#offered[chosen] = (this.#offered[chosen] ?? 0) + 1;
    return chosen;
  }

  /** Messages given to each shard so far. */
  offeredPerShard(): readonly number[] {
    return [...this.#offered];
  }

  /** The group id of the next message. */
  next(): number {
    const shard = this.nextShard();
    const keys = this.#keys[shard] ?? [];
    const turn = (this.#offered[shard] ?? 1) - 1;
    return keys[turn % keys.length] ?? 0;
  }
}
