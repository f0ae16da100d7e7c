import { createDatabase, type Database } from '@shardline/db';
import { databaseUrl } from './env';

// One pool per console process; kept on globalThis so development reloads reuse it.
const holder = globalThis as { shardlineDatabase?: Database };

export function database(): Database {
  holder.shardlineDatabase ??= createDatabase({
    url: databaseUrl(),
    maxConnections: 10,
    applicationName: 'shardline-console',
  });
  return holder.shardlineDatabase;
}
