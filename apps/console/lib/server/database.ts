import { createDatabase, type Database } from '@shardline/db';

// One pool per console process; kept on globalThis so development reloads reuse it.
const holder = globalThis as { shardlineDatabase?: Database };

export function database(): Database {
  if (!holder.shardlineDatabase) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the console needs the Shardline database');
    holder.shardlineDatabase = createDatabase({
      url,
      maxConnections: 10,
      applicationName: 'shardline-console',
    });
  }
  return holder.shardlineDatabase;
}
