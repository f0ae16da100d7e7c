/**
 * Codes that can mean the stream's shards changed under the sender (a split or merge under
 * way, a shard gone): the shard map is read again at once. (Throttling codes are
 * @shardline/core's isThrottlingCode.)
 */
const RESHARDING_CODES = new Set(['ResourceInUseException', 'InvalidArgumentException']);

export function mayMeanReshard(code: string): boolean {
  return RESHARDING_CODES.has(code);
}
