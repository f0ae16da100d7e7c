import { LaneLeaseLostError, type Queryable, sqlOnly } from '@shardline/db';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  type DeliveryOutcomes,
  recordOutcomesPatiently,
  storeRetryDelayMs,
} from '../src/record-outcomes-patiently';

// Runs without services: the store is a stand-in that fails its first answers the way
// node-postgres does while Postgres restarts. The real restart is in store-restart.test.ts.

const OUTCOMES: DeliveryOutcomes = {
  sinkId: '00000000-0000-4000-8000-000000000001',
  lane: 3,
  token: 'token',
  leaseMs: 30_000,
  delivered: [{ id: 1n, shardId: 'shardId-000000000000', sequenceNumber: '1' }],
  failed: [],
};

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const shuttingDown = () =>
  Object.assign(new Error('the database system is shutting down'), { code: '57P03' });

/** A store that answers with `answers` in turn (an Error is thrown), then writes. */
function store(answers: Array<Error | { fenced: boolean }>) {
  const writes: unknown[][] = [];
  const db = sqlOnly({
    query: (async (_sql: string, values: unknown[]) => {
      writes.push(values);
      const answer = answers.shift() ?? { fenced: true };
      if (answer instanceof Error) throw answer;
      return { rows: [answer] };
    }) as unknown as Queryable['query'],
  });
  return { db, writes };
}

function capturedLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const FAST = { firstDelayMs: 1, maxDelayMs: 4 };

describe('recordOutcomesPatiently', () => {
  it('keeps the outcomes while the store is unreachable and writes them once it is back, logging the wait once', async () => {
    const { db, writes } = store([refused(), shuttingDown(), refused(), refused()]);
    const { logger, lines } = capturedLogger();
    await recordOutcomesPatiently(db, OUTCOMES, { logger, stopping: new AbortController().signal, ...FAST });
    expect(writes).toHaveLength(5);
    // The same write each time: what Kinesis answered is not lost or changed while waiting.
    for (const values of writes) expect(values).toEqual(writes[0]);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, expect.stringMatching(/cannot reach the store.*keeping the outcomes/)],
      [30, expect.stringMatching(/the store is back/)],
    ]);
  });

  it('logs nothing when the first write succeeds', async () => {
    const { db, writes } = store([]);
    const { logger, lines } = capturedLogger();
    await recordOutcomesPatiently(db, OUTCOMES, { logger, stopping: new AbortController().signal });
    expect(writes).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('stops waiting when the lease was taken by another holder meanwhile', async () => {
    const { db, writes } = store([refused(), { fenced: false }]);
    const { logger } = capturedLogger();
    await expect(
      recordOutcomesPatiently(db, OUTCOMES, { logger, stopping: new AbortController().signal, ...FAST }),
    ).rejects.toBeInstanceOf(LaneLeaseLostError);
    expect(writes).toHaveLength(2);
  });

  it('throws any other error at once, without retrying', async () => {
    const invalid = Object.assign(new Error('invalid input syntax for type bigint'), { code: '22P02' });
    const { db, writes } = store([invalid]);
    const { logger, lines } = capturedLogger();
    await expect(
      recordOutcomesPatiently(db, OUTCOMES, { logger, stopping: new AbortController().signal, ...FAST }),
    ).rejects.toBe(invalid);
    expect(writes).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('gives up when the engine stops while the store is still unreachable, saying the records go out again', async () => {
    const { db, writes } = store(Array.from({ length: 1_000 }, refused));
    const { logger } = capturedLogger();
    const stopping = new AbortController();
    const waiting = recordOutcomesPatiently(db, OUTCOMES, {
      logger,
      stopping: stopping.signal,
      firstDelayMs: 60_000,
    });
    // One try, then a minute's wait that stopping cuts short.
    await new Promise((resolve) => setImmediate(resolve));
    stopping.abort();
    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/engine is stopping.*1 records of lane 3.*sent again/);
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(writes).toHaveLength(1);
  });
});

describe('storeRetryDelayMs', () => {
  it('starts at 100 ms and doubles up to 2 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((retry) => storeRetryDelayMs(retry))).toEqual([
      100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000,
    ]);
  });
});
