import type pg from 'pg';

/** libpq's sslmode values, as a person writes them in a connection URL. */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/**
 * node-postgres cannot fall back from TLS to plain text the way libpq does, so `allow` and
 * `prefer` connect without TLS (a server that insists on TLS then says so, and the check tells the
 * person to choose `require`); `require` encrypts without verifying the certificate, as libpq does.
 */
export function sslOptionFor(mode: SslMode): pg.ClientConfig['ssl'] {
  switch (mode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The chain is verified, the host name is not: that is what verify-ca means.
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true };
  }
}
