import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reference } from '@shardline/config';
import { createApiToken, createDatabase } from '@shardline/db';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleWorld,
  ENGINE_WAIT_MS,
  startConsoleWorld,
  stopConsoleWorld,
} from './browser/console-world';
import { sourcePasswordVariable, sourcesSection } from './config-fixtures';

// The `shardline` command end to end, as a person or a script runs it, against the built console
// with an engine, a source database and the Kinesis emulator.

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/shardline.js', import.meta.url));
/** Rows over this size fail (RecordTooLarge): a failing message to retry and discard. */
const RECORD_LIMIT_BYTES = 2048;
const SOURCE_NAME = `shop_${randomBytes(3).toString('hex')}`;

const world: Partial<ConsoleWorld> = {};
let home: string;
let folder: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed, for --json. */
  // biome-ignore lint/suspicious/noExplicitAny: read field by field, as a script would
  json: () => any;
}

function shardline(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      // Only what a shell would give it: no SHARDLINE_URL or SHARDLINE_TOKEN from the test run.
      {
        env: { PATH: process.env.PATH ?? '', XDG_CONFIG_HOME: home, ...env } as unknown as NodeJS.ProcessEnv,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
      },
    );
  });
}

/** Runs a command that must succeed, and answers its JSON. */
async function json(args: string[], env: Record<string, string> = {}) {
  const run = await shardline([...args, '--json'], env);
  expect(run.code, `shardline ${args.join(' ')}\n${run.stderr}${run.stdout}`).toBe(0);
  return run.json();
}

