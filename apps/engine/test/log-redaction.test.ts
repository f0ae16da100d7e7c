import { Writable } from 'node:stream';
import { startBackfill } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest } from '../../../packages/capture/test/harness';
import { createEngineLogger } from '../src/logger';

// Long and distinctive, so finding one in a log line can only mean it leaked.
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI-K7MDENG-never-in-a-log-1f6c';
const SOURCE_PASSWORD = 'source-password-never-in-a-log-93b2';

/** An engine logger at `trace`, the most it ever says, writing its lines into an array. */
function loggerIntoArray(): { logger: ReturnType<typeof createEngineLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk).trimEnd());
      done();
    },
  });
  return { logger: createEngineLogger('trace', destination), lines };
}

describe('the engine logger', () => {
  it('prints [redacted] for secrets in whatever object is logged, at any depth Shardline logs', () => {
    const { logger, lines } = loggerIntoArray();
    const secret = 'the-secret-itself';
    logger.info(
      {
        secretAccessKey: secret,
        secret_access_key: secret,
        password: secret,
        sink: {
          name: 'orders',
          secretAccessKey: secret,
          secretAccessKeyCiphertext: secret,
          credentials: { accessKeyId: 'AKIA', secretAccessKey: secret, sessionToken: secret },
        },
        source: { host: 'db.example', passwordCiphertext: secret, password_ciphertext: secret },
        clientConfig: { user: 'app', password: secret, connectionString: `postgres://app:${secret}@db` },
        req: { headers: { authorization: `Bearer ${secret}`, accept: 'application/json' } },
      },
      'an object full of secrets',
    );
    const failure = Object.assign(new Error('connection failed'), { config: { password: secret } });
    logger.error({ err: failure }, 'an error carrying one');

    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(secret);
    const [logged, error] = lines.map((line) => JSON.parse(line));
    expect(logged.secretAccessKey).toBe('[redacted]');
    expect(logged.secret_access_key).toBe('[redacted]');
    expect(logged.password).toBe('[redacted]');
    expect(logged.sink).toEqual({
      name: 'orders',
      secretAccessKey: '[redacted]',
      secretAccessKeyCiphertext: '[redacted]',
      credentials: '[redacted]',
    });
    expect(logged.source).toEqual({
      host: 'db.example',
      passwordCiphertext: '[redacted]',
      password_ciphertext: '[redacted]',
    });
    expect(logged.clientConfig).toEqual({
      user: 'app',
      password: '[redacted]',
      connectionString: '[redacted]',
    });
    expect(logged.req.headers).toEqual({ authorization: '[redacted]', accept: 'application/json' });
    expect(error.err.message).toBe('connection failed');
    expect(error.err.config.password).toBe('[redacted]');
  });
});

describe('secrets in the engine log', () => {
  let ctx: CaptureTestContext | undefined;
  afterEach(async () => {
    await ctx?.cleanup();
    ctx = undefined;
  });

  it('never appear while a source with a password is read and its changes and backfill are delivered', async () => {
    const { logger, lines } = loggerIntoArray();
    ctx = await setupCaptureTest({
      schemaSql: `CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);
                  INSERT INTO orders VALUES (1, 'there before'), (2, 'there before')`,
      sinks: [{ tables: [{ name: 'orders' }] }],
      sinkSecretAccessKey: SECRET_ACCESS_KEY,
      sourcePassword: SOURCE_PASSWORD,
    });
    ctx.startCapture({ logger });
    await ctx.startDelivery({ logger });
    await ctx.waitUntilReading();
    await ctx.sql(`INSERT INTO orders VALUES (3, 'new')`);
    await ctx.sql(`UPDATE orders SET status = 'shipped' WHERE id = 3`);
    const sink = ctx.sinks[0];
    if (!sink) throw new Error('the test has no sink');
    await startBackfill(ctx.db, { sinkId: sink.sink.id });

    // The two changes, and the three rows the backfill reads (it started after both), delivered
    // to the emulator with the sink's credentials.
    const records = await sink.readStream(5);
    expect(records.map((record) => JSON.parse(record.data).action).sort()).toEqual([
      'insert',
      'read',
      'read',
      'read',
      'update',
    ]);
    // The log said plenty (so the test looked at something), and never a secret.
    expect(lines.some((line) => line.includes('delivery engine started'))).toBe(true);
    expect(lines.some((line) => line.includes('reading changes'))).toBe(true);
    expect(lines.filter((line) => line.includes(SECRET_ACCESS_KEY))).toEqual([]);
    expect(lines.filter((line) => line.includes(SOURCE_PASSWORD))).toEqual([]);
  });
});
