import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ReadinessReport } from './readiness';

export interface ObservabilityServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** What /metrics serves. */
  registry: Registry;
  /** What /readyz answers with. */
  readiness: () => Promise<ReadinessReport>;
  logger: Logger;
}

export interface ObservabilityServer {
  /** The port it listens on (the one picked, when asked for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The engine's HTTP endpoints for operators and orchestrators: `/metrics` (Prometheus text
 * format), `/healthz` (the process is alive) and `/readyz` (its database and Redis answer and
 * delivery is running). Nothing else: no data of any sink or message is served here.
 */
export async function startObservabilityServer(
  options: ObservabilityServerOptions,
): Promise<ObservabilityServer> {
  const { registry, logger } = options;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, path: request.url }, 'an observability endpoint failed');
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n');
    }
    const path = new URL(request.url ?? '/', 'http://engine').pathname;
    switch (path) {
      case '/metrics':
        return send(response, 200, registry.contentType, await registry.metrics());
      case '/healthz':
        return sendJson(response, 200, { status: 'ok' });
      case '/readyz': {
        const report = await options.readiness();
        return sendJson(response, report.ready ? 200 : 503, {
          status: report.ready ? 'ready' : 'not_ready',
          ...(report.ready ? {} : { notReady: report.notReady }),
          checks: report.checks,
        });
      }
      default:
        return send(
          response,
          404,
          'text/plain; charset=utf-8',
          'not found: try /metrics, /healthz or /readyz\n',
        );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${options.port} on ${options.host} is in use (another engine on this host?): set SHARDLINE_ENGINE_PORT to a free port, or 0 to pick one`,
              { cause: error },
            )
          : error,
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  server.on('error', (error) => logger.error({ err: error }, 'the observability server failed'));
  logger.info(
    { host: options.host, port, paths: ['/metrics', '/healthz', '/readyz'] },
    'observability endpoints listening',
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A scraper's keep-alive connection must not hold the shutdown up.
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
