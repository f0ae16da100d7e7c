import { type KinesisClient, ListShardsCommand, type Shard } from '@aws-sdk/client-kinesis';
import { type KinesisConnection, requestTimeoutOf } from './connection';
import { withDeadline } from './deadline';
import { KinesisRequestError } from './delivery-error';
import { describeKinesisError } from './describe-kinesis-error';

/** An open shard and the range of 128-bit hash keys (MD5 of partition keys) it takes. */
export interface OpenShard {
  shardId: string;
  startingHashKey: bigint;
  endingHashKey: bigint;
}

// ListShards returns at most this many shards a page (Kinesis' own maximum).
const PAGE_SIZE = 1_000;

/**
 * The stream's open shards: every page of ListShards, without the closed ones (a split or
 * merged parent keeps its records but takes no writes). Throws a KinesisRequestError worded like
 * delivery errors, e.g. when the credentials lack kinesis:ListShards.
 */
export async function listOpenShards(
  client: KinesisClient,
  connection: KinesisConnection,
): Promise<OpenShard[]> {
  const shards: Shard[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const token = nextToken;
      const output = await withDeadline(requestTimeoutOf(connection), (abortSignal) =>
        client.send(
          // A NextToken carries the stream with it: Kinesis refuses it alongside the ARN.
          new ListShardsCommand(
            token
              ? { NextToken: token, MaxResults: PAGE_SIZE }
              : { StreamARN: connection.streamArn, MaxResults: PAGE_SIZE },
          ),
          { abortSignal },
        ),
      );
      shards.push(...(output.Shards ?? []));
      nextToken = output.NextToken;
    } while (nextToken);
  } catch (error) {
    throw new KinesisRequestError(describeKinesisError(error, connection), { cause: error });
  }
  return shards.flatMap((shard): OpenShard[] => {
    const range = shard.HashKeyRange;
    if (!shard.ShardId || !range?.StartingHashKey || !range.EndingHashKey) return [];
    if (shard.SequenceNumberRange?.EndingSequenceNumber) return [];
    return [
      {
        shardId: shard.ShardId,
        startingHashKey: BigInt(range.StartingHashKey),
        endingHashKey: BigInt(range.EndingHashKey),
      },
    ];
  });
}
