import type { Source } from '../generated/prisma/client';
import type { SslMode } from './ssl-mode';

/** A source as it may be shown: whether a password is set, never the password. */
export interface PublicSource {
  id: string;
  name: string;
  host: string;
  port: number;
  database: string;
  username: string;
  hasPassword: boolean;
  sslMode: SslMode;
  publicationName: string;
  slotName: string;
  /** Position up to which every change is stored, in Postgres' own notation (`16/B374D848`). */
  confirmedLsn: string | null;
  readerSeenAt: Date | null;
  lastErrorMessage: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toPublicSource(source: Source): PublicSource {
  return {
    id: source.id,
    name: source.name,
    host: source.host,
    port: source.port,
    database: source.database,
    username: source.username,
    hasPassword: source.passwordCiphertext !== null,
    sslMode: source.sslMode as SslMode,
    publicationName: source.publicationName,
    slotName: source.slotName,
    confirmedLsn: source.confirmedLsn === null ? null : formatLsn(source.confirmedLsn),
    readerSeenAt: source.readerSeenAt,
    lastErrorMessage: source.lastErrorMessage,
    lastErrorAt: source.lastErrorAt,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
