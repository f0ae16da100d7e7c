import type { SecretBox } from '@shardline/core';
import type { Database } from '@shardline/db';
import { ensureDemoDatabase } from './demo-database';
import { type DemoTrickle, startDemoTrickle } from './demo-trickle';
import { insertOversizeOrder } from './oversize-order';
import { type DemoSetup, setupDemo } from './setup-demo';
import { waitUntilCaptured } from './wait-until-captured';

export interface StartDemoOptions {
  secretBox: SecretBox;
  /** The demo's source database, created when missing: on DATABASE_URL's server or the embedded one. */
  demoDatabaseUrl: string;
  kinesisEndpoint: string;
  /** How long an engine may take to start reading the demo source (default 60 s). */
  captureTimeoutMs?: number;
  trickleIntervalMs?: number;
  onTrickleError?: (error: Error) => void;
}

export interface RunningDemo {
  setup: DemoSetup;
  demoDatabaseUrl: string;
  /** False when the oversize order was there already (a second start). */
  oversizeInserted: boolean;
  trickle: DemoTrickle;
  stop(): Promise<void>;
}

/**
 * The whole demo, in the order it needs: the source database and table, the stream, source and
 * sink, an engine reading the source (a slot captures only what is committed after it exists),
 * then the oversize order and the trickle of changes. An engine must be running.
 */
export async function startDemo(db: Database, options: StartDemoOptions): Promise<RunningDemo> {
  const { demoDatabaseUrl } = options;
  await ensureDemoDatabase(demoDatabaseUrl);
  const setup = await setupDemo(db, {
    secretBox: options.secretBox,
    demoDatabaseUrl,
    kinesisEndpoint: options.kinesisEndpoint,
  });
  await waitUntilCaptured(db, {
    demoDatabaseUrl,
    slotName: setup.slotName,
    sourceId: setup.sourceId,
    timeoutMs: options.captureTimeoutMs,
  });
  const oversizeInserted = await insertOversizeOrder(demoDatabaseUrl);
  const trickle = startDemoTrickle({
    demoDatabaseUrl,
    intervalMs: options.trickleIntervalMs,
    onError: options.onTrickleError,
  });
  return { setup, demoDatabaseUrl, oversizeInserted, trickle, stop: () => trickle.stop() };
}
