import type pg from 'pg';
import type { Pgoutput } from 'pg-logical-replication';
import type { TypeCatalog } from '../values/type-catalog';
import type { RelationInfo } from './build-message';

export interface KnownRelation extends RelationInfo {
  columns: Array<{ name: string; typeOid: number }>;
}

/**
 * Tables as the replication stream last described them. Postgres sends a relation message
 * before the first change of a table and again after its schema changes, so a column added,
 * dropped or renamed shows in the next messages without a restart.
 */
export class RelationRegistry {
  readonly #relations = new Map<number, KnownRelation>();

  constructor(
    private readonly catalogClient: Pick<pg.Client, 'query'>,
    readonly types: TypeCatalog,
  ) {}

  async learn(message: Pgoutput.MessageRelation): Promise<KnownRelation> {
    const columns = message.columns.map((column) => ({ name: column.name, typeOid: column.typeOid }));
    await this.types.resolve(columns.map((column) => column.typeOid));
    const relation: KnownRelation = {
      oid: message.relationOid,
      schema: message.schema,
      name: message.name,
      primaryKey: await this.#primaryKey(message.relationOid),
      fullOldRows: message.replicaIdentity === 'full',
      columns,
    };
    this.#relations.set(message.relationOid, relation);
    return relation;
  }

  get(oid: number): KnownRelation {
    const relation = this.#relations.get(oid);
    if (!relation)
      throw new Error(`the replication stream sent a change of table ${oid} before describing it`);
    return relation;
  }

  async #primaryKey(oid: number): Promise<string[]> {
    const result = await this.catalogClient.query<{ attname: string }>(
      `SELECT a.attname
         FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1 AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [oid],
    );
    return result.rows.map((row) => row.attname);
  }
}
