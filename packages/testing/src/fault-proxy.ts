import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { forwardRequest, sendUpstreamResponse } from './forward-request';
import { amzOperation, listenOnLoopback, readBody, sendJson } from './http-util';
import {
  mergePutRecordsResponse,
  type PutRecordsRequestBody,
  type PutRecordsResponseBody,
  type RecordFaultRule,
  splitPutRecords,
} from './put-records-faults';

export type { RecordFault, RecordFaultRule } from './put-records-faults';

/** What a request rule sees of a request besides its operation. */
export interface ProxiedRequestInfo {
  headers: IncomingHttpHeaders;
  /** The AWS access key id the request is signed with (from its Authorization header); null when unsigned. */
  accessKeyId: string | null;
}

/**
 * Decides, per request, whether the proxy answers it itself instead of forwarding it: from its
 * operation (`PutRecords`, `DescribeStreamSummary`…) and, when it needs them, its headers.
 */
export type RequestFaultRule = (
  target: string,
  request: ProxiedRequestInfo,
) => { status: number; body: object } | null;

/** The key id in `AWS4-HMAC-SHA256 Credential=AKID/20261208/us-east-1/kinesis/aws4_request, …`. */
function accessKeyIdOf(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  const match = typeof authorization === 'string' ? /Credential=([^/,\s]+)\//.exec(authorization) : null;
  return match?.[1] ?? null;
}

export interface ProxiedRequest {
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** performance.now() when the response was sent or the connection dropped; Infinity while in flight. */
  endedAt: number;
  partitionKeys: string[];
  /** Records sent on to the emulator. */
  forwarded: number;
  /** Records failed by the failRecords rule (never stored). */
  failedByRule: number;
  /** HTTP status sent to the client; 0 if the connection dropped first. */
  status: number;
}

export interface FaultProxy {
  endpoint: string;
  /** PutRecords: records the rule fails are kept from the emulator and reported failed. */
  failRecords(rule: RecordFaultRule | null): void;
  /** Any operation: the proxy answers with the rule's status and body instead of forwarding. */
  failRequests(rule: RequestFaultRule | null): void;
  /** Stops listening and drops open connections, like the emulator going away. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeUp(): Promise<void>;
  /** Every PutRecords request seen, in arrival order. */
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** An HTTP/1.1 proxy in front of a Kinesis emulator that injects the failures emulators never produce. */
export async function startFaultProxy(options: { target: string }): Promise<FaultProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const requests: ProxiedRequest[] = [];
  let recordRule: RecordFaultRule | null = null;
  let requestRule: RequestFaultRule | null = null;

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const startedAt = performance.now();
    const body = await readBody(incoming);
    const operation = amzOperation(incoming);
    const putRecords =
      operation === 'PutRecords' ? (JSON.parse(body.toString('utf8')) as PutRecordsRequestBody) : null;
    const log = putRecords ? logRequest(startedAt, putRecords, response) : null;

    const requestFault = requestRule?.(operation, {
      headers: incoming.headers,
      accessKeyId: accessKeyIdOf(incoming.headers),
    });
    if (requestFault) return sendJson(response, requestFault.status, requestFault.body);

    const split = putRecords && recordRule ? splitPutRecords(putRecords, recordRule) : null;
    if (!split || split.faults.size === 0) {
      if (log) log.forwarded = log.partitionKeys.length;
      // Forwarded byte for byte, so the request signature stays valid.
      return sendUpstreamResponse(response, await forwardRequest(agent, target, incoming, body));
    }
    if (log) {
      log.forwarded = split.forwardedIndices.length;
      log.failedByRule = split.faults.size;
    }
    if (split.forwardedIndices.length === 0)
      return sendJson(response, 200, mergePutRecordsResponse(split, null));

    const forwardBody = Buffer.from(JSON.stringify(split.forwardBody));
    const upstream = await forwardRequest(agent, target, incoming, forwardBody);
    if (upstream.status !== 200) return sendUpstreamResponse(response, upstream);
    const results = JSON.parse(upstream.body.toString('utf8')) as PutRecordsResponseBody;
    sendJson(response, 200, mergePutRecordsResponse(split, results));
  };

  const logRequest = (startedAt: number, body: PutRecordsRequestBody, response: ServerResponse) => {
    const entry: ProxiedRequest = {
      startedAt,
      endedAt: Number.POSITIVE_INFINITY,
      partitionKeys: (body.Records ?? []).map((record) => record.PartitionKey),
      forwarded: 0,
      failedByRule: 0,
      status: 0,
    };
    requests.push(entry);
    response.once('close', () => {
      entry.endedAt = performance.now();
      entry.status = response.writableFinished ? response.statusCode : 0;
    });
    return entry;
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: NodeJS.ErrnoException) => {
      // An unreachable emulator must look unreachable to the client too, not like a server error.
      if (error.code && /^E[A-Z]+$/.test(error.code)) incoming.socket.destroy();
      else sendJson(response, 500, { __type: 'InternalFailure', message: `fault proxy: ${error.message}` });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const port = await listenOnLoopback(server, 0);
  const goDown = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    failRecords(rule) {
      recordRule = rule;
    },
    failRequests(rule) {
      requestRule = rule;
    },
    goDown,
    async comeUp() {
      if (!server.listening) await listenOnLoopback(server, port);
    },
    async stop() {
      await goDown();
      agent.destroy();
    },
  };
}
