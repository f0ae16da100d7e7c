import { createHash } from 'node:crypto';

/** Kinesis accepts partition keys of 1 to 256 Unicode characters. */
export const MAX_PARTITION_KEY_LENGTH = 256;
// Long keys keep a readable head, then a hash of the whole key: same key, same result,
// and two long keys sharing a head still land on different partition keys.
const KEPT_HEAD_LENGTH = 180;

/**
 * Turns a message group into the partition key sent to Kinesis. Keys over 256 characters are
 * shortened deterministically (never rejected, never cut blindly); an empty group is refused
 * because Kinesis has no empty partition key.
 */
export function toPartitionKey(group: string): string {
  if (group.length === 0) throw new RangeError('a message group must not be empty');
  const codePoints = Array.from(group);
  if (codePoints.length <= MAX_PARTITION_KEY_LENGTH) return group;
  const digest = createHash('sha256').update(group, 'utf8').digest('hex');
  return `${codePoints.slice(0, KEPT_HEAD_LENGTH).join('')}…#${digest}`;
}

/** Which delivery lane serves a group: stable for the life of the sink. */
export function laneOf(partitionKey: string, laneCount: number): number {
  return createHash('md5').update(partitionKey, 'utf8').digest().readUInt32BE(0) % laneCount;
}
