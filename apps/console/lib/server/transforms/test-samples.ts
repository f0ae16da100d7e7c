import { type MessageState, NotFoundError } from '@shardline/core';
import { getMessage, getSinkRecordLimit, listMessages, type MessageRecord } from '@shardline/db';
import { ApiError } from '../api/api-error';
import { database } from '../database';

/** A message to test a transform on: its stored payload and, for a sink's, its partition key. */
export interface TestSample {
  messageId: string | null;
  /** The payload as JSON text, exactly as stored (or as pasted). */
  input: string;
  /** The message's group, which Kinesis counts in the record size with the data. */
  partitionKey: string | null;
}

/** The record limit of a sink, or a NotFoundError: the test must name a sink that exists. */
export async function sinkRecordLimit(sinkId: string): Promise<number> {
  const limit = await getSinkRecordLimit(database(), { sinkId });
  if (limit === null) throw new NotFoundError(`sink ${sinkId} does not exist`);
  return limit;
}

/** Messages of a sink by id, in the order given; an id the sink does not have is a 404. */
export async function sinkMessagesById(sinkId: string, messageIds: readonly string[]): Promise<TestSample[]> {
  return Promise.all(messageIds.map((id) => sampleOf(sinkId, BigInt(id))));
}

async function sampleOf(sinkId: string, id: bigint): Promise<TestSample> {
  const detail = await getMessage(database(), { sinkId, id });
  return { messageId: detail.id.toString(), input: detail.payload, partitionKey: detail.group };
}

/**
 * Which of a sink's messages a test runs on when none is named, in this order: those a transform
 * will run on next (failing, then pending, in the order they go out), then the most recently
 * delivered, then the most recently discarded. For a sink that keeps up, that is its most recent
 * messages; for one with a backlog, the messages the transform matters for.
 */
const SAMPLE_STATES: readonly MessageState[] = ['failing', 'pending', 'delivered', 'discarded'];

/** Up to `limit` messages of the sink, as SAMPLE_STATES orders them. */
export async function sampleSinkMessages(sinkId: string, limit: number): Promise<TestSample[]> {
  const db = database();
  const chosen: MessageRecord[] = [];
  for (const state of SAMPLE_STATES) {
    if (chosen.length >= limit) break;
    const page = await listMessages(db, { sinkId, state, limit: limit - chosen.length });
    chosen.push(...page.messages);
  }
  const samples = await Promise.all(
    chosen.map((message) =>
      sampleOf(sinkId, message.id).catch((error: unknown) => {
        // Pruned since it was listed: one sample fewer, not a failed test.
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
    ),
  );
  return samples.filter((sample) => sample !== null);
}

/** What a test (of a transform or a routing function) runs on: a pasted message, or a sink's. */
export async function testSamplesOf(input: {
  sinkId?: string;
  messageIds?: string[];
  message?: unknown;
  limit: number;
}): Promise<TestSample[]> {
  if (input.message !== undefined) {
    return [{ messageId: null, input: pastedJson(input.message), partitionKey: null }];
  }
  // The input schemas allow no other case: a sink is named when no message is pasted.
  if (!input.sinkId) return [];
  return input.messageIds
    ? sinkMessagesById(input.sinkId, input.messageIds)
    : sampleSinkMessages(input.sinkId, input.limit);
}

/** A pasted message as JSON text; one nested deeper than the console's own stack is refused. */
function pastedJson(message: unknown): string {
  try {
    return JSON.stringify(message);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ApiError(400, 'invalid_input', 'the message is nested too deeply to be read', 'message');
  }
}
