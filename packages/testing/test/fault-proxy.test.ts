import { DescribeStreamSummaryCommand, type KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  createTestKinesisClient,
  createTestStream,
  type FaultProxy,
  readAllRecords,
  startFaultProxy,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterEach, beforeEach, expect, test } from 'vitest';

let proxy: FaultProxy;
let client: KinesisClient;
let stream: TestStream;

beforeEach(async () => {
  stream = await createTestStream(kinesisEndpoint());
  proxy = await startFaultProxy({ target: kinesisEndpoint() });
  client = createTestKinesisClient(proxy.endpoint);
});

afterEach(async () => {
  client.destroy();
  await proxy.stop();
});

function put(keys: string[]) {
  return client.send(
    new PutRecordsCommand({
      StreamARN: stream.streamArn,
      Records: keys.map((key) => ({ PartitionKey: key, Data: Buffer.from(`data-${key}`) })),
    }),
  );
}

test('failRecords keeps failed records out of the stream and reports them at their indices', async () => {
  proxy.failRecords((record, index) =>
    record.data === 'data-b' || index === 3
      ? { errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'slow down' }
      : null,
  );
  const result = await put(['a', 'b', 'c', 'd', 'e']);

  expect(result.FailedRecordCount).toBe(2);
  expect(result.Records?.map((record) => record.ErrorCode ?? 'ok')).toEqual([
    'ok',
    'ProvisionedThroughputExceededException',
    'ok',
    'ProvisionedThroughputExceededException',
    'ok',
  ]);
  expect(result.Records?.[1]?.ErrorMessage).toBe('slow down');
  expect(result.Records?.[0]?.SequenceNumber).toMatch(/^\d+$/);

  const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: 3 });
  expect(stored.map((record) => record.partitionKey)).toEqual(['a', 'c', 'e']);
  expect(stored.map((record) => record.sequenceNumber)).toEqual(
    [0, 2, 4].map((index) => result.Records?.[index]?.SequenceNumber),
  );
  expect(proxy.requests).toMatchObject([
    { partitionKeys: ['a', 'b', 'c', 'd', 'e'], forwarded: 3, failedByRule: 2 },
  ]);
});

test('failRecords failing every record answers without reaching the emulator', async () => {
  proxy.failRecords(() => ({ errorCode: 'InternalFailure', errorMessage: 'boom' }));
  const result = await put(['a', 'b']);
  expect(result.FailedRecordCount).toBe(2);
  expect(result.Records?.map((record) => record.ErrorCode)).toEqual(['InternalFailure', 'InternalFailure']);

  proxy.failRecords(null);
  expect((await put(['c'])).FailedRecordCount).toBe(0);
  const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: 1 });
  expect(stored.map((record) => record.partitionKey)).toEqual(['c']);
  expect(
    proxy.requests.map(({ forwarded, failedByRule, status }) => ({ forwarded, failedByRule, status })),
  ).toEqual([
    { forwarded: 0, failedByRule: 2, status: 200 },
    { forwarded: 1, failedByRule: 0, status: 200 },
  ]);
  for (const request of proxy.requests) expect(request.endedAt).toBeGreaterThanOrEqual(request.startedAt);
});

test('failRequests answers with the given status and error', async () => {
  proxy.failRequests((target) =>
    target === 'PutRecords'
      ? { status: 400, body: { __type: 'ProvisionedThroughputExceededException', message: 'Rate exceeded' } }
      : null,
  );
  const error = await put(['a']).catch((caught: unknown) => caught);
  expect(error).toMatchObject({
    name: 'ProvisionedThroughputExceededException',
    message: 'Rate exceeded',
    $metadata: { httpStatusCode: 400 },
  });
  expect(proxy.requests).toMatchObject([{ forwarded: 0, status: 400 }]);

  proxy.failRequests(null);
  expect((await put(['b'])).FailedRecordCount).toBe(0);
  const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: 1 });
  expect(stored.map((record) => record.partitionKey)).toEqual(['b']);
});

test('failRequests sees the access key id a request is signed with, to refuse one set of credentials', async () => {
  proxy.failRequests((_target, request) =>
    request.accessKeyId === 'AKIAREVOKED'
      ? {
          status: 400,
          body: { __type: 'UnrecognizedClientException', message: 'The security token is invalid.' },
        }
      : null,
  );
  const revoked = createTestKinesisClient(proxy.endpoint, {
    accessKeyId: 'AKIAREVOKED',
    secretAccessKey: 'x',
  });
  try {
    const refused = await revoked
      .send(new DescribeStreamSummaryCommand({ StreamName: stream.streamName }))
      .catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ name: 'UnrecognizedClientException' });
  } finally {
    revoked.destroy();
  }
  // Other credentials go through.
  expect((await put(['c'])).FailedRecordCount).toBe(0);
});

test('goDown gives clients a connection error and comeUp restores service', async () => {
  expect((await put(['a'])).FailedRecordCount).toBe(0);

  await proxy.goDown();
  const error = await put(['b']).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  expect((error as NodeJS.ErrnoException).code).toMatch(/^(ECONNREFUSED|ECONNRESET|EPIPE)$/);

  await proxy.comeUp();
  expect((await put(['c'])).FailedRecordCount).toBe(0);
  const stored = await readAllRecords(kinesisEndpoint(), stream.streamArn, { expectCount: 2 });
  expect(stored.map((record) => record.partitionKey)).toEqual(['a', 'c']);
});
