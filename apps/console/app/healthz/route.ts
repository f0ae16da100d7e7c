import { apiRoute } from '@/lib/server/api/api-route';

export const dynamic = 'force-dynamic';

// Public: the process answers. Whether it can do its work is /readyz.
export const GET = apiRoute(async () => ({ status: 'ok' }), { access: 'public' });
