import { clientConfigFromUrl } from '@shardline/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { BackfillSource } from '../../src/backfill/backfill-source';
import { readLockedPage } from '../../src/backfill/read-page';
import { type CaptureTestContext, setupCaptureTest } from '../harness';

let ctx: CaptureTestContext;
afterEach(() => ctx?.cleanup());

describe('a backfill page', () => {
  it('keeps its cursor when a key it waits for is changed, so no row is skipped', async () => {
    ctx = await setupCaptureTest({
      schemaSql: `
        CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
        INSERT INTO items SELECT g, 'row' FROM generate_series(1, 50) AS g;`,
      sinks: [{ tables: [{ name: 'items' }] }],
    });
    const app = new pg.Client({ connectionString: ctx.sourceUrl });
    await app.connect();
    const source = await BackfillSource.connect(clientConfigFromUrl(ctx.sourceUrl));
    try {
      // The page's last row gets a new key while the page waits for its lock. Postgres then
      // returns the new version where the old one sorted: a cursor taken from the last row
      // returned would be 1000, and rows 21 to 999 would never be read.
      await app.query('BEGIN');
      await app.query('UPDATE items SET id = 1000 WHERE id = 20');
      const reading = readLockedPage(
        source,
        { schema: 'public', name: 'items', after: null, publicationName: 'none' },
        20,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await app.query('COMMIT');
      const page = await reading;
      await page.release();
      expect(page.rows.map((row) => row.record.id)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
      expect(page).toMatchObject({ cursor: ['20'], complete: false });

      const next = await readLockedPage(
        source,
        { schema: 'public', name: 'items', after: page.cursor, publicationName: 'none' },
        100,
      );
      await next.release();
      expect(next.rows.map((row) => row.record.id)).toEqual([
        ...Array.from({ length: 30 }, (_, i) => i + 21),
        1000,
      ]);
      expect(next).toMatchObject({ cursor: ['1000'], complete: true });
    } finally {
      await source.close();
      await app.end();
    }
  });
});
