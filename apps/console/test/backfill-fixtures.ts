import { SecretBox } from '@shardline/core';
import { createSource, type Database } from '@shardline/db';
import { createSourceDatabase, type SourceDatabase } from '@shardline/testing';
import { GET as listBackfills } from '../app/api/v1/sinks/[id]/backfills/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { call, TEST_SECRET_KEY } from './api-harness';
import { sinkBody } from './sinks-fixtures';

/** A source database of the test's own with `schemaSql` applied, saved as a source. */
export async function createBackfillSource(
  db: Database,
  schemaSql: string,
): Promise<{ sourceDb: SourceDatabase; sourceId: string }> {
  const sourceDb = await createSourceDatabase();
  try {
    await sourceDb.query(schemaSql);
    const source = await createSource(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      input: { name: `source-${sourceDb.name}`, url: sourceDb.url },
    });
    return { sourceDb, sourceId: source.id };
  } catch (error) {
    await sourceDb.drop();
    throw error;
  }
}

/**
 * Creates a sink on the source through the API; fails the test unless it is created. Its stream
 * is made up (these tests are about backfills, not delivery): saved with force, its stream is not
 * checked.
 */
export async function createSinkOn(
  sourceId: string,
  tables: Array<Record<string, unknown>>,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const answer = await call(createSink, {
    body: sinkBody({ sourceId, tables, ...overrides }),
    query: { force: 'true' },
  });
  if (answer.status !== 201) throw new Error(`the sink was not created: ${answer.status} ${answer.text}`);
  return answer.body.sink;
}

/** GET /api/v1/sinks/{id}/backfills. */
export function listSinkBackfills(sinkId: string, as: 'admin' | 'viewer' = 'admin') {
  return call(listBackfills, { path: `/api/v1/sinks/${sinkId}/backfills`, params: { id: sinkId }, as });
}
