import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText, JSON_SCHEMA_PATH } from './json-schema';

// `npm run config:schema`: writes the published schema after the file's rules changed.
const root = fileURLToPath(new URL('../../../', import.meta.url));
writeFileSync(`${root}${JSON_SCHEMA_PATH}`, configJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
