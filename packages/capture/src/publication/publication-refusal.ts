/** The source refused a change of its publication; the message says what to grant, or run. */
export class PublicationRefusal extends Error {}

// 42501 insufficient_privilege.
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Words Postgres' refusal for the person who must fix it: which right the role lacks, and the
 * statement its owner (or a superuser) can run instead. Other errors pass on unchanged.
 */
export function explainPublicationRefusal(error: unknown, attempted: string): Error {
  const message = (error as Error).message ?? String(error);
  if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) {
    return new Error(`cannot ${attempted}: ${message}`, { cause: error });
  }
  const fix = /must be owner of (publication|table|relation) (.+)$/.exec(message);
  const grant = fix
    ? fix[1] === 'publication'
      ? `the publication is owned by another role: run the change as its owner, or make this role its owner (ALTER PUBLICATION ${fix[2]} OWNER TO <role>)`
      : `adding a table to a publication needs ownership of the table: run the change as its owner, or make this role its owner (ALTER TABLE ${fix[2]} OWNER TO <role>)`
    : /permission denied for database/.test(message)
      ? 'creating a publication needs the CREATE privilege on the database (GRANT CREATE ON DATABASE <database> TO <role>)'
      : 'grant the role the right named above, or run the change as a role that has it';
  return new PublicationRefusal(`cannot ${attempted}: ${message}. To fix: ${grant}.`, { cause: error });
}
