import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchSink } from '../app/api/v1/sinks/[id]/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { POST as testConnection } from '../app/api/v1/sinks/test-connection/route';
import { PATCH as patchSource } from '../app/api/v1/sources/[id]/route';
import { POST as checkSource } from '../app/api/v1/sources/check/route';
import { POST as createSource } from '../app/api/v1/sources/route';
import { call, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';

const FORCE = { force: 'true' };
const PASSWORD = 'the-source-password-stays-home';

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
});
afterAll(() => close());

/**
 * A server speaking just enough of Postgres' protocol to ask for a clear-text password, as an
 * attacker's would, and keep what it receives.
 */
async function passwordCatcher(): Promise<{ port: number; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        // The startup message (and an SSL request) have no type byte; later messages have one.
        if (buffer.length >= 8 && buffer.readInt32BE(4) === 80877103) {
          socket.write('N');
          buffer = buffer.subarray(8);
          continue;
        }
        if (buffer.length >= 8 && buffer.readInt32BE(4) === 196608) {
          buffer = buffer.subarray(buffer.readInt32BE(0));
          socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3])); // AuthenticationCleartextPassword
          continue;
        }
        if (buffer.length >= 5 && buffer[0] === 0x70) {
          const length = buffer.readInt32BE(1);
          received.push(buffer.subarray(5, length).toString('utf8').replace(/\0$/, ''));
          socket.destroy();
        }
        return;
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("a source's saved password", () => {
  it('is never sent to another host or port by a check, which asks for it again', async () => {
    const catcher = await passwordCatcher();
    try {
      // The catcher shows that a password sent there is caught: given in the request, it arrives.
      const given = await call(checkSource, {
        path: '/api/v1/sources/check',
        body: {
          name: 'checked',
          host: '127.0.0.1',
          port: catcher.port,
          database: 'shop',
          username: 'app',
          password: 'typed-here',
        },
      });
      expect(given.status, given.text).toBe(200);
      expect(catcher.received).toEqual(['typed-here']);

      const source = await call(createSource, {
        query: FORCE,
        path: '/api/v1/sources',
        body: { name: 'saved-source', url: 'postgres://app@127.0.0.1:1/shop', password: PASSWORD },
      });
      expect(source.status, source.text).toBe(201);
      const sourceId = source.body.source.id;
      const attack = await call(checkSource, {
        path: '/api/v1/sources/check',
        body: {
          name: 'checked',
          sourceId,
          password: null,
          host: '127.0.0.1',
          port: catcher.port,
          database: 'shop',
          username: 'app',
        },
      });
      expect(attack.status, attack.text).toBe(400);
      expect(attack.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
      expect(attack.body.error.message).toMatch(
        /port differs from the saved source's, so give the password again/,
      );
      expect(catcher.received).toEqual(['typed-here']);

      for (const [field, value] of [
        ['database', 'other'],
        ['username', 'postgres'],
      ] as const) {
        const other = await call(checkSource, {
          path: '/api/v1/sources/check',
          body: {
            name: 'checked',
            sourceId,
            password: null,
            host: '127.0.0.1',
            port: 1,
            database: 'shop',
            username: 'app',
            [field]: value,
          },
        });
        expect(other.status, field).toBe(400);
        expect(other.body.error.message).toMatch(new RegExp(`^password: ${field} differs`));
      }
      // The saved target itself is checked with the saved password.
      const same = await call(checkSource, {
        path: '/api/v1/sources/check',
        body: {
          name: 'checked',
          sourceId,
          password: null,
          host: '127.0.0.1',
          port: 1,
          database: 'shop',
          username: 'app',
        },
      });
      expect(same.status, same.text).toBe(200);

      const moved = await call(patchSource, {
        query: FORCE,
        method: 'PATCH',
        path: `/api/v1/sources/${sourceId}`,
        params: { id: sourceId },
        body: { port: catcher.port },
      });
      expect(moved.status).toBe(400);
      expect(moved.body.error.field).toBe('password');
      // Without force the edit's checks run first: they must not send it there either.
      const checkedEdit = await call(patchSource, {
        method: 'PATCH',
        path: `/api/v1/sources/${sourceId}`,
        params: { id: sourceId },
        body: { port: catcher.port },
      });
      expect(checkedEdit.status).toBe(400);
      expect(checkedEdit.body.error.field).toBe('password');
      expect(catcher.received).toEqual(['typed-here']);
    } finally {
      await catcher.close();
    }
  });
});

describe("a sink's saved secret access key", () => {
  it('is never used with another endpoint or region, by a connection test or an edit', async () => {
    const requests: string[] = [];
    const foreign = createHttpServer((request, response) => {
      requests.push(`${request.method} ${request.headers.authorization ?? ''}`);
      response.writeHead(500).end('a foreign answer');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const address = foreign.address();
    const foreignEndpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const created = await call(createSink, {
        query: FORCE,
        path: '/api/v1/sinks',
        body: sinkBody({ endpoint: 'http://127.0.0.1:1' }),
      });
      expect(created.status, created.text).toBe(201);
      const sink = created.body.sink;
      const elsewhere = await call(testConnection, {
        path: '/api/v1/sinks/test-connection',
        body: { sinkId: sink.id, streamArn: sink.streamArn, endpoint: foreignEndpoint },
      });
      expect(elsewhere.status, elsewhere.text).toBe(400);
      expect(elsewhere.body.error).toMatchObject({ code: 'invalid_input', field: 'secretAccessKey' });
      expect(elsewhere.body.error.message).toMatch(
        /^secretAccessKey: endpoint differs from the saved sink's/,
      );

      const otherRegion = sink.streamArn.replace(/arn:aws:kinesis:[^:]+:/, 'arn:aws:kinesis:eu-west-3:');
      const inAnotherRegion = await call(testConnection, {
        path: '/api/v1/sinks/test-connection',
        body: { sinkId: sink.id, streamArn: otherRegion, endpoint: 'http://127.0.0.1:1' },
      });
      expect(inAnotherRegion.status).toBe(400);
      expect(inAnotherRegion.body.error.message).toMatch(/the region of streamArn differs/);
      expect(requests).toEqual([]);

      const checkedEdit = await call(patchSink, {
        method: 'PATCH',
        path: `/api/v1/sinks/${sink.id}`,
        params: { id: sink.id },
        body: { endpoint: foreignEndpoint },
      });
      expect(checkedEdit.status).toBe(400);
      expect(checkedEdit.body.error.field).toBe('secretAccessKey');
      expect(requests).toEqual([]);

      const edit = (body: Record<string, unknown>) =>
        call(patchSink, {
          query: FORCE,
          method: 'PATCH',
          path: `/api/v1/sinks/${sink.id}`,
          params: { id: sink.id },
          body,
        });
      const moved = await edit({ endpoint: foreignEndpoint });
      expect(moved.status).toBe(400);
      expect(moved.body.error.field).toBe('secretAccessKey');
      expect(
        (await edit({ endpoint: foreignEndpoint, secretAccessKey: 'a-new-secret-for-there' })).status,
      ).toBe(200);
    } finally {
      await new Promise((resolve) => foreign.close(resolve));
    }
  });
});
