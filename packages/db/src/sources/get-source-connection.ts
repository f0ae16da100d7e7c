import { NotFoundError, type SecretBox } from '@shardline/core';
import type pg from 'pg';
import type { Database } from '../database';
import { type PublicSource, toPublicSource } from './public-source';
import { type SslMode, sslOptionFor } from './ssl-mode';

/** How to reach a source's database, password decrypted. For the engine only: never shown, never logged. */
export interface SourceConnection {
  source: PublicSource;
  clientConfig: pg.ClientConfig;
}

export async function getSourceConnection(
  db: Database,
  options: { secretBox: SecretBox; sourceId: string },
): Promise<SourceConnection> {
  const source = await db.prisma.source.findUnique({ where: { id: options.sourceId } });
  if (!source) throw new NotFoundError(`source ${options.sourceId} does not exist`);
  return {
    source: toPublicSource(source),
    clientConfig: {
      host: source.host,
      port: source.port,
      database: source.database,
      user: source.username,
      ...(source.passwordCiphertext === null
        ? {}
        : { password: options.secretBox.decrypt(source.passwordCiphertext) }),
      ssl: sslOptionFor(source.sslMode as SslMode),
      // So the source's operator can tell Shardline's sessions apart in pg_stat_activity.
      application_name: 'shardline',
    },
  };
}
