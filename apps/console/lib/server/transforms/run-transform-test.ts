import { type CompiledTransform, compileTransform } from '@shardline/transforms';
import { ApiError } from '../api/api-error';
import { sampleSinkMessages, sinkMessagesById, sinkRecordLimit, type TestSample } from './test-samples';
import type { TestTransformInput } from './test-transform-input';
import { transformDefinition } from './transform-definition';

/** Kinesis' record limit unless a stream is raised above it: the limit when no sink is named. */
const DEFAULT_RECORD_LIMIT_BYTES = 1024 * 1024;

/** What the transform made of one message, or why it failed. */
export interface TransformTestResult {
  messageId: string | null;
  /** The payload given to the transform, as JSON text. */
  input: string;
  /** What it returned, as the JSON text that would be sent. */
  output: string | null;
  outputBytes: number | null;
  recordLimitBytes: number;
  /** Whether the output, with the message's partition key as Kinesis counts it, fits the limit. */
  fitsLimit: boolean | null;
  durationMs: number;
  error: string | null;
}

/** Runs a definition (saved or not) on pasted or stored messages, one at a time, timing each. */
export async function runTransformTest(
  input: TestTransformInput,
): Promise<{ results: TransformTestResult[] }> {
  const recordLimitBytes = input.sinkId ? await sinkRecordLimit(input.sinkId) : DEFAULT_RECORD_LIMIT_BYTES;
  const compiled = await compileTransform(transformDefinition(input.definition.kind, input.definition.body));
  if (!compiled.ok) throw new ApiError(400, 'invalid_input', compiled.error, 'definition.body');
  try {
    const samples = await samplesOf(input);
    return { results: samples.map((sample) => runOne(compiled.transform, sample, recordLimitBytes)) };
  } finally {
    compiled.transform.dispose();
  }
}

async function samplesOf(input: TestTransformInput): Promise<TestSample[]> {
  if (input.message !== undefined) {
    return [{ messageId: null, input: JSON.stringify(input.message), partitionKey: null }];
  }
  // The input schema allows no other case: a sink is named when no message is pasted.
  if (!input.sinkId) return [];
  return input.messageIds
    ? sinkMessagesById(input.sinkId, input.messageIds)
    : sampleSinkMessages(input.sinkId, input.limit);
}

function runOne(
  transform: CompiledTransform,
  sample: TestSample,
  recordLimitBytes: number,
): TransformTestResult {
  const startedAt = performance.now();
  const [result] = transform.runBatch([sample.input]);
  const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
  const base = { messageId: sample.messageId, input: sample.input, recordLimitBytes, durationMs };
  if (!result?.ok) {
    return {
      ...base,
      output: null,
      outputBytes: null,
      fitsLimit: null,
      error: result?.error ?? 'the transform gave no result',
    };
  }
  const outputBytes = Buffer.byteLength(result.payloadJson, 'utf8');
  const keyBytes = sample.partitionKey === null ? 0 : Buffer.byteLength(sample.partitionKey, 'utf8');
  return {
    ...base,
    output: result.payloadJson,
    outputBytes,
    fitsLimit: outputBytes + keyBytes <= recordLimitBytes,
    error: null,
  };
}
