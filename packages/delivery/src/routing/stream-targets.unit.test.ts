import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { StreamTargets } from './stream-targets';

const OWN = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders';
const EU_OTHER = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu';
const US = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-us';

function targets() {
  return new StreamTargets(
    { streamArn: OWN, region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', credentials: null },
    {
      sinkId: 'sink',
      logger: pino({ level: 'silent' }),
      recordLimit: { sinkSettingBytes: 1024 * 1024, refreshMs: 60_000 },
    },
  );
}

describe('StreamTargets', () => {
  it("gives each routed stream its own budgets, and a client per region: the sink's for its own region", async () => {
    const streams = targets();
    const eu = streams.of(EU_OTHER, 'eu-west-1');
    const us = streams.of(US, 'us-east-1');
    expect(streams.of(OWN, 'eu-west-1')).toBe(streams.own);
    expect(streams.of(EU_OTHER, 'eu-west-1')).toBe(eu);
    expect(eu.client).toBe(streams.own.client);
    expect(eu.sendRate).not.toBe(streams.own.sendRate);
    expect(us.client).not.toBe(streams.own.client);
    expect(await us.client.config.region()).toBe('us-east-1');
    expect(us.connection).toMatchObject({
      streamArn: US,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
    });
    expect(streams.clients()).toHaveLength(2);
    for (const client of streams.clients()) client.destroy();
  });
});
