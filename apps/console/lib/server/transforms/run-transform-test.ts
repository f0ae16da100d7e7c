import { randomUUID } from 'node:crypto';
import type { BudgetedResult, TransformResult } from '@shardline/transforms';
import { ApiError } from '../api/api-error';
import { consoleTransformRunner } from './console-transform-runner';
import { sinkRecordLimit, type TestSample, testSamplesOf } from './test-samples';
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

/**
 * Each message may take the transform's whole time limit, and a test holds at most
 * MAX_TEST_MESSAGES: the budget only bounds a test of messages that all run to their limit.
 */
const TEST_BUDGET_MS = 5_000;

/**
 * Runs a definition (saved or not) on pasted or stored messages, one at a time, timing each, on
 * the console's transform threads (never the request's own).
 */
export async function runTransformTest(
  input: TestTransformInput,
): Promise<{ results: TransformTestResult[] }> {
  const recordLimitBytes = input.sinkId ? await sinkRecordLimit(input.sinkId) : DEFAULT_RECORD_LIMIT_BYTES;
  const samples = await testSamplesOf(input);
  const runner = consoleTransformRunner();
  // An unsaved definition: compiled for this test only, and freed after it.
  const key = `test:${randomUUID()}`;
  try {
    const outcome = await runner.run(
      key,
      transformDefinition(input.definition.kind, input.definition.body),
      samples.map((sample) => sample.input),
      TEST_BUDGET_MS,
      { oneAtATime: true },
    );
    if (!outcome.ok) throw new ApiError(400, 'invalid_input', outcome.compileError, 'definition.body');
    return {
      results: samples.map((sample, index) =>
        resultOf(sample, outcome.results[index], outcome.durationsMs[index] ?? 0, recordLimitBytes),
      ),
    };
  } finally {
    runner.forget(key);
  }
}

function resultOf(
  sample: TestSample,
  budgeted: BudgetedResult | undefined,
  tookMs: number,
  recordLimitBytes: number,
): TransformTestResult {
  const durationMs = Math.round(tookMs * 100) / 100;
  const base = { messageId: sample.messageId, input: sample.input, recordLimitBytes, durationMs };
  const result: TransformResult | undefined =
    budgeted?.ok === 'deferred'
      ? { ok: false, error: 'not run: the messages before it used the time a test may take' }
      : budgeted;
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
