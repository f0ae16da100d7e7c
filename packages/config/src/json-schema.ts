import { z } from 'zod';
import { configFileSchema, SECRET_FIELDS } from './config-schema';
import { reference } from './references';

/** A secret's value in the file: only ever a reference (the file's rules check it before substituting). */
const REFERENCE_SCHEMA = {
  type: 'string',
  pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$',
  description: `A secret: a reference to an environment variable, such as ${reference('AWS_SECRET_ACCESS_KEY')}.`,
};

/** Where the published schema is, from the repository's root (editors point `$schema` at it). */
export const JSON_SCHEMA_PATH = 'docs/shardline.schema.json';

/**
 * The JSON Schema of `shardline.yaml`, from the same rules the file is checked with: what an
 * editor completes and validates is what apply accepts. Described as written (input), so fields
 * with defaults are optional.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configFileSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<
      string,
      { items?: { properties: Record<string, unknown> }; properties?: Record<string, unknown> }
    >;
  };
  for (const [owner, fields] of Object.entries(SECRET_FIELDS)) {
    // A list's entries (sources, sinks) or one object (alerts).
    const node = schema.properties[owner];
    const properties = node?.items?.properties ?? node?.properties;
    for (const field of fields) if (properties) properties[field] = REFERENCE_SCHEMA;
  }
  return {
    ...schema,
    title: 'Shardline configuration (shardline.yaml)',
    description: `Sources, transforms and sinks by name. Secrets are references to environment variables: password: ${reference('SHOP_DB_PASSWORD')}.`,
  };
}

/** The file's text: stable key order and a final newline, so a regenerated file diffs cleanly. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
