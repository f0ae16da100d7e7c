import http from 'node:http';
import { describe, expect, it } from 'vitest';

function get(url: string): Promise<string> {
  return new Promise((resolve) => {
    http
      .get(url, () => resolve('connected'))
      .on('error', (error: NodeJS.ErrnoException) => resolve(`${error.code}: ${error.message}`));
  });
}

describe('tests stay on the loopback range', () => {
  it('do not resolve a public host name (it fails as offline, without a packet sent), but do localhost', async () => {
    expect(await get('http://kinesis.eu-west-1.amazonaws.com/')).toMatch(/^ENOTFOUND: .*loopback/);
    expect(await get('http://localhost:1/')).toMatch(/^ECONNREFUSED/);
  });

  it('keep the AWS SDK from asking the instance metadata service for credentials', () => {
    // The SDK's default chain skips the metadata service (a literal 169.254.169.254, which the
    // guard above lets through) only with this set; a request to it is not made to find out.
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe('true');
  });
});
