import type { Prisma, Transform, TransformVersion } from '../generated/prisma/client';
import type { TransformKind } from './transform-input';

/** A transform as shown to a person: its current version's kind and body, and who uses it. */
export interface PublicTransform {
  id: string;
  name: string;
  description: string;
  kind: TransformKind;
  body: string;
  /** The current version: the one that runs. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The sinks it is attached to, by name. */
  sinks: Array<{ id: string; name: string }>;
}

/** One version of a transform, kept after it is replaced. */
export interface TransformVersionRecord {
  version: number;
  kind: TransformKind;
  body: string;
  createdAt: Date;
  createdBy: string;
}

/** A transform with every version it has had, newest first. */
export type TransformDetail = PublicTransform & { versions: TransformVersionRecord[] };

/**
 * What to read with a transform row for toPublicTransform. The current version is the highest:
 * a version is only ever added as current_version + 1, in the transaction that moves
 * current_version. Reading the highest, rather than matching current_version, keeps version and
 * body together even when an edit commits between Prisma's separate reads of the two tables.
 */
export const publicTransformInclude = {
  versions: { orderBy: { version: 'desc' }, take: 1 },
  sinks: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
} satisfies Prisma.TransformInclude;

type TransformWithRelations = Transform & {
  versions: TransformVersion[];
  sinks: Array<{ id: string; name: string }>;
};

/** `row.versions` newest first, as publicTransformInclude reads them. */
export function toPublicTransform(row: TransformWithRelations): PublicTransform {
  const [current] = row.versions;
  // Version 1 is created with the transform, and versions are only deleted with it.
  if (!current) throw new Error(`transform ${row.id} has no version`);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: current.kind,
    body: current.body,
    version: current.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sinks: row.sinks.map((sink) => ({ id: sink.id, name: sink.name })),
  };
}

export function toTransformVersionRecord(row: TransformVersion): TransformVersionRecord {
  return {
    version: row.version,
    kind: row.kind,
    body: row.body,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}