async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = ENGINE_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function configFile(): string {
  if (!world.source || !world.stream) throw new Error('the world has not started');
  return `version: 1
${sourcesSection(SOURCE_NAME, world.source.url)}sinks:
  - name: orders
    source: ${SOURCE_NAME}
    streamArn: ${world.stream.streamArn}
    endpoint: ${kinesisEndpoint()}
    accessKeyId: ${reference('AWS_ACCESS_KEY_ID')}
    secretAccessKey: ${reference('AWS_SECRET_ACCESS_KEY')}
    maxRecordSizeBytes: ${RECORD_LIMIT_BYTES}
    tables:
      - name: orders
`;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'shardline-cli-home-'));
  folder = mkdtempSync(join(tmpdir(), 'shardline-cli-files-'));
  const { source } = await startConsoleWorld(world);
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
});
afterAll(async () => {
  await stopConsoleWorld(world);
  rmSync(home, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

describe('the shardline command against a running console', () => {
  it('logs in with a token and keeps it for the next commands', async () => {
    const login = await json(['login', '--url', world.server?.url ?? '', '--token', world.apiToken ?? '']);
    expect(login.account).toMatchObject({ role: 'admin' });
    expect(await json(['sinks', 'ls'])).toEqual([]);
    expect((await shardline(['sinks', 'ls'])).stdout).toContain('No sinks yet.');
  });

  it('plans, applies and exports a configuration file', async () => {
    const path = join(folder, 'shardline.yaml');
    writeFileSync(path, configFile());
    const variables = {
      ...sourcePasswordVariable(world.source?.url ?? ''),
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOR',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    };
    const plan = await json(['config', 'plan', path], variables);
    expect(
      plan.changes.map((change: { action: string; kind: string }) => `${change.action} ${change.kind}`),
    ).toEqual(['create source', 'create sink']);
    const human = await shardline(['config', 'plan', path], variables);
    expect(human.stdout).toContain('+ create sink orders');
    // Without a terminal to ask at, apply refuses unless --yes says so.
    const unconfirmed = await shardline(['config', 'apply', path], variables);
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.stderr).toContain('Pass --yes');

    const applied = await json(['config', 'apply', path, '--yes'], variables);
    expect(applied.changes).toHaveLength(2);
    expect((await json(['config', 'plan', path], variables)).changes).toEqual([]);

    const exported = await json(['config', 'export']);
    expect(exported.file).toContain('name: orders');
    expect(exported.file).not.toContain('emulator-secret');
    const written = join(folder, 'exported.yaml');
    expect((await json(['config', 'export', '--out', written])).variables).toEqual(exported.variables);
  });

  it('lists, shows, pauses and resumes sinks', async () => {
    const [sink] = await json(['sinks', 'ls']);
    expect(sink).toMatchObject({ name: 'orders' });
    expect((await json(['sinks', 'show', 'orders'])).id).toBe(sink.id);
    expect((await json(['sinks', 'pause', 'orders'])).pausedAt).not.toBeNull();
    expect((await json(['sinks', 'resume', sink.id])).pausedAt).toBeNull();
  });

  it('lists messages by state, retries, discards and re-sends them, one or by filter', async () => {
    await world.source?.query(
      `INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', NULL), (2, 'Grace', NULL),
        (3, 'Edsger', repeat('x', ${RECORD_LIMIT_BYTES + 500}))`,
    );
    const delivered = await eventually(
      () => json(['messages', 'ls', 'orders', '--state', 'delivered']),
      (rows) => rows.length === 2,
    );
    const [failing] = await eventually(
      () => json(['messages', 'ls', 'orders', '--state', 'failing']),
      (rows) => rows.length === 1,
    );
    expect(failing.lastError.code).toBe('RecordTooLarge');
    expect((await shardline(['messages', 'ls', 'orders', '--state', 'failing'])).stdout).toMatch(
      /RecordTooLarge/,
    );

    const alerts = await eventually(
      () => json(['alerts', 'ls']),
      (rows) => rows.some((alert: { kind: string }) => alert.kind === 'message_too_large'),
    );
    expect(alerts[0]).toMatchObject({ targetName: 'orders' });

    expect((await json(['messages', 'retry', 'orders', failing.id])).id).toBe(failing.id);
    const retried = await json(['messages', 'retry', 'orders', '--error-code', 'RecordTooLarge', '--yes']);
    expect(retried).toMatchObject({ action: 'retry', state: 'done', done: 1 });
    const discarded = await json([
      'messages',
      'discard',
      'orders',
      '--error-code',
      'RecordTooLarge',
      '--reason',
      'too big for the stream',
      '--yes',
    ]);
    expect(discarded).toMatchObject({ action: 'discard', done: 1 });
    expect(await json(['messages', 'ls', 'orders', '--state', 'discarded'])).toHaveLength(1);

    await json(['messages', 'resend', 'orders', delivered[0].id, '--yes']);
    const resent = await json(['messages', 'resend', 'orders', '--table', 'orders', '--yes']);
    expect(resent).toMatchObject({ action: 'resend', state: 'done' });
    await eventually(
      () => json(['messages', 'ls', 'orders', '--state', 'delivered']),
      (rows) => rows.every((row: { deliverCount: number }) => row.deliverCount >= 2),
    );
  });

  it('starts a backfill and shows its progress', async () => {
    const started = await json(['backfill', 'start', 'orders', '--table', 'orders']);
    expect(started.tables).toEqual([expect.objectContaining({ schema: 'public', name: 'orders' })]);
    const [done] = await eventually(
      () => json(['backfill', 'status', 'orders']),
      (rows) => rows[0]?.state === 'done',
    );
    expect(done.rowsDone).toBe(3);
    const cancel = await shardline(['backfill', 'cancel', 'orders']);
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toContain('no backfill of orders is under way');
  });

  it('exits non-zero with the reason: an unknown sink, bad usage, a viewer changing things', async () => {
    const unknown = await shardline(['sinks', 'show', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no sink is named "nope" (sinks: orders)');
    const usage = await shardline(['messages', 'ls']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Not enough non-option arguments');

    const db = createDatabase({ url: world.database?.url ?? '', maxConnections: 1 });
    const viewer = await createApiToken(db, { input: { name: 'cli-viewer', role: 'viewer' } }).finally(() =>
      db.close(),
    );
    const refused = await shardline(['sinks', 'pause', 'orders', '--token', viewer.token]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this needs the admin role');
  });

  it('has help on every command and a completion script', async () => {
    for (const command of [
      [],
      ['config', 'apply'],
      ['messages', 'resend'],
      ['backfill', 'start'],
      ['alerts', 'ls'],
    ]) {
      const help = await shardline([...command, '--help']);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toContain('--json');
    }
    const completion = await shardline(['completion']);
    expect(completion.stdout).toContain('_shardline_yargs_completions');
  });
});
