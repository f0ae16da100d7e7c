import { createSinkAndPublish, updateSinkAndPublish } from '@shardline/capture';
import type { SecretBox } from '@shardline/core';
import { createSource, type Database, findSinkByName, findSourceByName, updateSource } from '@shardline/db';
import { databaseName } from '../ensure-database';
import { StartProblem } from '../start-problem';
import { DEMO_ACTOR, DEMO_SINK_NAME, DEMO_SOURCE_NAME, DEMO_TABLE, demoReplicationName } from './demo-names';
import { ensureDemoStream } from './demo-stream';

export interface DemoSetupOptions {
  secretBox: SecretBox;
  /** The demo's source database (ensureDemoDatabase has created it). */
  demoDatabaseUrl: string;
  /** The local Kinesis emulator the demo sink sends to. */
  kinesisEndpoint: string;
}

export interface DemoSetup {
  sourceId: string;
  sinkId: string;
  streamArn: string;
  slotName: string;
  /** What this run created (nothing on a second run). */
  created: Array<'source' | 'sink' | 'stream'>;
}

/**
 * Makes sure the demo's stream, source and sink exist, through the same functions the console
 * uses, so they look and behave like any a person makes. Safe to run on every start: what
 * exists is reused; the sink follows the emulator to another port.
 */
export async function setupDemo(db: Database, options: DemoSetupOptions): Promise<DemoSetup> {
  const created: DemoSetup['created'] = [];
  const stream = await ensureDemoStream(options.kinesisEndpoint);
  if (stream.created) created.push('stream');
  const source = await ensureSource(db, options, created);
  const sinkId = await ensureSink(db, options, { sourceId: source.id, streamArn: stream.streamArn }, created);
  return { sourceId: source.id, sinkId, streamArn: stream.streamArn, slotName: source.slotName, created };
}

async function ensureSource(
  db: Database,
  options: DemoSetupOptions,
  created: DemoSetup['created'],
): Promise<{ id: string; slotName: string }> {
  const database = databaseName(options.demoDatabaseUrl);
  const existing = await findSourceByName(db, { name: DEMO_SOURCE_NAME });
  if (existing) {
    if (existing.database !== database) {
      throw new StartProblem(
        `The source "${DEMO_SOURCE_NAME}" reads database "${existing.database}", not the demo's "${database}"`,
        `rename or delete that source in the console, set SHARDLINE_DEMO_DATABASE=${existing.database}, or turn the demo off with SHARDLINE_DEMO=false`,
      );
    }
    await followServer(db, options, existing);
    return existing;
  }
  const replicationName = demoReplicationName(database);
  const source = await createSource(db, {
    secretBox: options.secretBox,
    input: {
      name: DEMO_SOURCE_NAME,
      url: options.demoDatabaseUrl,
      publicationName: replicationName,
      slotName: replicationName,
    },
    by: DEMO_ACTOR,
  });
  created.push('source');
  return source;
}

/** The emulator takes any keys; with none the AWS SDK would look for the machine's own. */
const DEMO_KEYS = { accessKeyId: 'demo', secretAccessKey: 'demo' } as const;

async function ensureSink(
  db: Database,
  options: DemoSetupOptions,
  target: { sourceId: string; streamArn: string },
  created: DemoSetup['created'],
): Promise<string> {
  const existing = await findSinkByName(db, { name: DEMO_SINK_NAME });
  if (existing) {
    if (existing.streamArn !== target.streamArn || existing.sourceId !== target.sourceId) {
      throw new StartProblem(
        `The sink "${DEMO_SINK_NAME}" exists but does not send the demo source to the demo stream`,
        'rename or delete that sink in the console, or turn the demo off with SHARDLINE_DEMO=false',
      );
    }
    if (existing.endpoint !== options.kinesisEndpoint) {
      // The emulator runs on another port than last time (SHARDLINE_DEMO_KINESIS_PORT changed).
      // A saved key is only sent where it was saved for, so the demo's keys are given again.
      await updateSinkAndPublish(db, {
        secretBox: options.secretBox,
        sinkId: existing.id,
        input: { endpoint: options.kinesisEndpoint, ...DEMO_KEYS },
        by: DEMO_ACTOR,
      });
    }
    return existing.id;
  }
  const { sink } = await createSinkAndPublish(db, {
    secretBox: options.secretBox,
    input: {
      name: DEMO_SINK_NAME,
      streamArn: target.streamArn,
      endpoint: options.kinesisEndpoint,
      ...DEMO_KEYS,
      sourceId: target.sourceId,
      tables: [{ name: DEMO_TABLE }],
      annotations: { created_by: DEMO_ACTOR },
    },
    by: DEMO_ACTOR,
  });
  created.push('sink');
  return sink.id;
}

/**
 * The demo's server may have moved since the source was made: the embedded Postgres to another
 * port (its last one was taken), or made anew with another password. The source follows it.
 */
async function followServer(
  db: Database,
  options: DemoSetupOptions,
  source: { id: string; host: string; port: number; username: string; passwordCiphertext: string | null },
): Promise<void> {
  const url = new URL(options.demoDatabaseUrl);
  const server = {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : null,
  };
  const storedPassword = source.passwordCiphertext
    ? options.secretBox.decrypt(source.passwordCiphertext)
    : null;
  const same =
    source.host === server.host &&
    source.port === server.port &&
    source.username === server.username &&
    storedPassword === server.password;
  if (same) return;
  await updateSource(db, {
    secretBox: options.secretBox,
    sourceId: source.id,
    input: server,
    by: DEMO_ACTOR,
  });
}
