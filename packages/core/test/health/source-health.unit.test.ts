import { describe, expect, it } from 'vitest';
import { decideSourceHealth } from '../../src';
import { CHECKED_AT, readingSource, sourceCheck } from './health-facts';

const idleSlot = { active: false, retainedBytes: 8192, lagBytes: 1024 };

describe('decideSourceHealth', () => {
  it('is reading when its reader runs and keeps up, with the WAL its slot keeps', () => {
    expect(decideSourceHealth(readingSource())).toEqual({
      status: 'reading',
      reason: null,
      summary: 'Reading changes and keeping up.',
      fix: null,
      problems: [],
      checkedAt: CHECKED_AT,
      lastError: null,
      retainedWalBytes: 4096,
      lagBytes: 0,
      readerRunning: true,
    });
  });

  it('is stopped with the last error when the reader failed after it was last seen', () => {
    const health = decideSourceHealth(
      readingSource({
        reader: {
          seenAgoMs: 10_000,
          lastError: { message: 'Reading changes stopped: Wrong password', at: CHECKED_AT, agoMs: 2_000 },
          expectedForMs: 600_000,
        },
        check: sourceCheck({ slot: idleSlot }),
      }),
    );
    expect(health).toMatchObject({
      status: 'stopped',
      reason: 'source_not_read',
      lastError: { message: 'Reading changes stopped: Wrong password', at: CHECKED_AT },
      retainedWalBytes: 8192,
      readerRunning: false,
    });
    expect(health.summary).toBe(
      `No changes are read from the source "shop": its reader stopped at ${CHECKED_AT.toISOString()} with the error: Reading changes stopped: Wrong password`,
    );
  });

  it('is reading again once the reader is seen after its last error', () => {
    const health = decideSourceHealth(
      readingSource({
        reader: {
          seenAgoMs: 1_000,
          lastError: { message: 'an old error', at: CHECKED_AT, agoMs: 20_000 },
          expectedForMs: 600_000,
        },
      }),
    );
    expect(health.status).toBe('reading');
    // The last error is still told, for the record.
    expect(health.lastError?.message).toBe('an old error');
  });

  it('says the source cannot be reached, in the words of the source checks', () => {
    const health = decideSourceHealth(
      readingSource({
        reader: { seenAgoMs: null, lastError: null, expectedForMs: 5_000 },
        check: sourceCheck({
          connection: { ok: false, title: 'Wrong password', detail: 'The server refused the password.' },
          slot: null,
        }),
      }),
    );
    expect(health.status).toBe('stopped');
    expect(health.reason).toBe('source_unreachable');
    expect(health.problems.map((problem) => problem.code)).toEqual(['source_unreachable', 'unverified']);
  });

  it('gives a new reader time to start, then says no engine reads it', () => {
    const starting = readingSource({
      reader: { seenAgoMs: null, lastError: null, expectedForMs: 5_000 },
      check: sourceCheck({ slot: null }),
    });
    expect(decideSourceHealth(starting)).toMatchObject({ status: 'unverified', reason: 'unverified' });
    const abandoned = { ...starting, reader: { ...starting.reader, expectedForMs: 120_000 } };
    expect(decideSourceHealth(abandoned)).toMatchObject({ status: 'stopped', reason: 'no_engine' });
    const silent = readingSource({
      reader: { seenAgoMs: 45_000, lastError: null, expectedForMs: 600_000 },
      check: sourceCheck({ slot: idleSlot }),
    });
    expect(decideSourceHealth(silent).summary).toBe(
      'No engine is reading the source "shop": its reader was last seen 45 s ago, and no error was recorded.',
    );
  });

  it('takes a reader holding the slot as running, even between two notes of progress', () => {
    const busy = readingSource({ reader: { seenAgoMs: 45_000, lastError: null, expectedForMs: 600_000 } });
    expect(decideSourceHealth(busy).status).toBe('reading');
  });

  it('is lagging when the reader runs far behind', () => {
    const health = decideSourceHealth(
      readingSource({
        check: sourceCheck({ slot: { active: true, retainedBytes: 2 ** 31, lagBytes: 2 ** 30 } }),
      }),
    );
    expect(health).toMatchObject({ status: 'lagging', reason: 'source_lagging', lagBytes: 2 ** 30 });
    expect(health.summary).toMatch(/keeps 1\.00 GiB of WAL not stored yet \(more than 256\.0 MiB\)/);
  });

  it('is unverified until checked, and after its settings changed', () => {
    expect(decideSourceHealth(readingSource({ check: null })).status).toBe('unverified');
    const edited = decideSourceHealth(
      readingSource({
        check: sourceCheck({
          current: false,
          connection: { ok: false, title: 'Wrong password', detail: '…' },
        }),
      }),
    );
    // The failure was about the settings before the edit: not said any more.
    expect(edited.problems.map((problem) => problem.code)).toEqual(['unverified']);
    expect(edited.summary).toBe('The source has not been checked since the settings changed.');
  });

  it('is idle without sinks, and still tells what a check found', () => {
    const idle = decideSourceHealth(
      readingSource({
        sinkCount: 0,
        reader: { seenAgoMs: null, lastError: null, expectedForMs: null },
        check: sourceCheck({ connection: { ok: false, title: 'Unknown host', detail: '…' }, slot: null }),
      }),
    );
    expect(idle.status).toBe('idle');
    expect(idle.reason).toBe('source_unreachable');
    expect(idle.summary).toMatch(/^No sink takes changes from this source/);
  });
});
