import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText, JSON_SCHEMA_PATH } from '../src';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the published JSON Schema', () => {
  it('is the one the rules make (regenerate with npm run config:schema)', () => {
    expect(readFileSync(`${ROOT}${JSON_SCHEMA_PATH}`, 'utf8')).toBe(configJsonSchemaText());
  });

  it('describes sinks with their fields and refuses unknown ones', () => {
    const schema = configJsonSchema() as {
      properties: {
        sinks: { items: { properties: Record<string, unknown>; additionalProperties: boolean } };
      };
    };
    const sink = schema.properties.sinks.items;
    expect(Object.keys(sink.properties)).toEqual(
      expect.arrayContaining(['name', 'source', 'streamArn', 'tables']),
    );
    expect(sink.additionalProperties).toBe(false);
  });
});
