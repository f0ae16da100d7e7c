import { type StreamConnectionTest, testStreamConnection } from '@shardline/kinesis';
import { resolveSinkConnection } from './sink-connection';
import type { TestConnectionInput } from './test-connection-input';

/** Runs "Test connection" for the sink form, with the saved secret when the form has none. */
export async function testSinkConnection(input: TestConnectionInput): Promise<StreamConnectionTest> {
  return testStreamConnection(await resolveSinkConnection(input));
}
