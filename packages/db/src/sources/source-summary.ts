import { NotFoundError, type SourceHealth } from '@shardline/core';
import type { Db } from '../database';
import { listSourceHealth } from '../health/list-source-health';
import { type PublicSource, toPublicSource } from './public-source';

/** A source as the console lists it: its settings (never its password) and its health. */
export interface SourceSummary extends PublicSource {
  health: SourceHealth;
}

/** Every source, by name, with its health. */
export async function listSourceSummaries(db: Db): Promise<SourceSummary[]> {
  const sources = await db.prisma.source.findMany({ orderBy: { name: 'asc' } });
  const healths = await listSourceHealth(db, { sourceIds: sources.map((source) => source.id) });
  // A source deleted between the two reads is gone: left out.
  return sources.flatMap((source) => {
    const record = healths.get(source.id);
    return record ? [{ ...toPublicSource(source), health: record.health }] : [];
  });
}

/** One source with its health. */
export async function getSourceSummary(db: Db, options: { sourceId: string }): Promise<SourceSummary> {
  const source = await db.prisma.source.findUnique({ where: { id: options.sourceId } });
  const record = source ? (await listSourceHealth(db, { sourceIds: [source.id] })).get(source.id) : null;
  if (!source || !record) throw new NotFoundError(`source ${options.sourceId} does not exist`);
  return { ...toPublicSource(source), health: record.health };
}
