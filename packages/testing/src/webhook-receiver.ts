import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server standing in for a Slack incoming webhook: keeps every JSON body it gets. */
export interface WebhookReceiver {
  url: string;
  bodies: Array<{ text: string; blocks?: unknown[]; test?: boolean }>;
  /** Status to answer with (200 unless set). */
  status: number;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { bodies: [], status: 200 } as unknown as WebhookReceiver;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.headers['content-type'] === 'application/json' && receiver.status === 200) {
        receiver.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      }
      response.writeHead(receiver.status).end(receiver.status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A path like Slack's, whose last part is the secret.
  receiver.url = `http://127.0.0.1:${port}/services/T000/B000/secret-token-xyz`;
  receiver.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
