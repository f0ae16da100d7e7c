import { parseStreamArn } from '@shardline/core';
import { assertSinkSecretTarget, getSinkDeliveryConfig } from '@shardline/db';
import type { KinesisConnection } from '@shardline/kinesis';
import { ApiError } from '../api/api-error';
import { database } from '../database';
import { secretBox } from '../env';
import { assertAllowedEndpoint } from '../network-policy';
import type { SinkConnectionSettings } from './test-connection-input';

/**
 * The connection the sink form's settings describe, for the calls it makes before saving (Test
 * connection, Create stream): the endpoint allowed, the saved secret used when the form has none,
 * and only with the endpoint and region it was saved for.
 */
export async function resolveSinkConnection(input: SinkConnectionSettings): Promise<KinesisConnection> {
  await assertAllowedEndpoint(input.endpoint);
  const credentials = await resolveCredentials(input);
  const arn = parseStreamArn(input.streamArn);
  if (!arn) throw new ApiError(400, 'invalid_input', 'streamArn: not a Kinesis stream ARN', 'streamArn');
  return { streamArn: arn.arn, region: arn.region, endpoint: input.endpoint ?? null, credentials };
}

async function resolveCredentials(
  input: SinkConnectionSettings,
): Promise<{ accessKeyId: string; secretAccessKey: string } | null> {
  const savedSink =
    input.sinkId && input.secretAccessKey === undefined
      ? await getSinkDeliveryConfig(database(), { secretBox: secretBox(), sinkId: input.sinkId })
      : null;
  const saved = savedSink?.credentials ?? null;
  // The saved key goes only where it was saved for: another endpoint or region must be given it again.
  if (savedSink && saved) {
    assertSinkSecretTarget(savedSink, { streamArn: input.streamArn, endpoint: input.endpoint ?? null });
  }
  const accessKeyId = input.accessKeyId === undefined ? (saved?.accessKeyId ?? null) : input.accessKeyId;
  const secretAccessKey = input.secretAccessKey ?? saved?.secretAccessKey ?? null;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    const field = accessKeyId ? 'secretAccessKey' : 'accessKeyId';
    throw new ApiError(
      400,
      'invalid_input',
      `${field}: give both the access key id and the secret access key, or neither to use the default AWS credentials`,
      field,
    );
  }
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null;
}
