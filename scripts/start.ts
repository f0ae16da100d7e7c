/**
 * `npm start`: checks that Postgres and Redis are there, runs an embedded Postgres for what the
 * machine's cannot hold (the demo's source without wal_level = logical; everything without a
 * server), prepares Shardline's database, builds and runs the engine and the console, and, when
 * no AWS settings are given, a local Kinesis emulator with a demo. Runs until Ctrl-C.
 * docs/first-run.md describes every step.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secretBoxFromEnv } from '@shardline/core';
import { createDatabase, type Database, hasAccounts } from '@shardline/db';
import type { LocalPostgres } from '@shardline/local-postgres';
import {
  answers,
  createProgress,
  DEMO_SINK_NAME,
  DEMO_STREAM_NAME,
  databaseName,
  describePostgresPlan,
  ensureDatabase,
  type LocalKinesis,
  needsEmbeddedPostgres,
  OVERSIZE_ORDER_ID,
  type RunningDemo,
  readStartSettings,
  runCommand,
  runPreflight,
  type Service,
  StartProblem,
  sameServerUrl,
  startDemo,
  startEmbeddedPostgres,
  startLocalKinesis,
  startService,
} from '@shardline/start';
import { config } from 'dotenv';
import { ENGINE_NODE_FLAGS } from '../apps/engine/src/node-flags';

const root = fileURLToPath(new URL('..', import.meta.url));
config({ path: `${root}.env`, quiet: true });

const STEPS = [
  'checks',
  'embedded postgres',
  'database',
  'migrations',
  'build',
  'emulator',
  'engine',
  'console',
  'demo',
];
const BUILD_FIX = 'the output above says what failed; `npm ci` restores missing dependencies';

const services: Service[] = [];
let kinesis: LocalKinesis | null = null;
let localPostgres: LocalPostgres | null = null;
let demo: RunningDemo | null = null;
let db: Database | null = null;
let stopping = false;

async function start(): Promise<void> {
  const settings = readStartSettings(process.env);
  const env: NodeJS.ProcessEnv = {
    PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
    NEXT_TELEMETRY_DISABLED: '1',
    ...process.env,
    REDIS_URL: settings.redisUrl,
  };
  ensureSecretKey(env);
  const progress = createProgress(STEPS);

  let preflight: Awaited<ReturnType<typeof runPreflight>>;
  let database: Database;
  let demoDatabaseUrl: string;
  try {
    preflight = await progress.step('checks', () => runPreflight(settings));
    if (needsEmbeddedPostgres(preflight.postgres)) {
      localPostgres = await progress.step('embedded postgres', () =>
        startEmbeddedPostgres(resolve(root, settings.embeddedPostgresDir)),
      );
    } else {
      progress.skip('embedded postgres');
    }
    const embedded = localPostgres;
    const databaseUrl =
      preflight.postgres.kind === 'all-embedded' && embedded
        ? embedded.url(databaseName(settings.databaseUrl))
        : settings.databaseUrl;
    demoDatabaseUrl = embedded
      ? embedded.url(settings.demo.database)
      : sameServerUrl(settings.databaseUrl, settings.demo.database);
    env.DATABASE_URL = databaseUrl;
    // The pool connects on first use, once the database exists.
    database = createDatabase({ url: databaseUrl, maxConnections: 2, applicationName: 'shardline-start' });
    db = database;
    await progress.step('database', () => ensureDatabase(databaseUrl));
    await progress.step('migrations', () =>
      runCommand('Applying the migrations', 'npx', ['prisma', 'migrate', 'deploy'], {
        cwd: root,
        env,
        fix: 'the output above says which migration failed and why',
      }),
    );
    if (settings.build) {
      await progress.step('build', async () => {
        for (const workspace of ['@shardline/engine', '@shardline/console']) {
          await runCommand(`Building ${workspace}`, 'npm', ['run', 'build', '--workspace', workspace], {
            cwd: root,
            env,
            fix: BUILD_FIX,
          });
        }
      });
    } else {
      requireExistingBuild();
      progress.skip('build');
    }
    if (settings.demo.enabled) {
      kinesis = await progress.step('emulator', () => startLocalKinesis({ port: settings.demo.kinesisPort }));
    } else {
      progress.skip('emulator');
    }
    services.push(await progress.step('engine', () => startEngine(env, settings.enginePort)));
    services.push(await progress.step('console', () => startConsole(env, settings.consolePort)));
    const localKinesis = kinesis;
    if (localKinesis) {
      demo = await progress.step('demo', () =>
        startDemo(database, {
          secretBox: secretBoxFromEnv(env),
          demoDatabaseUrl,
          kinesisEndpoint: localKinesis.endpoint,
          onTrickleError: (error) => console.warn(`demo: a change could not be written: ${error.message}`),
        }),
      );
    } else {
      progress.skip('demo');
    }
  } finally {
    progress.finish();
  }

  const url = `http://localhost:${settings.consolePort}`;
  const lines = [
    '',
    `Shardline is running: ${url}`,
    (await hasAccounts(database))
      ? `  Sign in at ${url}/sign-in`
      : `  No account yet: create the first administrator at ${url}/setup`,
    `  ${describePostgresPlan(preflight.postgres, settings, localPostgres)}`,
  ];
  if (demo && kinesis) {
    lines.push(
      `  Demo: the sink ${DEMO_SINK_NAME} sends the orders of the database ${settings.demo.database} to the stream ${DEMO_STREAM_NAME}`,
      `        of the local Kinesis emulator at ${kinesis.endpoint}, a few changes a second: ${url}/sinks/${demo.setup.sinkId}`,
      `        Order ${OVERSIZE_ORDER_ID} is larger than a Kinesis record may be: it fails with RecordTooLarge (the Failing tab).`,
      `        Turn the demo off with SHARDLINE_DEMO=false (${settings.demo.reason} turned it on).`,
    );
  } else {
    lines.push(`  No demo: ${settings.demo.reason}. SHARDLINE_DEMO=true runs it anyway.`);
  }
  lines.push(...preflight.notes, '  Stop with Ctrl-C. The engine and console log below.', '');
  console.log(lines.join('\n'));
  for (const service of services) service.showOutput();
  watchChildren();
}

/** With SHARDLINE_BUILD=false: the build that will run must be there. */
function requireExistingBuild(): void {
  const missing = [
    ['the engine', `${root}apps/engine/dist/main.js`],
    ['the console', `${root}apps/console/.next/BUILD_ID`],
  ].filter(([, file]) => !existsSync(file as string));
  if (missing.length > 0) {
    throw new StartProblem(
      `SHARDLINE_BUILD=false, but there is no build of ${missing.map(([name]) => name).join(' or ')}`,
      'run `npm run build` first, or leave SHARDLINE_BUILD unset so npm start builds',
    );
  }
}

