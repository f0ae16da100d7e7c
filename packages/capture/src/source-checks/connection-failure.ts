import type pg from 'pg';
import type { SourceCheck } from './source-check-report';
import { describeAddress } from './source-client';

/** Turns why a connection failed into what a database operator can act on. */
export function connectionFailure(error: unknown, clientConfig: pg.ClientConfig): SourceCheck {
  const { address, database, user } = describeAddress(clientConfig);
  const host = address.slice(0, address.lastIndexOf(':'));
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const fail = (title: string, detail: string): SourceCheck => ({
    id: 'connection',
    status: 'error',
    title,
    detail,
  });

  switch (code) {
    case '28P01':
      return fail(
        'Wrong password',
        `The server at ${address} refused the password for user "${user}". ` +
          'Check the user name and the password, then save the source again.',
      );
    case '28000':
      if (/no pg_hba\.conf entry/.test(text)) {
        return fail(
          'The server does not let Shardline in',
          `The server at ${address} has no rule in pg_hba.conf that lets user "${user}" connect to ` +
            `database "${database}" from Shardline's address${/no encryption/.test(text) ? ' without encryption (try sslMode require)' : ''}. ` +
            'Add a "host" line for them to pg_hba.conf and reload the server (SELECT pg_reload_conf();). ' +
            `The server said: ${text}`,
        );
      }
      if (/role .* does not exist/.test(text)) {
        return fail(
          'Unknown user',
          `The server at ${address} has no user (role) named "${user}". Check the user name; names are case-sensitive.`,
        );
      }
      return fail('Access refused', `The server at ${address} refused user "${user}": ${text}`);
    case '3D000':
      return fail(
        'Unknown database',
        `The server at ${address} has no database named "${database}". ` +
          'Check the database name; names are case-sensitive.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail(
        'Unknown host',
        `The host name "${host}" cannot be resolved to an address. ` +
          "Check its spelling, or give the server's IP address instead.",
      );
    case 'ECONNREFUSED':
      return fail(
        'Connection refused',
        `Nothing accepts connections at ${address}. Check that PostgreSQL is running, that the port is ` +
          'right, and that listen_addresses in postgresql.conf includes an address Shardline can reach.',
      );
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return unreachable(fail, address);
    case '57P03':
      return fail(
        'The server is not accepting connections yet',
        `The server at ${address} is starting up, shutting down or recovering: ${text}. Try again in a moment.`,
      );
    case '53300':
      return fail(
        'Too many connections',
        `The server at ${address} has no connection slot left (${text}). Close idle connections, or raise max_connections.`,
      );
  }
  if (/timeout/i.test(text)) return unreachable(fail, address);
  if (/does not support SSL/i.test(text)) {
    return fail(
      'The server does not offer encryption',
      `The server at ${address} does not accept SSL connections, and sslMode asks for one. ` +
        'Enable SSL on the server, or set sslMode to prefer or disable.',
    );
  }
  if (/password must be a string|password authentication|no password/i.test(text)) {
    return fail(
      'Password required',
      `The server at ${address} asks user "${user}" for a password, and the source has none. Give the password.`,
    );
  }
  if (/certificate|self[- ]signed|CERT_|SSL/i.test(text)) {
    return fail(
      "The server's certificate is not trusted",
      `The TLS connection to ${address} failed: ${text}. With sslMode verify-ca or verify-full the server's ` +
        'certificate must be signed by a trusted authority (and, for verify-full, name the host); use require to encrypt without verifying.',
    );
  }
  return fail('Cannot connect', `Connecting to ${address} failed: ${text}`);
}

function unreachable(fail: (title: string, detail: string) => SourceCheck, address: string): SourceCheck {
  return fail(
    'The server does not answer',
    `Nothing answered at ${address} in time. Check the host and port, and that a firewall or security ` +
      "group lets Shardline's address reach the server.",
  );
}
