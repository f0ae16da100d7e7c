import { apiRoute } from '../../../../lib/server/api/api-route';
import { openApiDocument } from '../../../../lib/server/openapi/document';

export const dynamic = 'force-dynamic';

// Public: it describes the API, never any data, and clients are generated from it.
export const GET = apiRoute(async () => openApiDocument(), { access: 'public' });
