import { MAX_RECORDS_PER_REQUEST, MAX_REQUEST_BYTES } from '@shardline/kinesis';
import { describe, expect, it } from 'vitest';
import { AGGREGATED_HEADS_PER_REQUEST, packRequests, walkLimitsFor } from './packing';

const message = (groupKey: string, sizeBytes = 100) => ({ groupKey, sizeBytes });
const MiB = 1024 * 1024;

describe('packRequests', () => {
  it('puts at most 500 records in a request', () => {
    const packed = packRequests(
      Array.from({ length: 1_201 }, (_, i) => message(`g${i}`)),
      { maxRecordBytes: MiB },
    );
    expect(packed.requests.map((request) => request.length)).toEqual([500, 500, 201]);
    expect(MAX_RECORDS_PER_REQUEST).toBe(500);
  });

  it('keeps a request within 5 MiB, counting data plus partition key', () => {
    const packed = packRequests(
      Array.from({ length: 12 }, (_, i) => message(`g${i}`, MiB)),
      { maxRecordBytes: MiB },
    );
    expect(packed.requests.map((request) => request.length)).toEqual([5, 5, 2]);
    for (const request of packed.requests)
      expect(request.reduce((sum, m) => sum + m.sizeBytes, 0)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('lets a request grow to the record limit when the stream allows records over 5 MiB', () => {
    const packed = packRequests([message('a', 100), message('b', 8 * MiB), message('c', 3 * MiB)], {
      maxRecordBytes: 10 * MiB,
    });
    expect(packed.requests.map((request) => request.map((m) => m.groupKey))).toEqual([['a', 'b'], ['c']]);
  });

  it('judges the record size limit per message: only the oversize one is held out', () => {
    const packed = packRequests([message('a', 10), message('b', MiB + 1), message('c', MiB)], {
      maxRecordBytes: MiB,
    });
    expect(packed.tooLarge.map((m) => m.groupKey)).toEqual(['b']);
    expect(packed.requests.flat().map((m) => m.groupKey)).toEqual(['a', 'c']);
  });

  it('never puts two records of one group in a batch', () => {
    const packed = packRequests([message('a'), message('b'), message('a')], { maxRecordBytes: MiB });
    expect(packed.requests.flat().map((m) => m.groupKey)).toEqual(['a', 'b']);
    expect(packed.deferred.map((m) => m.groupKey)).toEqual(['a']);
  });

  it('holds back, without sending, the records whose shard has no room in its budget', () => {
    const room = new Map([
      ['hot', 1],
      ['cold', 10],
    ]);
    const shardOf = (groupKey: string) => (groupKey.startsWith('h') ? 'hot' : 'cold');
    const asked: string[] = [];
    const packed = packRequests(
      [message('h1'), message('c1'), message('h2'), message('c2'), message('big', 2 * MiB)],
      { maxRecordBytes: MiB },
      (m) => {
        asked.push(m.groupKey);
        const left = room.get(shardOf(m.groupKey)) ?? 0;
        if (left < 1) return false;
        room.set(shardOf(m.groupKey), left - 1);
        return true;
      },
    );
    expect(packed.requests.flat().map((m) => m.groupKey)).toEqual(['h1', 'c1', 'c2']);
    expect(packed.deferred.map((m) => m.groupKey)).toEqual(['h2']);
    // An oversize record takes no budget: it is never sent.
    expect(asked).not.toContain('big');
    expect(packed.tooLarge.map((m) => m.groupKey)).toEqual(['big']);
  });
});

describe('walkLimitsFor', () => {
  const base = { headsPerWalk: 750, maxRecordBytes: MiB, budgetRecords: 10_000, judgedAfterTransform: false };

  it('asks the walk for one request: 500 heads and 5 MiB at most', () => {
    expect(walkLimitsFor(base)).toEqual({
      heads: 750,
      dueHeads: 500,
      dueBytes: MAX_REQUEST_BYTES,
      maxRecordBytes: MiB,
    });
  });

  it('asks for no more heads than the shard budgets take now', () => {
    expect(walkLimitsFor({ ...base, budgetRecords: 37 }).dueHeads).toBe(37);
  });

  it('leaves the size to be judged after a transform', () => {
    expect(walkLimitsFor({ ...base, judgedAfterTransform: true }).maxRecordBytes).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('walkLimitsFor with aggregation', () => {
  const base = { headsPerWalk: 750, maxRecordBytes: MiB, budgetRecords: 2, judgedAfterTransform: false };

  it('chooses thousands of heads within what the aggregates take, in whole bytes', () => {
    expect(walkLimitsFor({ ...base, aggregatedBytes: 300_000.7 })).toEqual({
      heads: AGGREGATED_HEADS_PER_REQUEST,
      dueHeads: AGGREGATED_HEADS_PER_REQUEST,
      dueBytes: 300_000,
      maxRecordBytes: MiB,
    });
    expect(walkLimitsFor({ ...base, aggregatedBytes: 40 * MiB }).dueBytes).toBe(MAX_REQUEST_BYTES);
  });
});
