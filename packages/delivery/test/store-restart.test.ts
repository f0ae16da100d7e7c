import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, type Database } from '@shardline/db';
import { startTcpProxy, type TcpProxy } from '@shardline/testing';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryEngineOptions } from '../src';
import {
  type DeliveryTestContext,
  expectOrderWithRepeatsOfInFlight,
  makeMessages,
  positionOf,
  setupDeliveryTest,
  waitFor,
} from './harness';

let ctx: DeliveryTestContext | undefined;
let engineDb: Database | undefined;
let storeProxy: TcpProxy | undefined;
afterEach(async () => {
  await ctx?.cleanup();
  await engineDb?.close();
  await storeProxy?.stop();
  ctx = engineDb = storeProxy = undefined;
});

// The engine's sessions, told apart from the test's own so only they are ended by the restart.
const ENGINE_APPLICATION = 'shardline-engine-under-restart';
const MESSAGES = 4_000;
// Many groups, so each lane's request carries many records: what is in flight at the restart
// is a large share of the messages.
const GROUPS = 400;

type LogLine = { level: number; msg: string; errorCode?: string };

/**
 * A delivery test whose engine reaches Postgres through a relay that can go away, as a
 * restarting server does; the test itself reads and checks through a direct connection.
 */
async function setupBehindRelay() {
  const test = await setupDeliveryTest({ withProxy: true });
  ctx = test;
  const direct = new URL(test.databaseUrl);
  const relay = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  storeProxy = relay;
  const engineUrl = new URL(test.databaseUrl);
  engineUrl.hostname = '127.0.0.1';
  engineUrl.port = String(relay.port);
  const db = createDatabase({
    url: engineUrl.toString(),
    applicationName: ENGINE_APPLICATION,
    maxConnections: 12,
    onIdleConnectionError: () => {
      // Expected during the restart: the pool drops the connection and opens a new one later.
    },
  });
  engineDb = db;
  const lines: LogLine[] = [];
  const engineOptions: Partial<DeliveryEngineOptions> = {
    db,
    databaseUrl: engineUrl.toString(),
    logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    // Longer than the restart, as in production (30 s): the lanes stay this engine's.
    leaseMs: 10_000,
    // The emulator slows down under load; a request that timed out after it took the records
    // would repeat them for a reason of its own, not the store's.
    requestTimeoutMs: 8_000,
  };

  const inFlight = () =>
    test.proxy.requests.filter((request) => request.endedAt === Number.POSITIVE_INFINITY);
  return {
    test,
    relay,
    engineOptions,
    lines,
    /** Waits until some requests were answered and at least two are in flight; counts their records. */
    async requestsInFlight(): Promise<number> {
      await waitFor(
        'delivery under way, with requests in flight',
        async () => test.proxy.requests.some((request) => request.status === 200) && inFlight().length >= 2,
        60_000,
        5,
      );
      return inFlight().reduce((sum, request) => sum + request.partitionKeys.length, 0);
    },
    /**
     * The store going down as a fast shutdown does: no new connections, every engine session
     * ended by the server (57P01), then what is left of the connections cut.
     */
    async storeGoesDown(): Promise<void> {
      await relay.stopListening();
      await test.db.pool.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [ENGINE_APPLICATION],
      );
      relay.dropConnections();
    },
    /** Every message in the stream, in commit order per group; returns how many were repeated. */
    async expectAllDeliveredInOrder(): Promise<number> {
      await test.waitUntilAllDelivered(120_000);
      const records = await test.readStream(MESSAGES);
      const positions = new Set(records.map((record) => positionOf(record).join(':')));
      expect(positions.size, 'messages lost').toBe(MESSAGES);
      const repeats = expectOrderWithRepeatsOfInFlight(records);
      expect(records.length).toBe(MESSAGES + repeats);
      return repeats;
    },
  };
}

describe('the store restarting while requests are in flight', () => {
  it('records what Kinesis accepted once the store is back: nothing lost, order kept, at most 1 % sent twice', async () => {
    const { test, relay, engineOptions, lines, ...steps } = await setupBehindRelay();
    await test.append(makeMessages(MESSAGES, GROUPS));
    await test.startEngine(engineOptions);

    const recordsInFlight = await steps.requestsInFlight();
    await steps.storeGoesDown();
    await sleep(2_000);
    await relay.comeUp();

    const repeats = await steps.expectAllDeliveredInOrder();
    // The restart caught requests in flight, and their outcomes waited for the store.
    expect(recordsInFlight).toBeGreaterThan(MESSAGES / 100);
    const failedAttempts = lines.filter((line) => line.errorCode).map((line) => line.errorCode);
    expect(
      repeats,
      `${repeats} of ${MESSAGES} messages sent twice; failed attempts: ${failedAttempts}`,
    ).toBeLessThanOrEqual(MESSAGES / 100);
    expect(lines.some((line) => /the store is back/.test(line.msg))).toBe(true);
  });

  it('lets the engine stop while outcomes wait for a store that is still down; its successor loses nothing', async () => {
    const { test, relay, engineOptions, lines, ...steps } = await setupBehindRelay();
    await test.append(makeMessages(MESSAGES, GROUPS));
    const engine = await test.startEngine(engineOptions);

    await steps.requestsInFlight();
    await steps.storeGoesDown();
    await waitFor('outcomes waiting for the store', async () =>
      lines.some((line) => /cannot reach the store to record/.test(line.msg)),
    );
    // Resolves although the store is still down: the waiting runs give up instead of hanging.
    await engine.stop();
    expect(lines.some((line) => line.msg === 'delivery engine stopped')).toBe(true);
    expect(lines.some((line) => /the store is back/.test(line.msg))).toBe(false);

    await relay.comeUp();
    await test.startEngine(engineOptions);
    // What the stopped engine had sent is sent again (at least once), in its place in each group.
    await steps.expectAllDeliveredInOrder();
  });
});
