import { describe, expect, it } from 'vitest';
import { describeKinesisError, describeRecordError } from '../src';
import { ordersConnection, SECRET } from './helpers/connections';

const awsConnection = ordersConnection('', { endpoint: null });

describe('describeRecordError', () => {
  it("quotes the size Kinesis gives when a record is over the stream's limit", () => {
    const error = describeRecordError(
      'InvalidArgumentException',
      "Record data size 1048586 exceeds the stream's max record size of 1048576 bytes",
      awsConnection,
    );
    expect(error.code).toBe('InvalidArgumentException');
    expect(error.message).toContain('Kinesis rejected this record to stream orders (eu-west-2)');
    expect(error.message).toContain("exceeds the stream's max record size of 1048576 bytes");
  });

  it('keeps an unfamiliar per-record code and its message', () => {
    const error = describeRecordError('SomethingNew', 'details here', awsConnection);
    expect(error).toMatchObject({ code: 'SomethingNew' });
    expect(error.message).toContain('stream orders (eu-west-2)');
    expect(error.message).toContain('AWS said: details here');
  });

  it('does not mistake built-in object names for known errors', () => {
    expect(describeRecordError('constructor', undefined, awsConnection).code).toBe('constructor');
  });
});

describe('describeKinesisError', () => {
  it('tells an operator how to provide credentials when the default chain finds none', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const error = describeKinesisError(missing, { ...awsConnection, credentials: null });
    expect(error).toMatchObject({ code: 'CredentialsProviderError' });
    expect(error.message).toContain('No AWS credentials were found for stream orders (eu-west-2)');
    expect(error.message).toContain("set the sink's credentials or give the engine an IAM role");
  });

  it('refers to the engine credentials, not sink keys, when the sink has none', () => {
    const rejected = Object.assign(new Error('The security token included in the request is invalid.'), {
      name: 'UnrecognizedClientException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    const error = describeKinesisError(rejected, { ...awsConnection, credentials: null });
    expect(error.message).toContain('check the credentials the engine runs with');
  });

  it('words a connection that could not be opened in time with the region when AWS is the endpoint', () => {
    const timeout = Object.assign(
      new Error(
        '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.',
      ),
      { name: 'TimeoutError' },
    );
    const error = describeKinesisError(timeout, { ...awsConnection, requestTimeoutMs: undefined });
    expect(error).toMatchObject({ code: 'TimeoutError' });
    expect(error.message).toContain('Could not connect to Kinesis in eu-west-2 within 10 s');
  });

  it('reports an OS-level connect timeout by its Node code', () => {
    const osTimeout = Object.assign(new Error('connect ETIMEDOUT 52.94.1.1:443'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      syscall: 'connect',
      address: '52.94.1.1',
      port: 443,
    });
    const error = describeKinesisError(osTimeout, awsConnection);
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.message).toContain('Could not connect to Kinesis in eu-west-2 (52.94.1.1:443)');
    expect(error.message).toContain('check the network path from the engine to AWS');
  });

  it('never repeats the secret key, whatever the error text holds', () => {
    const error = describeKinesisError(new Error(`signing failed for ${SECRET}`), awsConnection);
    expect(error.message).toContain('signing failed for [redacted]');
    expect(error.message).not.toContain(SECRET);
  });

  it('still describes something that is not an Error', () => {
    const error = describeKinesisError('socket exploded', awsConnection);
    expect(error).toMatchObject({ code: 'Error' });
    expect(error.message).toContain('stream orders (eu-west-2) failed: socket exploded');
  });

  it('falls back to the ARN itself when it cannot be parsed', () => {
    const error = describeKinesisError(
      Object.assign(new Error('gone'), {
        name: 'ResourceNotFoundException',
        $fault: 'client',
        $metadata: {},
      }),
      { ...awsConnection, streamArn: 'orders-stream' },
    );
    expect(error.message).toContain('Stream orders-stream was not found in region eu-west-2');
  });

  it('says the records will be retried only when the call sent records', () => {
    const throttled = Object.assign(new Error('Rate exceeded for stream orders'), {
      name: 'ProvisionedThroughputExceededException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(describeKinesisError(throttled, awsConnection).message).toBe(
      "Kinesis throttled the request: the stream's shards are over their write limit (1 MiB/s or 1,000 records/s per shard); the records will be retried. If this persists, add shards to stream orders (eu-west-2) (AWS said: Rate exceeded for stream orders)",
    );
    expect(describeKinesisError(throttled, awsConnection, 'nothing-sent').message).toBe(
      "Kinesis throttled the request: the stream's shards are over their write limit (1 MiB/s or 1,000 records/s per shard). If this persists, add shards to stream orders (eu-west-2) (AWS said: Rate exceeded for stream orders)",
    );
    const noAnswer = Object.assign(new Error('request timed out'), { name: 'TimeoutError' });
    const connection = { ...awsConnection, requestTimeoutMs: 5_000 };
    expect(describeKinesisError(noAnswer, connection).message).toBe(
      'No response from Kinesis in eu-west-2 within 5 s for stream orders; the records will be retried (the request may still have been written, delivery is at least once)',
    );
    expect(describeKinesisError(noAnswer, connection, 'nothing-sent').message).toBe(
      'No response from Kinesis in eu-west-2 within 5 s for stream orders',
    );
  });
});
