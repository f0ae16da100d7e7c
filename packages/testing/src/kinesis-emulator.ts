import { spawnKinesisLocal } from '@shardline/local-kinesis';
import { freePort } from './free-port';

export interface KinesisEmulator {
  /** Plain HTTP endpoint, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  stop(): Promise<void>;
}

const START_ATTEMPTS = 3;

// Every simulated state transition the emulator supports, so tests never wait on the 500 ms default.
const SHORT_DURATIONS = Object.fromEntries(
  [
    'CREATE_STREAM_DURATION',
    'DELETE_STREAM_DURATION',
    'REGISTER_STREAM_CONSUMER_DURATION',
    'DEREGISTER_STREAM_CONSUMER_DURATION',
    'START_STREAM_ENCRYPTION_DURATION',
    'STOP_STREAM_ENCRYPTION_DURATION',
    'MERGE_SHARDS_DURATION',
    'SPLIT_SHARD_DURATION',
    'UPDATE_SHARD_COUNT_DURATION',
    'UPDATE_STREAM_MODE_DURATION',
  ].map((name) => [name, '50ms']),
);

/** Starts kinesis-local on free ports and resolves once it answers ListStreams. */
export async function startKinesisEmulator(): Promise<KinesisEmulator> {
  let lastError: unknown;
  // A probed port can be grabbed by someone else before the emulator binds it.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      const emulator = await spawnKinesisLocal({
        plainPort: await freePort(),
        tlsPort: await freePort(),
        settings: {
          ...SHORT_DURATIONS,
          // One emulator serves many tests; the default of 50 shards per account runs out fast.
          SHARD_LIMIT: '100000',
          ON_DEMAND_STREAM_COUNT_LIMIT: '100000',
        },
        // A test that forgets stop() must not keep its process alive; the stdin watchdog reaps the child.
        unref: true,
      });
      return { endpoint: emulator.endpoint, stop: emulator.stop };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
