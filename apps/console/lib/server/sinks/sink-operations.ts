import { createSinkAndPublish, deleteSinkAndUnpublish, updateSinkAndPublish } from '@shardline/capture';
import { type createSinkInputSchema, getSink, type updateSinkInputSchema } from '@shardline/db';
import { checkSinkSettings, throwIfChecksFailed } from '@shardline/health';
import type { z } from 'zod';
import { database } from '../database';
import { secretBox } from '../env';
import { assertAllowedEndpoint } from '../network-policy';
import { assertFilterCompiles, assertRoutingCompiles } from '../transforms/transform-definition';
import { withSourceSetupErrors } from './source-setup-errors';

/**
 * Saving a sink, whoever asks (the REST API, a configuration file): the endpoint allowed, the
 * filter and routing function compiling, the stream and tables checked unless forced, and its tables published on the
 * source before the sink is saved, so every change committed after it returns reaches the sink.
 */
export async function createSinkChecked(
  input: z.output<typeof createSinkInputSchema>,
  options: { by: string; force: boolean },
) {
  await assertAllowedEndpoint(input.endpoint);
  await assertFilterCompiles(input.filterSource);
  await assertRoutingCompiles(input.routingSource);
  if (!options.force) {
    throwIfChecksFailed(
      await checkSinkSettings(database(), { secretBox: secretBox(), settings: input }),
      'sink',
    );
  }
  const { sink, publication } = await withSourceSetupErrors(() =>
    createSinkAndPublish(database(), { secretBox: secretBox(), input, by: options.by, force: options.force }),
  );
  return { sink: await getSink(database(), { sinkId: sink.id }), publication };
}

/** An edit, checked as a new sink is: what it changes of the stream and the tables first. */
export async function updateSinkChecked(
  sinkId: string,
  input: z.output<typeof updateSinkInputSchema>,
  options: { by: string; force: boolean },
) {
  await assertAllowedEndpoint(input.endpoint);
  await assertFilterCompiles(input.filterSource);
  await assertRoutingCompiles(input.routingSource);
  if (!options.force) {
    throwIfChecksFailed(
      await checkSinkSettings(database(), { secretBox: secretBox(), settings: input, sinkId }),
      'sink',
    );
  }
  const { publication, previousSource } = await withSourceSetupErrors(() =>
    updateSinkAndPublish(database(), {
      secretBox: secretBox(),
      sinkId,
      input,
      by: options.by,
      force: options.force,
    }),
  );
  return { sink: await getSink(database(), { sinkId }), publication, previousSource };
}

/** Deletes a sink and takes its tables out of the source's publication when no other sink reads them. */
export async function deleteSinkAndCleanUp(sinkId: string, options: { by: string; force: boolean }) {
  const { publication } = await withSourceSetupErrors(() =>
    deleteSinkAndUnpublish(database(), {
      secretBox: secretBox(),
      sinkId,
      by: options.by,
      force: options.force,
    }),
  );
  return { deleted: true, cleanup: publication };
}
