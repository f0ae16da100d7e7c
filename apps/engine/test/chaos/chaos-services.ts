import {
  migrateDeploy,
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from '@shardline/testing';
import pg from 'pg';

/**
 * The fault suite's own Postgres and Redis, which it stops, restarts and flushes: the shared test
 * servers other tests run against in parallel are never touched. One Postgres cluster holds both
 * the source databases and Shardline's own, as when they share a server in production, so a
 * restart of Postgres interrupts capture and delivery at once.
 */
export interface ChaosServices {
  postgres: ThrowawayPostgres;
  redis: ThrowawayRedis;
  /** A migrated Shardline database each scenario copies. */
  templateDatabase: string;
  /** URL of a database on the chaos cluster. */
  databaseUrl(name: string): string;
  /** Runs SQL on the cluster's maintenance database. */
  admin(sql: string): Promise<void>;
  stop(): Promise<void>;
}

const TEMPLATE = 'shardline_chaos_template';

export async function startChaosServices(): Promise<ChaosServices> {
  // Three engines keep about 15 connections each; the test, sources and walsenders need more.
  const [postgres, redis] = await Promise.all([
    startThrowawayPostgres({ walLevel: 'logical', maxConnections: 120 }),
    startThrowawayRedis(),
  ]);
  const databaseUrl = (name: string) => {
    const url = new URL(postgres.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${TEMPLATE}`);
    await migrateDeploy(databaseUrl(TEMPLATE));
  } catch (error) {
    await Promise.all([postgres.stop(), redis.stop()]);
    throw error;
  }
  return {
    postgres,
    redis,
    templateDatabase: TEMPLATE,
    databaseUrl,
    admin,
    async stop() {
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}
