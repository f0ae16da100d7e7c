import type { Db } from '../database';

/** The ids of the instance's sources, transforms and sinks by name: how a file's names are found. */
export interface ConfigurationIds {
  sources: Map<string, string>;
  transforms: Map<string, string>;
  sinks: Map<string, string>;
}

export async function readConfigurationIds(db: Db): Promise<ConfigurationIds> {
  const select = { select: { id: true, name: true } } as const;
  const [sources, transforms, sinks] = await Promise.all([
    db.prisma.source.findMany(select),
    db.prisma.transform.findMany(select),
    db.prisma.sink.findMany(select),
  ]);
  const byName = (rows: Array<{ id: string; name: string }>) =>
    new Map(rows.map((row) => [row.name, row.id]));
  return { sources: byName(sources), transforms: byName(transforms), sinks: byName(sinks) };
}
