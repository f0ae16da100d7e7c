import { afterEach, describe, expect, it } from 'vitest';
import { connectionHint, testStreamConnection } from '../src';
import { ordersConnection, SECRET } from './helpers/connections';
import { awsError, type FakeKinesis, type FakeReply, startFakeKinesis } from './helpers/fake-kinesis';

let fake: FakeKinesis | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function testThrough(reply: FakeReply) {
  fake = await startFakeKinesis(() => reply);
  return testStreamConnection(ordersConnection(fake.endpoint));
}

/** The failure of a test that must fail. */
function failure(result: Awaited<ReturnType<typeof testStreamConnection>>) {
  if (result.ok) throw new Error('expected the connection test to fail');
  return result.error;
}

describe('testStreamConnection', () => {
  it('names the IAM actions to allow when access is denied', async () => {
    const error = failure(
      await testThrough(
        awsError('AccessDeniedException', 'not authorized to perform: kinesis:DescribeStreamSummary'),
      ),
    );
    expect(error.code).toBe('AccessDeniedException');
    expect(error.hint).toBe(
      'Missing permission: allow the IAM actions kinesis:DescribeStreamSummary and kinesis:PutRecords on arn:aws:kinesis:eu-west-2:123456789012:stream/orders for the IAM user or role of these credentials.',
    );
  });

  it('points at the keys when AWS does not know them, and never repeats the secret', async () => {
    const error = failure(
      await testThrough(
        awsError(
          'UnrecognizedClientException',
          `The security token included in the request is invalid ${SECRET}`,
        ),
      ),
    );
    expect(error.hint).toMatch(
      /^Bad credentials: AWS does not accept this access key id and secret access key/,
    );
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('points at the region when the signature is scoped to another one', async () => {
    const error = failure(
      await testThrough(
        awsError(
          'InvalidSignatureException',
          "Credential should be scoped to a valid region, not 'eu-west-2'.",
        ),
      ),
    );
    expect(error.hint).toMatch(/^Wrong region: .*\(eu-west-2\)/);
  });
});

describe('connectionHint', () => {
  it('says when an AWS endpoint is in another region than the stream', () => {
    const hint = connectionHint(
      { code: 'ResourceNotFoundException', message: 'not found' },
      ordersConnection('https://kinesis.us-east-1.amazonaws.com'),
    );
    expect(hint).toBe(
      'Wrong region: the endpoint is in us-east-1 but the stream ARN says eu-west-2. Use the endpoint of eu-west-2, or correct the region in the ARN.',
    );
  });

  it('asks for credentials when the default chain found none', () => {
    const hint = connectionHint(
      { code: 'CredentialsProviderError', message: 'Could not load credentials' },
      ordersConnection('http://localhost:4567', { credentials: null }),
    );
    expect(hint).toMatch(/^No credentials: give an access key id and secret access key/);
  });
});
