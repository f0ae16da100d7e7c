import { createHash } from 'node:crypto';
import type { OpenShard } from '@shardline/kinesis';

/** The 128-bit hash key Kinesis maps a partition key to: MD5 of its UTF-8 bytes, big-endian. */
export function hashKeyOf(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

/** The open shards of a stream, looked up by partition key as Kinesis routes records. */
export class ShardMap {
  readonly #shards: OpenShard[];

  constructor(shards: OpenShard[]) {
    this.#shards = [...shards].sort((a, b) => (a.startingHashKey < b.startingHashKey ? -1 : 1));
  }

  get shardIds(): string[] {
    return this.#shards.map((shard) => shard.shardId);
  }

  has(shardId: string): boolean {
    return this.#shards.some((shard) => shard.shardId === shardId);
  }

  /** The open shard taking `partitionKey`, or null when no open shard covers its hash key. */
  shardOf(partitionKey: string): string | null {
    const key = hashKeyOf(partitionKey);
    let low = 0;
    let high = this.#shards.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const shard = this.#shards[middle] as OpenShard;
      if (key < shard.startingHashKey) high = middle - 1;
      else if (key > shard.endingHashKey) low = middle + 1;
      else return shard.shardId;
    }
    // A gap: a split or merge under way between two reads of the map.
    return null;
  }
}
