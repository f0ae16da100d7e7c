import { describe, expect, it } from 'vitest';
import { laneOf, MAX_PARTITION_KEY_LENGTH, toPartitionKey } from '../src/partition-key';

describe('partition keys', () => {
  it('keeps a group of up to 256 characters as it is', () => {
    expect(toPartitionKey('42')).toBe('42');
    const exactly256 = 'k'.repeat(256);
    expect(toPartitionKey(exactly256)).toBe(exactly256);
  });

  it('shortens a longer group deterministically, within the limit, keeping its head readable', () => {
    const long = `order:${'x'.repeat(400)}`;
    const key = toPartitionKey(long);
    expect(Array.from(key).length).toBeLessThanOrEqual(MAX_PARTITION_KEY_LENGTH);
    expect(key.startsWith('order:xxx')).toBe(true);
    expect(toPartitionKey(long)).toBe(key);
  });

  it('gives different keys to long groups that share their first characters', () => {
    const head = 'h'.repeat(300);
    expect(toPartitionKey(`${head}a`)).not.toBe(toPartitionKey(`${head}b`));
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const emoji = '🚚'.repeat(300);
    const key = toPartitionKey(emoji);
    expect(Array.from(key).length).toBeLessThanOrEqual(256);
    expect(key).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(toPartitionKey('🚚'.repeat(256))).toBe('🚚'.repeat(256));
  });

  it('refuses an empty group, which Kinesis cannot take as a partition key', () => {
    expect(() => toPartitionKey('')).toThrow(/must not be empty/);
  });

  it('spreads groups over every lane and keeps each group on one lane', () => {
    const lanes = new Set(Array.from({ length: 1_000 }, (_, i) => laneOf(`group-${i}`, 16)));
    expect(lanes.size).toBe(16);
    expect(laneOf('group-7', 16)).toBe(laneOf('group-7', 16));
  });
});
