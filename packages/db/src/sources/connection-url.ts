import { SSL_MODES, type SslMode } from './ssl-mode';

/** What a postgres:// URL says about where and how to connect. */
export interface ConnectionUrlParts {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string | null;
  sslMode: SslMode | null;
}

const EXAMPLE = 'postgres://user:password@db.example.com:5432/shop?sslmode=require';

/** Parses `postgres://user:password@host:port/database?sslmode=…`; an error says what is wrong in plain words. */
export function parseConnectionUrl(text: string): { parts: ConnectionUrlParts } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `not a connection URL: expected the form ${EXAMPLE}` };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return { error: `the URL must start with postgres:// (as in ${EXAMPLE})` };
  }
  // Brackets belong to the URL syntax of an IPv6 address, not to the address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { error: `the URL names no host (as in ${EXAMPLE})` };
  const port = url.port ? Number(url.port) : 5432;
  const database = decode(url.pathname.slice(1));
  if (!database) return { error: `the URL names no database: add it after the port, as in ${EXAMPLE}` };
  const username = decode(url.username);
  if (!username) return { error: `the URL names no user: put it before the host, as in ${EXAMPLE}` };

  let sslMode: SslMode | null = null;
  for (const [key, value] of url.searchParams) {
    if (key !== 'sslmode') return { error: `the URL parameter "${key}" is not supported (only sslmode is)` };
    if (!(SSL_MODES as readonly string[]).includes(value)) {
      return { error: `sslmode "${value}" is not one of ${SSL_MODES.join(', ')}` };
    }
    sslMode = value as SslMode;
  }
  return {
    parts: { host, port, database, username, password: url.password ? decode(url.password) : null, sslMode },
  };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
