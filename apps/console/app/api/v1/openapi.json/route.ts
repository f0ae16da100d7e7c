import { apiRoute } from '../../../../lib/server/api/api-route';
import { openApiDocument } from '../../../../lib/server/openapi/document';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => openApiDocument());
