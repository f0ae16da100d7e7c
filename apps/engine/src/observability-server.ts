import { createHash, timingSafeEqual } from 'node:crypto';
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
  /** When set, /metrics needs `Authorization: Bearer <token>`; /healthz and /readyz never do. */
  metricsToken?: string | null;
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
        if (!bearerMatches(request, options.metricsToken ?? null)) {
          response.setHeader('www-authenticate', 'Bearer realm="shardline engine metrics"');
          return send(
            response,
            401,
            'text/plain; charset=utf-8',
            "the engine's metrics need Authorization: Bearer <SHARDLINE_METRICS_TOKEN>\n",
          );
        }
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

/** Whether the request carries the token (no token configured: anyone may read). */
function bearerMatches(request: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization?.trim() ?? '')?.[1];
  if (!sent) return false;
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
