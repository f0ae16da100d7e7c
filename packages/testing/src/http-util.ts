import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';

export const AMZ_JSON = 'application/x-amz-json-1.1';

export function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The operation name from `X-Amz-Target: Kinesis_20131202.PutRecords`. */
export function amzOperation(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  return typeof target === 'string' ? target.slice(target.lastIndexOf('.') + 1) : '';
}

export function sendJson(response: ServerResponse, status: number, body: string | object): void {
  if (response.destroyed) return;
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': AMZ_JSON, 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

/** Listens on 127.0.0.1 and resolves with the bound port (pass 0 for any free one). */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
