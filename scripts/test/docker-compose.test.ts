import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig } from './compose-cli';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const SECRET_KEY = '5d'.repeat(32);

interface Service {
  image?: string;
  build?: { target?: string };
  command?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: (string | { host_ip?: string; target: number })[];
  volumes?: (string | { target: string })[];
}

let services: Record<string, Service>;
beforeAll(() => {
  const result = composeConfig(COMPOSE_FILE, { SHARDLINE_SECRET_KEY: SECRET_KEY });
  expect(result.status, `docker compose config rejected docker-compose.yml:\n${result.stderr}`).toBe(0);
  services = (parse(result.stdout) as { services: Record<string, Service> }).services;
});

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

const healthCheckOf = (name: string) => service(name).healthcheck?.test?.join(' ') ?? '';
const mountTargets = (name: string) =>
  (service(name).volumes ?? []).map((volume) =>
    typeof volume === 'string' ? volume.split(':')[1] : volume.target,
  );

describe('docker-compose.yml', () => {
  it('brings up the whole stack: Postgres, Redis, the Kinesis emulator, migrations, engine and console', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['console', 'engine', 'kinesis', 'migrate', 'postgres', 'redis'].sort(),
    );
    expect(service('engine').build?.target).toBe('engine');
    expect(service('console').build?.target).toBe('console');
    expect(service('kinesis').build?.target).toBe('emulator');
    expect(service('migrate').command).toEqual(['npm', 'run', 'db:migrate']);
  });

  it('gives every long-running service a health check, and starts each only once what it needs is ready', () => {
    for (const [name, definition] of Object.entries(services)) {
      if (name !== 'migrate')
        expect(definition.healthcheck?.test, `${name} has no health check`).toBeTruthy();
      for (const [dependency, { condition }] of Object.entries(definition.depends_on ?? {})) {
        // The one-shot migration is waited for until it has exited successfully; the rest until healthy.
        const expected = dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
        expect(condition, `${name} waits for ${dependency}`).toBe(expected);
      }
    }
    expect(Object.keys(service('migrate').depends_on ?? {})).toEqual(['postgres']);
    expect(Object.keys(service('engine').depends_on ?? {}).sort()).toEqual(['migrate', 'postgres', 'redis']);
    expect(Object.keys(service('console').depends_on ?? {}).sort()).toEqual(['engine', 'migrate']);
    expect(healthCheckOf('engine')).toContain('http://127.0.0.1:9464/readyz');
    expect(healthCheckOf('console')).toContain('http://127.0.0.1:3000/healthz');
  });

  it('runs Postgres with logical replication and keeps Redis and every store on volumes', () => {
    const postgres = service('postgres').command?.join(' ') ?? '';
    expect(postgres).toContain('wal_level=logical');
    expect(postgres).toMatch(/max_replication_slots=\d+/);
    expect(postgres).toMatch(/max_wal_senders=\d+/);
    expect(service('redis').command?.join(' ')).toContain('--appendonly yes');
    expect(mountTargets('redis')).toContain('/data');
    expect(mountTargets('postgres')).toContain('/var/lib/postgresql/data');
    expect(mountTargets('kinesis')).toContain('/data');
  });

  it('publishes ports on this machine only', () => {
    for (const [name, definition] of Object.entries(services)) {
      for (const port of definition.ports ?? []) {
        const hostIp = typeof port === 'string' ? port.split(':')[0] : port.host_ip;
        expect(hostIp, `a port of ${name}`).toBe('127.0.0.1');
      }
    }
  });

  it('hands the engine and the console the same encryption key', () => {
    expect(service('engine').environment?.SHARDLINE_SECRET_KEY).toBe(SECRET_KEY);
    expect(service('console').environment?.SHARDLINE_SECRET_KEY).toBe(SECRET_KEY);
  });

  it('refuses to start without SHARDLINE_SECRET_KEY, saying how to make one', () => {
    const result = composeConfig(COMPOSE_FILE);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set SHARDLINE_SECRET_KEY (openssl rand -hex 32)');
  });
});

describe('docker compose config', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shardline-compose-invalid-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a compose file with a setting Compose does not know', () => {
    const misspelt = readFileSync(COMPOSE_FILE, 'utf8').replace(
      '  engine:\n',
      '  engine:\n    healthcheck_interval: 5s\n',
    );
    const file = join(dir, 'docker-compose.yml');
    writeFileSync(file, misspelt);
    const result = composeConfig(file, { SHARDLINE_SECRET_KEY: SECRET_KEY });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('healthcheck_interval');
  });
});
