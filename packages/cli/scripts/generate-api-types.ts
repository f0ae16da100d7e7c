import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypesText } from './api-types-text';

// `npm run api-types -w @shardline/cli`: writes the client's types from the console's OpenAPI
// document after a route changed. A test fails while they are out of date.
const target = fileURLToPath(new URL('../src/api/openapi-types.ts', import.meta.url));
writeFileSync(target, await apiTypesText());
console.log(`wrote ${target}`);
