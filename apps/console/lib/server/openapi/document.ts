import { openApiPaths, type PathSpecs } from './operation';
import { auditPaths } from './paths/audit';
import { messagesPaths } from './paths/messages';
import { metaPaths } from './paths/meta';
import { sinksPaths } from './paths/sinks';
import { sourcesPaths } from './paths/sources';
import { transformsPaths } from './paths/transforms';

// Each resource describes its own routes; a test checks that every route file is described.
const ALL_PATHS: PathSpecs[] = [
  metaPaths,
  sourcesPaths,
  sinksPaths,
  messagesPaths,
  transformsPaths,
  auditPaths,
];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shardline API',
      version: '1',
      description:
        'Everything the Shardline console does: sources, sinks, transforms, messages, actions, the audit trail and health. Errors are JSON `{ error: { code, message, field? } }`; secrets are write-only.',
    },
    paths: openApiPaths(Object.assign({}, ...ALL_PATHS)),
  };
}
