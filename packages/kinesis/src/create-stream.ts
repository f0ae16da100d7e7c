import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { createKinesisClient, type KinesisConnection, requestTimeoutOf } from './connection';
import { withDeadline } from './deadline';
import type { DeliveryError } from './delivery-error';
import { toStreamDescription } from './describe-stream';
import { streamTarget } from './stream-target';
import {
  describeStreamCallFailure,
  type StreamCallFailure,
  type StreamSummary,
  summarizeStream,
} from './test-stream-connection';
import { formatDuration } from './wording';

/** On-demand streams scale by themselves; provisioned ones have the shards they are given. */
export type StreamCapacity = { mode: 'on-demand' } | { mode: 'provisioned'; shardCount: number };

/** The stream, ACTIVE, once created (`created` false: it existed already), or what failed. */
export type StreamCreation =
  | { ok: true; created: boolean; stream: StreamSummary }
  | { ok: false; error: StreamCallFailure };

// A person waits on the form; AWS makes a stream ACTIVE within a minute or so.
const DEFAULT_ACTIVE_TIMEOUT_MS = 120_000;
const POLL_MS = 1_000;
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Creates the stream the connection's ARN names (CreateStream, in the region of the ARN and the
 * account of the credentials), then waits until DescribeStreamSummary says ACTIVE, at most
 * `activeTimeoutMs`. A stream of that name that exists already is waited for, not created again.
 * `onCreated` runs once AWS accepted the CreateStream, whatever the wait brings (to record it).
 */
export async function createStreamAndWait(
  connection: KinesisConnection,
  options: {
    capacity: StreamCapacity;
    onCreated?: () => Promise<void>;
    activeTimeoutMs?: number;
    pollMs?: number;
  },
): Promise<StreamCreation> {
  const settings = { requestTimeoutMs: REQUEST_TIMEOUT_MS, ...connection };
  const client = createKinesisClient(settings);
  try {
    const created = await sendCreateStream(client, settings, options.capacity);
    if (created) await options.onCreated?.();
    return await waitUntilActive(client, settings, {
      created,
      timeoutMs: options.activeTimeoutMs ?? DEFAULT_ACTIVE_TIMEOUT_MS,
      pollMs: options.pollMs ?? POLL_MS,
    });
  } catch (error) {
    return {
      ok: false,
      error: describeStreamCallFailure(error, settings, (described) => creationHint(described, settings)),
    };
  } finally {
    client.destroy();
  }
}

/** True when the stream was created, false when one of that name existed already. */
async function sendCreateStream(
  client: KinesisClient,
  connection: KinesisConnection,
  capacity: StreamCapacity,
): Promise<boolean> {
  const { streamName } = streamTarget(connection);
  try {
    await withDeadline(requestTimeoutOf(connection), (abortSignal) =>
      client.send(
        new CreateStreamCommand({
          StreamName: streamName,
          ...(capacity.mode === 'provisioned'
            ? { ShardCount: capacity.shardCount, StreamModeDetails: { StreamMode: 'PROVISIONED' } }
            : { StreamModeDetails: { StreamMode: 'ON_DEMAND' } }),
        }),
        { abortSignal },
      ),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ResourceInUseException') return false;
    throw error;
  }
}

async function waitUntilActive(
  client: KinesisClient,
  connection: KinesisConnection,
  options: { created: boolean; timeoutMs: number; pollMs: number },
): Promise<StreamCreation> {
  const target = streamTarget(connection);
  const deadline = Date.now() + options.timeoutMs;
  let status = 'CREATING';
  for (;;) {
    // By name, not ARN: the stream lands in the credentials' account, which the ARN may not name.
    const found = await describeByName(client, connection, target.streamName);
    if (found) {
      const arn = found.StreamARN ?? target.arn;
      if (arn !== target.arn) {
        return {
          ok: false,
          error: {
            code: 'StreamInAnotherAccount',
            message: `The stream was created as ${arn}, not ${target.arn}.`,
            hint: 'CreateStream makes the stream in the account of the credentials and the region of the ARN: use that ARN, or credentials of the account the ARN names.',
          },
        };
      }
      status = found.StreamStatus ?? 'UNKNOWN';
      if (status === 'ACTIVE') {
        return {
          ok: true,
          created: options.created,
          stream: summarizeStream(toStreamDescription(found), connection),
        };
      }
    }
    if (Date.now() >= deadline) {
      return {
        ok: false,
        error: {
          code: 'StreamNotActiveYet',
          message: `The stream ${target.streamName} is still ${status} after ${formatDuration(options.timeoutMs)}.`,
          hint: 'AWS is still making it ready: test the connection again in a minute. It does not need creating again.',
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** The stream's summary, or null while it cannot be seen yet (AWS is eventually consistent). */
async function describeByName(client: KinesisClient, connection: KinesisConnection, streamName: string) {
  try {
    const output = await withDeadline(requestTimeoutOf(connection), (abortSignal) =>
      client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }), { abortSignal }),
    );
    return output.StreamDescriptionSummary ?? null;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return null;
    throw error;
  }
}

function creationHint(error: DeliveryError, connection: KinesisConnection): string | null {
  const { arn, region } = streamTarget(connection);
  if (error.code === 'AccessDeniedException') {
    return `Missing permission: allow the IAM actions kinesis:CreateStream and kinesis:DescribeStreamSummary on ${arn} for the IAM user or role of these credentials (the IAM policy shown below includes them while "Create the stream" is chosen), or create the stream in the AWS console.`;
  }
  if (error.code === 'LimitExceededException') {
    return `The account's limit of shards or on-demand streams in ${region} is reached: use fewer shards, delete a stream that is not used, or ask AWS for a higher limit.`;
  }
  if (error.code === 'InvalidArgumentException') {
    return 'Check the shard count: AWS refused it (the message above says why).';
  }
  return null;
}
