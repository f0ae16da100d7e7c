import { openApiPaths, type PathSpecs } from './operation';
import { accessPaths } from './paths/access';
import { alertsPaths } from './paths/alerts';
import { auditPaths } from './paths/audit';
import { backfillsPaths } from './paths/backfills';
import { configPaths } from './paths/config';
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
  backfillsPaths,
  messagesPaths,
  transformsPaths,
  auditPaths,
  alertsPaths,
  accessPaths,
  configPaths,
];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shardline API',
      version: '1',
      description:
        "Everything the Shardline console does: sources, sinks, transforms, messages, actions, the audit trail, alerts, accounts and tokens, and health. Every route needs a session (sign in: `POST /api/v1/session`) or an API token (`Authorization: Bearer <token>`), except health, sign-in and first-run setup. Reading needs any role; changing anything needs `admin` (401 without credentials, 403 with the viewer role). A request that changes something with the session cookie must come from the console's own origin. Errors are JSON `{ error: { code, message, field? } }`; secrets are write-only.",
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from the Access page' },
        session: { type: 'apiKey', in: 'cookie', name: 'shardline_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: openApiPaths(Object.assign({}, ...ALL_PATHS)),
  };
}
