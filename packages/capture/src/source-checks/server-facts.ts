import type pg from 'pg';

/** What the checks need to know about the server and the role Shardline connects as. */
export interface ServerFacts {
  versionNum: number;
  version: string;
  database: string;
  user: string;
  /** current_user as it must be written in SQL. */
  quotedUser: string;
  walLevel: string;
  isSuperuser: boolean;
  hasReplicationAttribute: boolean;
  /** Amazon RDS grants replication through membership of this role instead of the attribute. */
  isRdsReplicationMember: boolean;
  canCreateInDatabase: boolean;
  maxReplicationSlots: number;
  usedReplicationSlots: number;
  maxWalSenders: number;
}

export async function readServerFacts(client: pg.Client): Promise<ServerFacts> {
  const { rows } = await client.query<ServerFacts>(`
    SELECT current_setting('server_version_num')::int AS "versionNum",
           current_setting('server_version') AS version,
           current_database() AS database,
           current_user AS "user",
           quote_ident(current_user) AS "quotedUser",
           current_setting('wal_level') AS "walLevel",
           r.rolsuper AS "isSuperuser",
           r.rolreplication AS "hasReplicationAttribute",
           CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication')
                THEN pg_has_role('rds_replication', 'MEMBER') ELSE false END AS "isRdsReplicationMember",
           has_database_privilege(current_database(), 'CREATE') AS "canCreateInDatabase",
           current_setting('max_replication_slots')::int AS "maxReplicationSlots",
           (SELECT count(*) FROM pg_replication_slots)::int AS "usedReplicationSlots",
           current_setting('max_wal_senders')::int AS "maxWalSenders"
      FROM pg_roles r
     WHERE r.rolname = current_user`);
  const facts = rows[0];
  if (!facts) throw new Error('the connected role is not in pg_roles');
  return facts;
}
