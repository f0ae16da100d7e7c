import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient, KinesisRequestError, listOpenShards } from '../src';
import { ordersConnection } from './helpers/connections';
import {
  awsError,
  type FakeKinesis,
  type FakeReply,
  type ReceivedRequest,
  startFakeKinesis,
} from './helpers/fake-kinesis';

let fake: FakeKinesis | undefined;
let client: KinesisClient | undefined;

afterEach(async () => {
  client?.destroy();
  await fake?.close();
  fake = undefined;
});

async function listThrough(reply: (request: ReceivedRequest) => FakeReply) {
  fake = await startFakeKinesis(reply);
  const connection = ordersConnection(fake.endpoint);
  client = createKinesisClient(connection);
  return listOpenShards(client, connection);
}

const shard = (id: string, start: string, end: string, closed = false) => ({
  ShardId: id,
  HashKeyRange: { StartingHashKey: start, EndingHashKey: end },
  SequenceNumberRange: { StartingSequenceNumber: '1', ...(closed ? { EndingSequenceNumber: '9' } : {}) },
});

describe('listOpenShards', () => {
  it('reads every page and keeps only the open shards, with their hash key ranges', async () => {
    const top = (2n ** 128n - 1n).toString();
    const half = (2n ** 127n).toString();
    const shards = await listThrough((request) =>
      request.body.NextToken === 'page-2'
        ? { status: 200, json: { Shards: [shard('shardId-000000000002', half, top)] } }
        : {
            status: 200,
            json: {
              Shards: [
                shard('shardId-000000000000', '0', top, true),
                shard('shardId-000000000001', '0', (2n ** 127n - 1n).toString()),
              ],
              NextToken: 'page-2',
            },
          },
    );
    expect(shards).toEqual([
      { shardId: 'shardId-000000000001', startingHashKey: 0n, endingHashKey: 2n ** 127n - 1n },
      { shardId: 'shardId-000000000002', startingHashKey: 2n ** 127n, endingHashKey: 2n ** 128n - 1n },
    ]);
    // The first page is asked by ARN; the next ones by token alone, as Kinesis requires.
    expect(fake?.requests[0]?.body).toMatchObject({
      StreamARN: 'arn:aws:kinesis:eu-west-2:123456789012:stream/orders',
    });
    expect(fake?.requests[1]?.body).toEqual({ NextToken: 'page-2', MaxResults: 1000 });
  });

  it('throws a worded error when the credentials may not list shards', async () => {
    const failure = await listThrough(() =>
      awsError('AccessDeniedException', 'not authorized to perform: kinesis:ListShards'),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KinesisRequestError);
    expect((failure as KinesisRequestError).deliveryError.code).toBe('AccessDeniedException');
  });
});
