import { createServer, type Server, type Socket } from 'node:net';
import { createSourceDatabase, type SourceDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/source-checks';
import { connectionFailure } from '../../src/source-checks/connection-failure';
import { checksOf } from './report-helpers';

const options = { publicationName: 'p', slotName: 's', tables: [{ schema: 'public', name: 'orders' }] };

let source: SourceDatabase;
beforeAll(async () => {
  source = await createSourceDatabase();
});
afterAll(() => source.drop());

/** A local port that accepts connections and never answers, like a server behind a dropping firewall. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nobody listens on: bound, noted, and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('checkSource when it cannot connect', () => {
  it('names an unknown database, and skips every other check', async () => {
    const report = await checkSource({ ...source.clientConfig, database: 'shop_typo' }, options);
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks.connection).toEqual({
      id: 'connection',
      status: 'error',
      title: 'Unknown database',
      detail:
        'The server at 127.0.0.1:5432 has no database named "shop_typo". Check the database name; names are case-sensitive.',
    });
    expect(report.checks.slice(1).every((check) => check.status === 'skipped')).toBe(true);
    expect(checks.tables).toMatchObject({
      title: 'Tables not checked',
      detail: 'Not checked: cannot connect to the database.',
    });
  });

  it('names an unknown user', async () => {
    const report = await checkSource({ ...source.clientConfig, user: 'no_such_user' }, options);
    expect(checksOf(report).connection).toMatchObject({
      title: 'Unknown user',
      detail:
        'The server at 127.0.0.1:5432 has no user (role) named "no_such_user". Check the user name; names are case-sensitive.',
    });
  });

  it('says when nothing listens at the address', async () => {
    const port = await closedPort();
    const report = await checkSource({ ...source.clientConfig, port }, options);
    expect(checksOf(report).connection).toMatchObject({
      title: 'Connection refused',
      detail:
        `Nothing accepts connections at 127.0.0.1:${port}. Check that PostgreSQL is running, that the port is ` +
        'right, and that listen_addresses in postgresql.conf includes an address Shardline can reach.',
    });
  });

  it('says when the server does not answer in time', async () => {
    const silent = await silentServer();
    try {
      const report = await checkSource(
        { ...source.clientConfig, port: silent.port, connectionTimeoutMillis: 300 },
        options,
      );
      expect(checksOf(report).connection).toMatchObject({
        title: 'The server does not answer',
        detail:
          `Nothing answered at 127.0.0.1:${silent.port} in time. Check the host and port, and that a firewall ` +
          "or security group lets Shardline's address reach the server.",
      });
    } finally {
      await silent.close();
    }
  });

  it('says when encryption is asked of a server that has none', async () => {
    const report = await checkSource({ ...source.clientConfig, ssl: { rejectUnauthorized: false } }, options);
    expect(checksOf(report).connection).toMatchObject({
      title: 'The server does not offer encryption',
      detail:
        'The server at 127.0.0.1:5432 does not accept SSL connections, and sslMode asks for one. Enable SSL ' +
        'on the server, or set sslMode to prefer or disable.',
    });
  });
});

// These failures need a network or a server configured to refuse; the errors are as node-postgres reports them.
describe('connectionFailure', () => {
  const config = { host: 'db.example.invalid', port: 5432, database: 'shop', user: 'reader' };

  it('names a host that does not resolve', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND db.example.invalid'), { code: 'ENOTFOUND' });
    expect(connectionFailure(error, config)).toEqual({
      id: 'connection',
      status: 'error',
      title: 'Unknown host',
      detail:
        'The host name "db.example.invalid" cannot be resolved to an address. Check its spelling, or give ' +
        "the server's IP address instead.",
    });
  });

  it('explains a missing pg_hba.conf rule', () => {
    const error = Object.assign(
      new Error('no pg_hba.conf entry for host "10.1.2.3", user "reader", database "shop", no encryption'),
      { code: '28000' },
    );
    expect(connectionFailure(error, config)).toMatchObject({
      title: 'The server does not let Shardline in',
      detail: expect.stringContaining(
        'has no rule in pg_hba.conf that lets user "reader" connect to database "shop" from Shardline\'s ' +
          'address without encryption (try sslMode require). Add a "host" line',
      ),
    });
  });

  it('keeps the server’s words for anything else', () => {
    expect(connectionFailure(new Error('something odd'), config)).toEqual({
      id: 'connection',
      status: 'error',
      title: 'Cannot connect',
      detail: 'Connecting to db.example.invalid:5432 failed: something odd',
    });
  });
});
