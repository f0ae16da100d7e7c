import { NotFoundError, type SecretBox } from '@shardline/core';
import type pg from 'pg';
import type { Db } from '../database';
import { type PublicSource, toPublicSource } from './public-source';
import { sourceClientConfig } from './source-client-config';
import type { SslMode } from './ssl-mode';

/** How to reach a source's database, password decrypted. For the engine only: never shown, never logged. */
export interface SourceConnection {
  source: PublicSource;
  clientConfig: pg.ClientConfig;
}

export async function getSourceConnection(
  db: Db,
  options: { secretBox: SecretBox; sourceId: string },
): Promise<SourceConnection> {
  const source = await db.prisma.source.findUnique({ where: { id: options.sourceId } });
  if (!source) throw new NotFoundError(`source ${options.sourceId} does not exist`);
  return {
    source: toPublicSource(source),
    clientConfig: sourceClientConfig({
      ...source,
      password:
        source.passwordCiphertext === null ? null : options.secretBox.decrypt(source.passwordCiphertext),
      sslMode: source.sslMode as SslMode,
    }),
  };
}
