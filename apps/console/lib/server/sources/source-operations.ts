import { checkSource } from '@shardline/capture';
import {
  createSource,
  type createSourceInputSchema,
  deleteSource,
  getSourceConnection,
  sourceClientConfig,
  updateSource,
  type updateSourceInputSchema,
} from '@shardline/db';
import { checkSourceSettings, throwIfChecksFailed } from '@shardline/health';
import type { z } from 'zod';
import { database } from '../database';
import { secretBox } from '../env';
import { assertAllowedHost } from '../network-policy';
import { cleanUpSourceDatabase } from './clean-up-source-database';

/**
 * Adding a source, whoever asks (the REST API, a configuration file): the host allowed, and the
 * connection checked before saving unless forced.
 */
export async function createSourceChecked(
  input: z.output<typeof createSourceInputSchema>,
  options: { by: string; force: boolean },
) {
  await assertAllowedHost(input.host);
  const checked = options.force
    ? null
    : await checkSourceSettings(database(), { secretBox: secretBox(), settings: input });
  if (checked) throwIfChecksFailed(checked, 'source');
  const source = await createSource(database(), { secretBox: secretBox(), input, by: options.by });
  // A new source has no sink, so no tables yet: the report covers the connection, the server's
  // settings, the role's rights, the publication and the slot. Sinks' tables are checked later
  // (GET /api/v1/sources/{id}/checks). Saved anyway: what fails, checked once it is saved.
  const report =
    checked ??
    (await checkSource(sourceClientConfig(input), {
      publicationName: source.publicationName,
      slotName: source.slotName,
      tables: [],
    }));
  return { source, report };
}

/** An edit: what it changes of the connection is checked first, unless forced. */
export async function updateSourceChecked(
  sourceId: string,
  input: z.output<typeof updateSourceInputSchema>,
  options: { by: string; force: boolean },
) {
  await assertAllowedHost(input.host);
  if (!options.force) {
    throwIfChecksFailed(
      await checkSourceSettings(database(), { secretBox: secretBox(), settings: input, sourceId }),
      'source',
    );
  }
  return {
    source: await updateSource(database(), { secretBox: secretBox(), sourceId, input, by: options.by }),
  };
}

/** Deletes a source, then drops its slot and publication with the settings it had. */
export async function deleteSourceAndCleanUp(sourceId: string, options: { by: string }) {
  // Read before deleting: the slot and publication are dropped with the settings stored.
  const { source, clientConfig } = await getSourceConnection(database(), {
    secretBox: secretBox(),
    sourceId,
  });
  await deleteSource(database(), { sourceId, by: options.by });
  const cleanup = await cleanUpSourceDatabase(clientConfig, source);
  return { deleted: true, cleanup };
}
