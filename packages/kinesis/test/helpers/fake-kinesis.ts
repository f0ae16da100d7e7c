import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  /** The X-Amz-Target operation, e.g. `PutRecords`. */
  operation: string;
  body: Record<string, unknown>;
}

export type FakeReply =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType?: string }
  /** Accept the request and never answer. */
  | { hang: true }
  /** Send headers and part of the body, then go quiet. */
  | { stallBody: true }
  /** Drop the connection without a response. */
  | { reset: true };

export interface FakeKinesis {
  endpoint: string;
  port: number;
  requests: ReceivedRequest[];
  /** How many TCP connections clients opened. */
  connectionCount(): number;
  /** How many of them are closed again. */
  closedConnectionCount(): number;
  close(): Promise<void>;
}

/** A stand-in Kinesis endpoint that answers each request with whatever the test chooses. */
export async function startFakeKinesis(reply: (request: ReceivedRequest) => FakeReply): Promise<FakeKinesis> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let closed = 0;
  const server = createServer((req, res) => {
    readBody(req).then((text) => {
      const request = { operation: operationOf(req), body: text ? JSON.parse(text) : {} };
      requests.push(request);
      answer(reply(request), req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => closed++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    requests,
    connectionCount: () => sockets.size,
    closedConnectionCount: () => closed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(reply: FakeReply, req: IncomingMessage, res: ServerResponse): void {
  if ('hang' in reply) return;
  if ('reset' in reply) {
    req.socket.destroy();
    return;
  }
  if ('stallBody' in reply) {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.write('{"Records":[');
    return;
  }
  if ('json' in reply) {
    res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(reply.json));
    return;
  }
  res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
  res.end(reply.text);
}

function operationOf(req: IncomingMessage): string {
  return (
    String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop() ?? ''
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A Kinesis JSON error body, the way the service writes it. */
export function awsError(name: string, message: string): { status: number; json: unknown } {
  return { status: 400, json: { __type: name, message } };
}
