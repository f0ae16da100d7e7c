import { configJsonSchema } from '@shardline/config';
import { apiRoute } from '@/lib/server/api/api-route';

export const dynamic = 'force-static';

// Public, like the OpenAPI document: editors fetch it to validate and complete shardline.yaml.
export const GET = apiRoute(async () => configJsonSchema(), { access: 'public' });
