import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../../../apps/console/lib/server/openapi/document';

/**
 * The TypeScript types of the REST API, generated from the console's own OpenAPI document: the
 * command line's requests are checked against the routes as they are, not as someone remembered
 * them.
 */
export async function apiTypesText(): Promise<string> {
  const document = openApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return `// Generated from the console's OpenAPI document by \`npm run api-types -w @shardline/cli\`. Do not edit.\n\n${astToString(ast)}`;
}
