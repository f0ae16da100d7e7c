import { exportConfig } from '@shardline/config';
import { readConfiguration } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { secretBox } from '@/lib/server/env';

export const dynamic = 'force-dynamic';

// Secrets are decrypted only to be replaced by references: none leaves in the answer.
export const GET = apiRoute(
  async (request) => {
    const { text, variables } = exportConfig(
      await readConfiguration(database(), { secretBox: secretBox() }),
      {
        schemaUrl: new URL('/api/v1/config/schema', request.url).toString(),
      },
    );
    return { file: text, variables };
  },
  { access: 'admin' },
);
