import { randomBytes } from 'node:crypto';
import { SecretBox } from '@shardline/core';
import { createSink, createSource, listSourceEvents } from '@shardline/db';
import { type ReplicaLevelPostgres, startReplicaLevelPostgres } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureTestContext, setupCaptureTest, TEST_SECRET_KEY } from '../harness';

let ctx: CaptureTestContext;
let replicaLevel: ReplicaLevelPostgres | undefined;
const roles: string[] = [];
afterEach(async () => {
  // Roles belong to the whole server: drop this test's before its database goes.
  for (const role of roles.splice(0)) {
    await ctx?.sql(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  }
  await ctx?.cleanup();
  await replicaLevel?.stop();
  replicaLevel = undefined;
});

async function addSource(url: string, table: string) {
  const secretBox = new SecretBox(TEST_SECRET_KEY);
  const source = await createSource(ctx.db, {
    secretBox,
    input: { name: `bad_${randomBytes(4).toString('hex')}`, url },
  });
  await createSink(ctx.db, {
    secretBox,
    input: {
      name: `sink-${source.name}`,
      streamArn: ctx.sinks[0]?.sink.streamArn ?? '',
      endpoint: ctx.sinks[0]?.sink.endpoint ?? null,
      accessKeyId: 'test',
      secretAccessKey: 'test',
      sourceId: source.id,
      tables: [{ name: table }],
    },
  });
  return source;
}

async function firstError(sourceId: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [event] = await listSourceEvents(ctx.db, { sourceId, levels: ['error'] });
    if (event) return event.message;
    if (Date.now() > deadline) throw new Error(`no error recorded for source ${sourceId}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('sources that cannot be read', () => {
  it('each get their own clear error, and a healthy source beside them keeps flowing', async () => {
    ctx = await setupCaptureTest({
      schemaSql: 'CREATE TABLE orders (id int PRIMARY KEY, status text)',
      sinks: [{ tables: [{ name: 'orders' }] }],
    });
    replicaLevel = await startReplicaLevelPostgres();
    const role = `shardline_norepl_${randomBytes(4).toString('hex')}`;
    roles.push(role);
    await ctx.sql(`CREATE ROLE ${role} LOGIN NOREPLICATION; GRANT SELECT ON orders TO ${role}`);
    const roleUrl = new URL(ctx.sourceUrl);
    roleUrl.username = role;

    const missingTable = await addSource(ctx.sourceUrl, 'no_such_table');
    const walLevel = await addSource(replicaLevel.url, 'orders');
    const noReplication = await addSource(roleUrl.toString(), 'orders');
    ctx.startCapture();
    await ctx.startDelivery();

    expect(await firstError(missingTable.id)).toMatch(/no_such_table/);
    expect(await firstError(walLevel.id)).toMatch(/wal_level/);
    expect(await firstError(noReplication.id)).toMatch(new RegExp(`ALTER ROLE .*${role}.* REPLICATION`));

    await ctx.sql(`INSERT INTO orders VALUES (1, 'ok')`);
    await ctx.waitForStored(1);
    const records = await ctx.sinks[0]?.readStream(1);
    expect(records?.map((r) => JSON.parse(r.data).record)).toEqual([{ id: 1, status: 'ok' }]);
  });
});
