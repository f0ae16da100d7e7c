import { z } from 'zod';
import { parseConnectionUrl } from './connection-url';
import {
  defaultReplicationName,
  PUBLICATION_NAME_PATTERN,
  REPLICATION_NAME_PATTERN,
} from './replication-names';
import { SSL_MODES } from './ssl-mode';

const URL_EXAMPLE = 'postgres://user:password@db.example.com:5432/shop';
const required = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/**
 * What a person (or the API) gives to add a source: the connection as a URL or as fields (a URL
 * may leave the password and sslMode to their own fields), and the publication and slot to use.
 * The password is write-only.
 */
export const createSourceInputSchema = z
  .object({
    name: required('name', 100),
    url: z.string().trim().min(1, 'url must not be empty').max(2000).nullish(),
    host: required('host', 253)
      .regex(/^[^\s/]+$/, 'host must be a host name or an IP address, without a scheme or a path')
      .nullish(),
    port: z
      .int('port must be a whole number')
      .min(1, 'port must be between 1 and 65535')
      .max(65535, 'port must be between 1 and 65535')
      .nullish(),
    database: required('database', 63).nullish(),
    username: required('username', 63).nullish(),
    password: z.string().max(1000, 'password must be at most 1000 characters').nullish(),
    sslMode: z.enum(SSL_MODES, { message: `sslMode must be one of ${SSL_MODES.join(', ')}` }).nullish(),
    publicationName: z
      .string()
      .trim()
      .regex(
        PUBLICATION_NAME_PATTERN,
        'publicationName must be 1 to 63 lowercase letters, digits or underscores, not starting with a digit',
      )
      .nullish(),
    slotName: z
      .string()
      .trim()
      .regex(REPLICATION_NAME_PATTERN, 'slotName must be 1 to 63 lowercase letters, digits or underscores')
      .nullish(),
  })
  .transform((value, ctx) => {
    const fail = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message });
      return z.NEVER;
    };

    let connection: { host: string; port: number; database: string; username: string };
    let password = value.password || null;
    let sslMode = value.sslMode ?? null;
    if (value.url) {
      const duplicate = (['host', 'port', 'database', 'username'] as const).find(
        (field) => value[field] != null,
      );
      if (duplicate) return fail(duplicate, `give either url or ${duplicate}, not both`);
      const parsed = parseConnectionUrl(value.url);
      if ('error' in parsed) return fail('url', parsed.error);
      const { parts } = parsed;
      if (parts.password !== null && password !== null) {
        return fail('password', 'the url already holds a password: give it in one place only');
      }
      if (parts.sslMode !== null && sslMode !== null && parts.sslMode !== sslMode) {
        return fail('sslMode', `the url says sslmode=${parts.sslMode}: give it in one place only`);
      }
      connection = parts;
      password ??= parts.password;
      sslMode ??= parts.sslMode;
    } else {
      if (!value.host)
        return fail('host', `give the database server's host, or a url such as ${URL_EXAMPLE}`);
      if (!value.database) return fail('database', 'give the name of the database to read changes from');
      if (!value.username) return fail('username', 'give the user name to connect as');
      connection = {
        host: value.host,
        port: value.port ?? 5432,
        database: value.database,
        username: value.username,
      };
    }

    const defaultName = defaultReplicationName(value.name);
    const publicationName = value.publicationName ?? defaultName;
    if (!publicationName) {
      return fail(
        'publicationName',
        'the name has no letter or digit to derive one from: give publicationName',
      );
    }
    const slotName = value.slotName ?? defaultName;
    if (!slotName)
      return fail('slotName', 'the name has no letter or digit to derive one from: give slotName');

    return {
      name: value.name,
      ...connection,
      password,
      sslMode: sslMode ?? 'prefer',
      publicationName,
      slotName,
    };
  });

export type CreateSourceInput = z.input<typeof createSourceInputSchema>;
export type ValidSourceInput = z.output<typeof createSourceInputSchema>;
