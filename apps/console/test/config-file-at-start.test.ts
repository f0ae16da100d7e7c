import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reference } from '@shardline/config';
import { createApiToken, createDatabase } from '@shardline/db';
import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleServer } from './browser/console-server';

// Drives the console's production build (`npm run build -w @shardline/console`, which `npm test`
// runs first), as Docker starts it with SHARDLINE_CONFIG_FILE.

const SECRET_KEY = 'd'.repeat(64);
let database: TestDatabase;
let folder: string;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = mkdtempSync(join(tmpdir(), 'shardline-config-'));
});
afterAll(async () => {
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const FILE = `version: 1
transforms:
  - name: tag-with-region
    kind: code
    description: ${reference('TRANSFORM_DESCRIPTION')}
    body: |
      (message) => ({ ...message.record, region: 'eu' })
`;

async function transformsSeen(url: string): Promise<Array<{ name: string; description: string }>> {
  const db = createDatabase({ url: database.url, maxConnections: 1 });
  try {
    const { token } = await createApiToken(db, { input: { name: `reader-${Date.now()}`, role: 'viewer' } });
    const response = await fetch(`${url}/api/v1/transforms`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()).transforms;
  } finally {
    await db.close();
  }
}

describe('SHARDLINE_CONFIG_FILE', () => {
  it('is applied when the console starts, with references from its environment, and once only', async () => {
    const env = {
      DATABASE_URL: database.url,
      SHARDLINE_SECRET_KEY: SECRET_KEY,
      SHARDLINE_CONFIG_FILE: writeFile('shardline.yaml', FILE),
      TRANSFORM_DESCRIPTION: 'adds the region',
    };
    const first = await startConsoleServer(env);
    try {
      expect(await transformsSeen(first.url)).toEqual([
        expect.objectContaining({ name: 'tag-with-region', description: 'adds the region' }),
      ]);
      expect(first.output.join('\n')).toContain('create transform tag-with-region');
    } finally {
      await first.stop();
    }
    const second = await startConsoleServer(env);
    try {
      expect(second.output.join('\n')).toContain('nothing to change');
      expect(await transformsSeen(second.url)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('stops the console, naming the line, when the file is not valid', async () => {
    const start = startConsoleServer({
      DATABASE_URL: database.url,
      SHARDLINE_SECRET_KEY: SECRET_KEY,
      SHARDLINE_CONFIG_FILE: writeFile('broken.yaml', FILE.replace('    kind: code', '    knid: code')),
      TRANSFORM_DESCRIPTION: 'adds the region',
    });
    await expect(start).rejects.toThrow(/line 4, transforms\[0\]\.knid: "knid" is not a field here/);
  });
});
