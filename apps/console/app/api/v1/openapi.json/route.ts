import { apiRoute } from '@/lib/server/api/api-route';
import { openApiDocument } from '@/lib/server/openapi/document';

export const dynamic = 'force-dynamic';

// Signed in, like every route but sign-in, setup and health: a client generator sends a token.
export const GET = apiRoute(async () => openApiDocument(), { access: 'viewer' });
