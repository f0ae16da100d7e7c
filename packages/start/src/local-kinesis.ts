import { type KinesisLocal, KinesisLocalStartError, spawnKinesisLocal } from '@shardline/local-kinesis';
import { StartProblem } from './start-problem';

export type LocalKinesis = KinesisLocal;

/**
 * Runs the demo's Kinesis emulator on `port` (and its TLS listener on the port after it).
 * Streams live in its memory: a restart empties them (the demo creates its stream again).
 */
export async function startLocalKinesis(options: { port: number }): Promise<LocalKinesis> {
  try {
    return await spawnKinesisLocal({
      plainPort: options.port,
      tlsPort: options.port + 1,
      settings: { CREATE_STREAM_DURATION: '100ms' },
    });
  } catch (error) {
    if (!(error instanceof KinesisLocalStartError)) throw error;
    throw new StartProblem(
      error.message,
      `set SHARDLINE_DEMO_KINESIS_PORT in .env to a free port (it also takes the port after it), or turn the demo off with SHARDLINE_DEMO=false`,
      { cause: error },
    );
  }
}
