import {
  clientConfigFromUrl,
  type ReplicaLevelPostgres,
  startReplicaLevelPostgres,
} from '@shardline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/source-checks';
import { checksOf, statusesOf } from './report-helpers';

// The main test server trusts every local connection, so passwords are tested on this cluster,
// which asks every role but its superuser for one.
let cluster: ReplicaLevelPostgres;
const PASSWORD = 'correct horse battery staple';
const options = {
  publicationName: 'shardline_test',
  slotName: 'shardline_test',
  tables: [{ schema: 'public', name: 'orders' }],
};

beforeAll(async () => {
  cluster = await startReplicaLevelPostgres();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE orders (id bigint PRIMARY KEY, status text);
      ALTER TABLE orders REPLICA IDENTITY FULL;
      CREATE ROLE reader LOGIN REPLICATION PASSWORD '${PASSWORD}';
      GRANT SELECT ON orders TO reader;
    `);
  } finally {
    await client.end();
  }
});
afterAll(() => cluster?.stop());

const asReader = (password?: string): pg.ClientConfig => ({
  ...clientConfigFromUrl(cluster.url),
  user: 'reader',
  ...(password === undefined ? {} : { password }),
});

describe('checkSource when wal_level is not logical', () => {
  it('gives the ALTER SYSTEM to run and the restart, and still reports the rest', async () => {
    const report = await checkSource(clientConfigFromUrl(cluster.url), options);
    const checks = checksOf(report);
    expect(report.ok).toBe(false);
    expect(checks['wal-level']).toEqual({
      id: 'wal-level',
      status: 'error',
      title: 'wal_level is replica, not logical',
      detail:
        'Logical replication needs wal_level = logical. As a superuser, run: ALTER SYSTEM SET wal_level = ' +
        'logical; then restart the PostgreSQL server (this setting only changes on a restart). On Amazon RDS ' +
        'or Aurora, set rds.logical_replication = 1 in the DB parameter group instead, then reboot the instance.',
    });
    expect(checks.slot).toEqual({
      id: 'slot',
      status: 'error',
      title: 'The replication slot "shardline_test" cannot be created yet',
      detail:
        'It does not exist, and Postgres can only create it once wal_level is logical (see the WAL level check).',
    });
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      'replication-permission': 'ok',
      tables: 'ok',
      publication: 'ok',
      'primary-keys': 'ok',
      'replica-identity': 'ok',
    });
    expect(checks.connection.detail).toContain(`on 127.0.0.1:${cluster.port} as "postgres"`);
  });
});

describe('checkSource with passwords', () => {
  it('says the password is wrong, and skips the checks that need a connection', async () => {
    const report = await checkSource(asReader('wrong password'), options);
    expect(report).toEqual({
      ok: false,
      checks: [
        {
          id: 'connection',
          status: 'error',
          title: 'Wrong password',
          detail:
            `The server at 127.0.0.1:${cluster.port} refused the password for user "reader". Check the user ` +
            'name and the password, then save the source again.',
        },
        ...[
          ['wal-level', 'WAL level'],
          ['replication-permission', 'Replication permission'],
          ['tables', 'Tables'],
          ['publication', 'Publication'],
          ['slot', 'Replication slot'],
          ['primary-keys', 'Primary keys'],
          ['replica-identity', 'Replica identity'],
        ].map(([id, subject]) => ({
          id,
          status: 'skipped',
          title: `${subject} not checked`,
          detail: 'Not checked: cannot connect to the database.',
        })),
      ],
    });
  });

  it('says a password is needed when none is given', async () => {
    const report = await checkSource(asReader(), options);
    expect(checksOf(report).connection).toEqual({
      id: 'connection',
      status: 'error',
      title: 'Password required',
      detail: `The server at 127.0.0.1:${cluster.port} asks user "reader" for a password, and the source has none. Give the password.`,
    });
  });

  it('connects with the right password', async () => {
    const report = await checkSource(asReader(PASSWORD), options);
    expect(statusesOf(report)).toMatchObject({
      connection: 'ok',
      'replication-permission': 'ok',
      tables: 'ok',
    });
    expect(checksOf(report).connection.detail).toContain('as "reader"');
  });
});
