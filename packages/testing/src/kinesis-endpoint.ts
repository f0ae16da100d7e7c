import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { amzOperation, listenOnLoopback, readBody, sendJson } from './http-util';

/** Answers one Kinesis operation (JSON 1.1) from its request body. */
export type KinesisOperation = (body: Buffer, response: ServerResponse) => void;

export interface KinesisEndpoint {
  endpoint: string;
  /** Closes the server and every connection still open (the SDK keeps them alive). */
  stop(): Promise<void>;
}

/**
 * A loopback HTTP server that dispatches on `X-Amz-Target` to the operations given, answering
 * the others with `unknown`, and a handler error with a 500 InternalFailure.
 */
export async function serveKinesisOperations(
  operations: Record<string, KinesisOperation>,
  unknown: (operation: string, response: ServerResponse) => void,
): Promise<KinesisEndpoint> {
  const sockets = new Set<Socket>();
  const server = createServer({ keepAliveTimeout: 60_000 }, (incoming, response) => {
    const operation = amzOperation(incoming);
    readBody(incoming)
      .then((body) => {
        const answer = operations[operation];
        if (answer) answer(body, response);
        else unknown(operation, response);
      })
      .catch((error: Error) =>
        sendJson(response, 500, { __type: 'InternalFailure', message: error.message }),
      );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server, 0);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A DescribeStreamSummary answer for the stream the request names, ACTIVE. */
/** A record size limit reported for every stream, or per stream name (undefined: none reported). */
export type MaxRecordSizeKiB = number | ((streamName: string) => number | undefined);

export function streamSummaryAnswer(
  body: Buffer,
  stream: {
    defaultName: string;
    onDemand: boolean;
    openShardCount: number;
    maxRecordSizeKiB?: MaxRecordSizeKiB;
  },
): object {
  const request = JSON.parse(body.toString('utf8') || '{}') as { StreamARN?: string; StreamName?: string };
  const streamName = request.StreamName ?? request.StreamARN?.split('/').pop() ?? stream.defaultName;
  const maxRecordSizeKiB =
    typeof stream.maxRecordSizeKiB === 'function'
      ? stream.maxRecordSizeKiB(streamName)
      : stream.maxRecordSizeKiB;
  return {
    StreamDescriptionSummary: {
      StreamName: streamName,
      StreamARN: request.StreamARN ?? `arn:aws:kinesis:us-east-1:000000000000:stream/${streamName}`,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: stream.onDemand ? 'ON_DEMAND' : 'PROVISIONED' },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: 0,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
      OpenShardCount: stream.openShardCount,
      ConsumerCount: 0,
      ...(maxRecordSizeKiB === undefined ? {} : { MaxRecordSizeInKiB: maxRecordSizeKiB }),
    },
  };
}
