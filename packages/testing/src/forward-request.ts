import {
  type Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import { readBody } from './http-util';

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Per-connection or length headers: they describe the hop, not the message, and bodies may be rewritten.
const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)));
}

/** Sends the client's request (with `body` in place of its own) to `target` and buffers the answer. */
export function forwardRequest(
  agent: Agent,
  target: URL,
  incoming: IncomingMessage,
  body: Buffer,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...endToEndHeaders(incoming.headers), host: target.host, 'content-length': body.length },
      },
      (response) => {
        readBody(response).then(
          (responseBody) =>
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: responseBody }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function sendUpstreamResponse(response: ServerResponse, upstream: UpstreamResponse): void {
  if (response.destroyed) return;
  response.writeHead(upstream.status, {
    ...endToEndHeaders(upstream.headers),
    'content-length': upstream.body.length,
  });
  response.end(upstream.body);
}