function ensureSecretKey(env: NodeJS.ProcessEnv): void {
  if (env.SHARDLINE_SECRET_KEY) return;
  // A local run gets its own key, kept in .env so secrets stored today can be read tomorrow.
  env.SHARDLINE_SECRET_KEY = randomBytes(32).toString('hex');
  appendFileSync(
    `${root}.env`,
    `${existsSync(`${root}.env`) ? '\n' : ''}# Generated by npm start: encrypts stored AWS secrets. Keep it.\nSHARDLINE_SECRET_KEY=${env.SHARDLINE_SECRET_KEY}\n`,
  );
  console.log('Generated SHARDLINE_SECRET_KEY and saved it in .env');
}

function startEngine(env: NodeJS.ProcessEnv, port: number): Promise<Service> {
  // Ready when /readyz says so (Postgres, Redis and the workers), whatever LOG_LEVEL hides; on a
  // port picked at start (0), when the engine logs that its workers listen.
  const host = env.SHARDLINE_ENGINE_HOST?.trim() || '127.0.0.1';
  const probeHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return startService({
    name: 'engine',
    command: process.execPath,
    args: ['--enable-source-maps', ...ENGINE_NODE_FLAGS, 'dist/main.js'],
    cwd: `${root}apps/engine`,
    env,
    ready:
      port === 0
        ? (output) => output.includes('delivery engine started')
        : () => answers(`http://${probeHost}:${port}/readyz`),
    timeoutMs: 60_000,
    fix: 'the engine says above what is wrong; its settings are in .env (.env.example lists them)',
  });
}

function startConsole(env: NodeJS.ProcessEnv, port: number): Promise<Service> {
  const consoleDir = `${root}apps/console`;
  const next = createRequire(`${consoleDir}/package.json`).resolve('next/dist/bin/next');
  return startService({
    name: 'console',
    command: process.execPath,
    args: [next, 'start', '--port', String(port)],
    cwd: consoleDir,
    env,
    ready: () => answers(`http://127.0.0.1:${port}/api/v1/health`),
    timeoutMs: 60_000,
    fix: 'the console says above what is wrong; its settings are in .env (.env.example lists them)',
  });
}

/** One of them ending ends all: a console without an engine (or the reverse) would mislead. */
function watchChildren(): void {
  for (const service of services) {
    void service.exited.then((code) => {
      if (stopping) return;
      console.error(`The ${service.name} stopped (exit code ${code}); stopping Shardline.`);
      void stop(code ?? 1);
    });
  }
  void kinesis?.exited.then((code) => {
    if (stopping) return;
    console.error(`The local Kinesis emulator stopped (exit code ${code}); stopping Shardline.`);
    void stop(code ?? 1);
  });
  void localPostgres?.exited.then((code) => {
    if (stopping) return;
    console.error(
      `The embedded Postgres stopped (exit code ${code}; its log: ${localPostgres?.logFile}); stopping Shardline.`,
    );
    void stop(code || 1);
  });
}

async function stop(exitCode: number): Promise<never> {
  stopping = true;
  // The trickle first (its changes need the engine), then the engine finishes what it sent.
  await demo?.stop().catch(() => {});
  await Promise.all(services.map((service) => service.stop('SIGTERM')));
  await kinesis?.stop();
  await db?.close().catch(() => {});
  // Last: the engine and the console may use it until they are gone.
  await localPostgres?.stop();
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    console.log('\nStopping Shardline…');
    void stop(0);
  });
}

try {
  await start();
} catch (error) {
  if (error instanceof StartProblem) {
    console.error(`\n✗ ${error.message}\n  To fix: ${error.fix}\n`);
  } else {
    console.error('\n✗ npm start failed:', error);
  }
  if (!stopping) await stop(1);
}
