import { createServer, type Server } from 'node:net';
import { freePort } from '@shardline/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '../src';

// No database server: the errors come from node-postgres meeting a closed port or a server
// that hangs up, as it does while Postgres restarts.
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

function serverError(code: string, message: string): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code });
}

async function failureOf(query: (pool: pg.Pool) => Promise<unknown>, url: string): Promise<unknown> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await query(pool);
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
  throw new Error('expected the query to fail');
}

describe('isStoreUnavailable', () => {
  it('is true for a refused connection, as when nothing listens', async () => {
    const error = await failureOf(
      (pool) => pool.query('SELECT 1'),
      `postgresql://postgres@127.0.0.1:${await freePort()}/shardline`,
    );
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it('is true for a server that hangs up on the connection', async () => {
    server = createServer((socket) => socket.destroy());
    const port = await freePort();
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    const error = await failureOf(
      (pool) => pool.query('SELECT 1'),
      `postgresql://postgres@127.0.0.1:${port}/shardline`,
    );
    expect(error).toMatchObject({ message: expect.stringMatching(/Connection terminated/) });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection because of crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['57P03', 'the database system is shutting down'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('is true for the server saying %s (%s)', (code, message) => {
    expect(isStoreUnavailable(serverError(code, message))).toBe(true);
  });

  it('is true for pool errors that wrap a lost connection', () => {
    const socket = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(
      isStoreUnavailable(new Error('Connection terminated due to connection timeout', { cause: socket })),
    ).toBe(true);
    expect(isStoreUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isStoreUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: serverError('57P01', 'terminating') }))).toBe(
      true,
    );
  });

  it('is false for errors that waiting would not fix', () => {
    expect(isStoreUnavailable(serverError('23505', 'duplicate key value violates unique constraint'))).toBe(
      false,
    );
    expect(isStoreUnavailable(serverError('42P01', 'relation "message" does not exist'))).toBe(false);
    expect(isStoreUnavailable(serverError('28P01', 'password authentication failed'))).toBe(false);
    expect(isStoreUnavailable(new Error('Cannot use a pool after calling end on the pool'))).toBe(false);
    expect(isStoreUnavailable(new Error('Connection terminated'))).toBe(false);
    expect(isStoreUnavailable(new Error('lost the lease on lane 0'))).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
    expect(isStoreUnavailable(null)).toBe(false);
  });
});
