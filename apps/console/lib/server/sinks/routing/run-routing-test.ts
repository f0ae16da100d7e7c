import { ApiError } from '../../api/api-error';
import { testSamplesOf } from '../../transforms/test-samples';
import { runRoutingFunction } from './run-routing-function';
import type { TestRoutingInput } from './test-routing-input';

/** Where the routing function sent one message, or why it sent it nowhere. */
export interface RoutingTestResult {
  messageId: string | null;
  /** The message given to the function, as JSON text. */
  input: string;
  /** The stream it returned; null when it failed. */
  streamArn: string | null;
  /** As delivery would record it: routing_failed or invalid_routed_stream; null when routed. */
  code: string | null;
  error: string | null;
  durationMs: number;
}

/** As for a transform's test: the budget bounds a test of messages that all run to their limit. */
const TEST_BUDGET_MS = 5_000;

/**
 * Runs a routing function (saved or not) on pasted or stored messages, one at a time, timing
 * each, on the console's transform threads: nothing is saved or sent.
 */
export async function runRoutingTest(input: TestRoutingInput): Promise<{ results: RoutingTestResult[] }> {
  const samples = await testSamplesOf(input);
  const run = await runRoutingFunction(
    input.routingSource,
    samples.map((sample) => sample.input),
    TEST_BUDGET_MS,
  );
  if (run.compileError !== null) throw new ApiError(400, 'invalid_input', run.compileError, 'routingSource');
  return {
    results: samples.map((sample, index): RoutingTestResult => {
      const route = run.routes[index];
      const base = {
        messageId: sample.messageId,
        input: sample.input,
        durationMs: Math.round((run.durationsMs[index] ?? 0) * 100) / 100,
      };
      if (route?.ok === true) return { ...base, streamArn: route.streamArn, code: null, error: null };
      if (route?.ok === false) return { ...base, streamArn: null, code: route.code, error: route.error };
      return {
        ...base,
        streamArn: null,
        code: null,
        error: 'not run: the messages before it used the time a test may take',
      };
    }),
  };
}
