import { createApiToken, createDatabase } from '@shardline/db';
import {
  createSourceDatabase,
  createTestDatabase,
  createTestStream,
  deleteRedisKeys,
  redisUrl,
  type SourceDatabase,
  type TestDatabase,
  type TestStream,
  testQueuePrefix,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import type { Browser, Page } from 'playwright-core';
import { EngineProcess, engineEnv } from '../../../engine/test/engine-process';
import { launchBrowser } from './browser';
import { type ConsoleServer, startConsoleServer } from './console-server';

// The browser drives the production build: `npm run build -w @shardline/console` must have run.

const SECRET_KEY = 'c'.repeat(64);
/** How long a page may take to show what the API already has. */
export const UI_WAIT_MS = 30_000;
/** How long a user may wait for something the engine does (capture, delivery, a bulk run). */
export const ENGINE_WAIT_MS = 60_000;
/** The administrator the console creates at start (SHARDLINE_ADMIN_EMAIL), unless `firstRun`. */
export const ADMIN_EMAIL = 'admin@shardline.test';
export const ADMIN_PASSWORD = 'a password for the browser tests';

/** Everything a browser test drives: its own databases, stream, engine, console and browser page. */
export interface ConsoleWorld {
  database: TestDatabase;
  /** The Postgres database whose changes are captured; its tables are the test's to create. */
  source: SourceDatabase;
  stream: TestStream;
  queuePrefix: string;
  engine: EngineProcess;
  server: ConsoleServer;
  browser: Browser;
  page: Page;
  /** An admin API token, for seeding through the API as a script would. */
  apiToken: string;
  /** What the browser refused under the console's Content Security Policy: stopConsoleWorld fails on any. */
  cspViolations: string[];
}

/**
 * Starts a world, filling `world` as each part starts, so that stopConsoleWorld can clean up
 * whatever was started when a later step fails.
 */
export async function startConsoleWorld(
  world: Partial<ConsoleWorld>,
  options: {
    /** Start with no account, as a new installation does: the page is not signed in. */
    firstRun?: boolean;
  } = {},
): Promise<ConsoleWorld> {
  world.database = await createTestDatabase();
  world.source = await createSourceDatabase();
  world.stream = await createTestStream(kinesisEndpoint());
  world.queuePrefix = testQueuePrefix();
  world.engine = new EngineProcess({
    ...engineEnv({
      databaseUrl: world.database.url,
      redisUrl: redisUrl(),
      queuePrefix: world.queuePrefix,
      secretKey: SECRET_KEY,
    }),
    SHARDLINE_CAPTURE: 'true',
    SHARDLINE_CAPTURE_POLL_MS: '200',
    // kinesis-local needs seconds for a few full requests; shorter timeouts only cause resends.
    SHARDLINE_LEASE_MS: '15000',
    SHARDLINE_LOCK_DURATION_MS: '15000',
    SHARDLINE_REQUEST_TIMEOUT_MS: '10000',
    SHARDLINE_CONCURRENCY: '4',
    // Alerts show within a second of their cause.
    SHARDLINE_ALERT_INTERVAL_MS: '500',
  });
  world.server = await startConsoleServer({
    DATABASE_URL: world.database.url,
    SHARDLINE_SECRET_KEY: SECRET_KEY,
    ...(options.firstRun
      ? {}
      : { SHARDLINE_ADMIN_EMAIL: ADMIN_EMAIL, SHARDLINE_ADMIN_PASSWORD: ADMIN_PASSWORD }),
  });
  world.apiToken = await adminToken(world.database.url);
  await world.engine.start();
  world.browser = await launchBrowser();
  // A page of its own context, as axe-core's AxeBuilder needs to open pages beside it.
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
  world.page = await context.newPage();
  world.page.setDefaultTimeout(UI_WAIT_MS);
  // A script or style the policy blocks can break a page only partly (a hydration that never
  // happens, an editor without styles): every refusal fails the run, whatever the tests looked at.
  const cspViolations: string[] = [];
  world.cspViolations = cspViolations;
  world.page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      cspViolations.push(`${world.page?.url()}: ${message.text()}`);
    }
  });
  if (!options.firstRun) await signIn(world.page, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  return world as ConsoleWorld;
}

/** Signs `page` in through the sign-in form, and waits for the page it lands on. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  const form = page.getByTestId('sign-in-form');
  await form.getByTestId('email').fill(email);
  await form.getByTestId('password').fill(password);
  await form.getByTestId('submit-credentials').click();
  await page.waitForURL((target) => target.pathname !== '/sign-in');
  await page.getByTestId('signed-in-as').waitFor();
}

async function adminToken(url: string): Promise<string> {
  const db = createDatabase({ url, maxConnections: 1 });
  try {
    return (await createApiToken(db, { input: { name: 'browser-tests', role: 'admin' } })).token;
  } finally {
    await db.close();
  }
}

export async function stopConsoleWorld(world: Partial<ConsoleWorld>): Promise<void> {
  await world.browser?.close();
  await world.engine?.stop();
  await world.server?.stop();
  // Each step runs even when an earlier one failed; the first failure is reported.
  const cleanups = await Promise.allSettled([
    world.source?.drop(),
    world.database?.drop(),
    world.queuePrefix ? deleteRedisKeys(world.queuePrefix) : undefined,
  ]);
  // The stream stays: the emulator goes away with the run.
  const failure = cleanups.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  if (world.cspViolations?.length) {
    throw new Error(
      `the browser refused content under the console's CSP:\n${world.cspViolations.join('\n')}`,
    );
  }
}
