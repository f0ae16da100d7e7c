import { z } from 'zod';
import { parseConnectionUrl } from './connection-url';
import { createSourceInputSchema } from './source-input';
import type { SslMode } from './ssl-mode';

// The same rules, and the same wording, as when the source was created.
const createFields = createSourceInputSchema.in.shape;
const EDITABLE_FIELDS = [
  'name',
  'url',
  'host',
  'port',
  'database',
  'username',
  'password',
  'sslMode',
  'publicationName',
  'slotName',
];

/** The settings an edit changes; a setting left out is kept. */
export interface SourceChanges {
  name?: string;
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  /** `null` removes the password. */
  password?: string | null;
  sslMode?: SslMode;
  publicationName?: string;
  slotName?: string;
}

/**
 * A partial edit of a source: the connection as a url or as fields, as when creating it. The
 * password is write-only: left out it is kept, `null` removes it, a string replaces it.
 */
export const updateSourceInputSchema = z
  .strictObject(
    {
      name: createFields.name.optional(),
      url: createFields.url,
      host: createFields.host.unwrap().unwrap().optional(),
      // As when creating: no port means PostgreSQL's own.
      port: createFields.port,
      database: createFields.database.unwrap().unwrap().optional(),
      username: createFields.username.unwrap().unwrap().optional(),
      password: z
        .string()
        // An empty field in a form most likely means "unchanged": make the client say which it means.
        .min(1, 'password must not be empty: leave it out to keep the current one, or send null to remove it')
        .max(1000, 'password must be at most 1000 characters')
        .nullable()
        .optional(),
      sslMode: createFields.sslMode.unwrap().unwrap().optional(),
      publicationName: createFields.publicationName.unwrap().unwrap().optional(),
      slotName: createFields.slotName.unwrap().unwrap().optional(),
    },
    {
      // A field the edit cannot take (an id, a typo) must not be dropped without a word.
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `${issue.keys.join(', ')} cannot be edited: give one or more of ${EDITABLE_FIELDS.join(', ')}`
          : undefined,
    },
  )
  .transform((value, ctx): SourceChanges => {
    const { url, port, ...rest } = value;
    const changes: SourceChanges = Object.fromEntries(
      Object.entries(rest).filter(([, setting]) => setting !== undefined),
    );
    if (port !== undefined) changes.port = port ?? 5432;
    if (!url) return changes;

    const fail = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message });
      return z.NEVER;
    };
    const duplicate = (['host', 'port', 'database', 'username'] as const).find(
      (field) => value[field] != null,
    );
    if (duplicate) return fail(duplicate, `give either url or ${duplicate}, not both`);
    const parsed = parseConnectionUrl(url);
    if ('error' in parsed) return fail('url', parsed.error);
    const { parts } = parsed;
    if (parts.password !== null && value.password != null) {
      return fail('password', 'the url already holds a password: give it in one place only');
    }
    if (parts.sslMode !== null && value.sslMode != null && parts.sslMode !== value.sslMode) {
      return fail('sslMode', `the url says sslmode=${parts.sslMode}: give it in one place only`);
    }
    return {
      ...changes,
      host: parts.host,
      port: parts.port,
      database: parts.database,
      username: parts.username,
      ...(parts.password === null ? {} : { password: parts.password }),
      ...(parts.sslMode === null ? {} : { sslMode: parts.sslMode }),
    };
  });

export type UpdateSourceInput = z.input<typeof updateSourceInputSchema>;
