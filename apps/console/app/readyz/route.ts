import { apiRoute } from '@/lib/server/api/api-route';
import { jsonResponse } from '@/lib/server/api/json-response';
import { checkDatabase } from '@/lib/server/check-database';

export const dynamic = 'force-dynamic';

// Public, for orchestrators and load balancers: ready when the console's database answers.
export const GET = apiRoute(
  async () => {
    const problem = await checkDatabase();
    if (!problem) return { status: 'ready', checks: { postgres: 'ok' } };
    return jsonResponse(
      {
        status: 'not_ready',
        notReady: ['postgres'],
        checks: { postgres: `Postgres does not answer: ${problem}` },
      },
      503,
    );
  },
  { access: 'public' },
);
