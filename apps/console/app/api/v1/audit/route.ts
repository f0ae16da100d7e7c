import { listAuditEvents } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { auditListQuerySchema } from '@/lib/server/audit/audit-queries';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** One page of the audit trail, newest first: `{ events, nextCursor }`. */
export const GET = apiRoute(async (request) =>
  listAuditEvents(database(), readQuery(request, auditListQuerySchema)),
);
