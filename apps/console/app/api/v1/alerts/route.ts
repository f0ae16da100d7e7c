import { listAlerts } from '@shardline/db';
import { alertListQuerySchema } from '@/lib/server/alerts/alert-queries';
import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** One page of alerts, open and resolved, newest first: `{ alerts, nextCursor }`. */
export const GET = apiRoute(async (request) =>
  listAlerts(database(), readQuery(request, alertListQuerySchema)),
);
