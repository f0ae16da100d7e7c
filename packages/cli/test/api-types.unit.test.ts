import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiTypesText } from '../scripts/api-types-text';

describe("the command line's API types", () => {
  it('are those of the console as it is (regenerate with npm run api-types -w @shardline/cli)', async () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../src/api/openapi-types.ts', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(await apiTypesText());
  });
});
