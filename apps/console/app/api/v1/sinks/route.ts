import { listSinks } from '@shardline/db';
import { apiRoute } from '../../../../lib/server/api/api-route';
import { database } from '../../../../lib/server/database';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sinks: await listSinks(database()) }));
