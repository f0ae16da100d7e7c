/**
 * Replication slot names may only hold lowercase letters, digits and underscores. Publication
 * names follow the same rule here: pgoutput's `publication_names` option folds unquoted names to
 * lowercase, so a name needing quotes could not be streamed from reliably.
 */
export const REPLICATION_NAME_PATTERN = /^[a-z0-9_]{1,63}$/;
export const PUBLICATION_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

const PREFIX = 'shardline_';

/** `shardline_<slug of the source name>`, or null when the name has no letter or digit to use. */
export function defaultReplicationName(sourceName: string): string | null {
  const slug = sourceName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) return null;
  return `${PREFIX}${slug}`.slice(0, 63).replace(/_+$/, '');
}
