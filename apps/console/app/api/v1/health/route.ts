import { apiRoute } from '@/lib/server/api/api-route';
import { jsonResponse } from '@/lib/server/api/json-response';
import { checkDatabase } from '@/lib/server/check-database';

export const dynamic = 'force-dynamic';

// Public: load balancers and uptime checks call it without credentials. It tells nothing but up or down.
export const GET = apiRoute(
  async () => {
    const problem = await checkDatabase();
    if (!problem) return { status: 'ok', database: 'ok' };
    return jsonResponse(
      {
        status: 'unavailable',
        database: 'unreachable',
        error: {
          code: 'database_unreachable',
          message: `the console cannot reach its database (${problem}): check DATABASE_URL and that Postgres is running`,
        },
      },
      503,
    );
  },
  { access: 'public' },
);
