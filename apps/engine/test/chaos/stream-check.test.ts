import { describe, expect, it } from 'vitest';
import { checkStream, type ReadRecord, recoveryAfter } from './stream-check';

function record(group: number, seq: number, arrivedAt = 0, key = `${group}-${seq}`): ReadRecord {
  return {
    partitionKey: String(group),
    data: JSON.stringify({ record: { id: group, seq }, metadata: { idempotency_key: key } }),
    arrivedAt,
  };
}

const committed = new Map([
  [1, 3],
  [2, 2],
]);

describe('checkStream', () => {
  it('passes a stream holding every committed change once, in order per group', () => {
    const check = checkStream(
      [record(1, 1), record(2, 1), record(1, 2), record(2, 2), record(1, 3)],
      committed,
    );
    expect(check).toMatchObject({ committed: 5, delivered: 5, missing: 0, outOfOrder: 0, duplicates: 0 });
  });

  it('counts a committed change that never arrived as missing', () => {
    const check = checkStream([record(1, 1), record(1, 3), record(2, 1), record(2, 2)], committed);
    expect(check).toMatchObject({ delivered: 4, missing: 1, outOfOrder: 0 });
  });

  it('counts a change that first arrived after a later change of its group as out of order', () => {
    const check = checkStream(
      [record(1, 2), record(1, 1), record(1, 3), record(2, 1), record(2, 2)],
      committed,
    );
    expect(check).toMatchObject({ missing: 0, outOfOrder: 1 });
  });

  it('counts repeats of a delivered change as duplicates, not as disorder, noting those behind a later one', () => {
    const check = checkStream(
      [record(1, 1), record(1, 1), record(1, 2), record(1, 1), record(1, 3), record(2, 1), record(2, 2)],
      committed,
    );
    expect(check).toMatchObject({ missing: 0, outOfOrder: 0, duplicates: 2, duplicatesAfterLater: 1 });
  });

  it('flags one change sent under two idempotency keys, and records of changes never committed', () => {
    const check = checkStream(
      [record(1, 1), record(1, 1, 0, 'other'), record(1, 2), record(1, 3), record(1, 4), record(3, 1)],
      committed,
    );
    expect(check).toMatchObject({ twoKeys: 1, unexpected: 2, duplicates: 0 });
  });
});

describe('recoveryAfter', () => {
  const commits = [
    { at: 1_000, changes: [{ group: 1, seq: 1 }] },
    { at: 2_000, changes: [{ group: 1, seq: 2 }] },
    { at: 5_500, changes: [{ group: 1, seq: 3 }] },
  ];

  it('is the time from the fault ending until everything committed before it, and the first change after, arrived', () => {
    const check = checkStream([record(1, 1, 1_100), record(1, 2, 6_500), record(1, 3, 6_600)], committed);
    expect(recoveryAfter(commits, check.firstArrival, 5_000)).toEqual({ seconds: 1.6, backlog: 1 });
    expect(recoveryAfter(commits, check.firstArrival, 7_000)).toEqual({ seconds: 0, backlog: 0 });
  });

  it('is NaN when a change committed before the fault ended never arrived', () => {
    const check = checkStream([record(1, 1, 1_100)], committed);
    expect(recoveryAfter(commits, check.firstArrival, 5_000).seconds).toBeNaN();
  });
});

describe('recoveryAfter with nothing behind', () => {
  it('still waits for the first change committed after the fault', () => {
    const commits = [
      { at: 1_000, changes: [{ group: 1, seq: 1 }] },
      { at: 6_000, changes: [{ group: 1, seq: 2 }] },
    ];
    const check = checkStream([record(1, 1, 1_100), record(1, 2, 9_000)], new Map([[1, 2]]));
    expect(recoveryAfter(commits, check.firstArrival, 5_000)).toEqual({ seconds: 4, backlog: 0 });
  });
});
