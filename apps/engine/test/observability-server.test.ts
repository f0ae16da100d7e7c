import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type ObservabilityServer, startObservabilityServer } from '../src/observability-server';

const TOKEN = 'a-metrics-token-for-prometheus';
let server: ObservabilityServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(metricsToken: string | null) {
  const registry = new Registry();
  new Counter({ name: 'shardline_test_total', help: 'a metric naming a sink', registers: [registry] }).inc();
  server = await startObservabilityServer({
    host: '127.0.0.1',
    port: 0,
    registry,
    metricsToken,
    readiness: async () => ({ ready: true, notReady: [], checks: {} }),
    logger: pino({ level: 'silent' }),
  });
  return `http://127.0.0.1:${server.port}`;
}

describe("the engine's /metrics with SHARDLINE_METRICS_TOKEN", () => {
  it('answers 401 without the token or with another, and the metrics with it', async () => {
    const url = await serve(TOKEN);
    for (const authorization of [undefined, 'Bearer not-the-token', `Basic ${TOKEN}`, TOKEN]) {
      const response = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('shardline_test_total');
    }
    const allowed = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('shardline_test_total 1');
    // Probes stay open: they tell up or down, nothing about sinks.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('serves the metrics to anyone who reaches it when no token is set', async () => {
    const url = await serve(null);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});
