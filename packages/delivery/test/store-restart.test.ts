import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, type Database } from '@shardline/db';
import { startTcpProxy, type TcpProxy } from '@shardline/testing';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
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

function capturedLogger() {
  const lines: Array<{ level: number; msg: string; errorCode?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('the store restarting while requests are in flight', () => {
  it('records what Kinesis accepted once the store is back: nothing lost, order kept, at most 1 % sent twice', async () => {
    const test = await setupDeliveryTest({ withProxy: true });
    ctx = test;
    // The engine reaches Postgres through a relay that can go away, as a restarting server does;
    // the test reads the outcome directly.
    const direct = new URL(test.databaseUrl);
    storeProxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const engineUrl = new URL(test.databaseUrl);
    engineUrl.hostname = '127.0.0.1';
    engineUrl.port = String(storeProxy.port);
    engineDb = createDatabase({
      url: engineUrl.toString(),
      applicationName: ENGINE_APPLICATION,
      maxConnections: 12,
      onIdleConnectionError: () => {
        // Expected during the restart: the pool drops the connection and opens a new one later.
      },
    });
    const { logger, lines } = capturedLogger();
    await test.append(makeMessages(MESSAGES, GROUPS));
    await test.startEngine({
      db: engineDb,
      databaseUrl: engineUrl.toString(),
      logger,
      // Longer than the restart, as in production (30 s): the lanes stay this engine's.
      leaseMs: 10_000,
      // The emulator slows down under load; a request that timed out after it took the records
      // would repeat them for a reason of its own, not the store's.
      requestTimeoutMs: 8_000,
    });

    const inFlight = () =>
      test.proxy.requests.filter((request) => request.endedAt === Number.POSITIVE_INFINITY);
    await waitFor(
      'delivery under way, with requests in flight',
      async () => test.proxy.requests.some((request) => request.status === 200) && inFlight().length >= 2,
      60_000,
      5,
    );
    const recordsInFlight = inFlight().reduce((sum, request) => sum + request.partitionKeys.length, 0);

    // A restart: no new connections, every session ended by the server (57P01), then what is
    // left of the connections cut; two seconds later the server is back.
    await storeProxy.stopListening();
    await test.db.pool.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [ENGINE_APPLICATION],
    );
    storeProxy.dropConnections();
    await sleep(2_000);
    await storeProxy.comeUp();

    await test.waitUntilAllDelivered(120_000);
    const records = await test.readStream(MESSAGES);
    const positions = new Set(records.map((record) => positionOf(record).join(':')));
    expect(positions.size, 'messages lost').toBe(MESSAGES);
    const repeats = expectOrderWithRepeatsOfInFlight(records);
    expect(records.length).toBe(MESSAGES + repeats);
    // The restart caught requests in flight, and their outcomes waited for the store.
    expect(recordsInFlight).toBeGreaterThan(MESSAGES / 100);
    const failedAttempts = lines.filter((line) => line.errorCode).map((line) => line.errorCode);
    expect(
      repeats,
      `${repeats} of ${MESSAGES} messages sent twice; failed attempts: ${failedAttempts}`,
    ).toBeLessThanOrEqual(MESSAGES / 100);
    expect(lines.some((line) => /the store is back/.test(line.msg))).toBe(true);
  });
});
