import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ADDRESS_POLICY,
  parseAllowList,
  refusedResolvedHostReason,
  refusedUrlReason,
} from '../src/target-address';

describe('which endpoints Shardline may be told to reach', () => {
  it.each([
    'http://127.0.0.1:4567',
    'http://localhost:4567',
    'http://[::1]:4567',
    'https://kinesis.eu-west-1.amazonaws.com',
    'http://10.0.3.7',
    'http://172.16.0.1',
    'http://192.168.1.20:8080',
    'https://vpce-0a1b.kinesis.eu-west-1.vpce.amazonaws.com',
  ])('allows %s (loopback, private ranges and names)', (url) => {
    expect(refusedUrlReason(url, DEFAULT_ADDRESS_POLICY)).toBeNull();
  });

  it.each([
    ['file:///etc/passwd', /only http and https are allowed, not file/],
    ['gopher://127.0.0.1:25/', /only http and https are allowed, not gopher/],
    ['ftp://127.0.0.1/', /not ftp/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://169.254.170.2/v2/credentials', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00:ec2::254]/', /cloud metadata service/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://100.100.100.200/', /cloud metadata service/],
    ['http://metadata.google.internal/computeMetadata/v1/', /cloud metadata service/],
    ['http://METADATA.google.internal./', /cloud metadata service/],
    ['http://0.0.0.0:4567/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
  ])('refuses %s', (url, why) => {
    expect(refusedUrlReason(url, DEFAULT_ADDRESS_POLICY)).toMatch(why);
  });

  it('allows what an operator lists, and only that', () => {
    const policy = { allowList: parseAllowList('169.254.10.0/24, fd00::/8', 'LIST') };
    expect(refusedUrlReason('http://169.254.10.5/', policy)).toBeNull();
    expect(refusedUrlReason('http://169.254.169.254/', policy)).toMatch(/link-local/);
    expect(refusedUrlReason('http://[fd00:ec2::254]/', policy)).toBeNull();
    expect(() => parseAllowList('169.254.0.0/16,not-a-range', 'SHARDLINE_ENDPOINT_ALLOW_LIST')).toThrow(
      'SHARDLINE_ENDPOINT_ALLOW_LIST: "not-a-range" is not an address range such as 169.254.10.0/24 or fd00::/8',
    );
  });

  it('refuses a name that resolves to a refused address, and lets one that does not resolve fail later', async () => {
    const resolvesTo = (address: string) => async () => [{ address }];
    expect(
      await refusedResolvedHostReason(
        'kinesis.attacker.example',
        DEFAULT_ADDRESS_POLICY,
        resolvesTo('169.254.169.254'),
      ),
    ).toMatch(/^kinesis.attacker.example resolves to an address that is a link-local address/);
    expect(
      await refusedResolvedHostReason('db.internal', DEFAULT_ADDRESS_POLICY, resolvesTo('10.1.2.3')),
    ).toBeNull();
    const unresolvable = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(
      await refusedResolvedHostReason('nowhere.example', DEFAULT_ADDRESS_POLICY, unresolvable),
    ).toBeNull();
  });
});
