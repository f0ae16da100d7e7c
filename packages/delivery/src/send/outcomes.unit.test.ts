import type { OutgoingMessage } from '@shardline/db';
import type { RecordOutcome } from '@shardline/kinesis';
import { describe, expect, it } from 'vitest';
import { mapOutcomes, messagesOfRecords } from './outcomes';

const policy = { initialDelayMs: 1_000, jitterRatio: 0, maxDelayMs: 180_000, maxAttempts: 3 };

const message = (deliverCount: number, throttledCount: number): OutgoingMessage => ({
  id: 1n,
  groupKey: 'order-1',
  payload: '{}',
  sizeBytes: 10,
  deliverCount,
  throttledCount,
  trigger: 'scheduled',
  storedAgeMs: 0,
});

const refused = (code: string): RecordOutcome => ({
  ok: false,
  error: { code, message: `Kinesis said ${code}` },
});

function mapOne(sent: OutgoingMessage, outcome: RecordOutcome, shardReadyInMs = 40) {
  return mapOutcomes({
    sent: [{ message: sent, outcome }],
    notSent: [],
    policy,
    durationMs: 5,
    throttledRetryInMs: () => shardReadyInMs,
  });
}

describe('mapOutcomes', () => {
  it.each([
    'ProvisionedThroughputExceededException',
    'LimitExceededException',
    'KMSThrottlingException',
    'ThrottlingException',
  ])('treats %s as back-pressure: due again when the shard has room, never given up on', (code) => {
    // Ninety attempts so far, all throttled, past a maximum of three.
    const { failed } = mapOne(message(90, 90), refused(code));
    expect(failed).toEqual([
      expect.objectContaining({
        errorCode: code,
        throttled: true,
        attemptNumber: 91,
        retryInMs: 40,
        giveUpReason: null,
      }),
    ]);
  });

  it('keeps a throttled retry between 10 ms and a second, whatever the budget says', () => {
    expect(
      mapOne(message(0, 0), refused('ProvisionedThroughputExceededException'), 0).failed[0]?.retryInMs,
    ).toBe(10);
    expect(
      mapOne(message(0, 0), refused('ProvisionedThroughputExceededException'), 60_000).failed[0]?.retryInMs,
    ).toBe(1_000);
  });

  it('schedules a real failure by its failures only, not by the throttles before it', () => {
    // Twelve attempts, eleven throttled: this is the second failure, so the second step (2 s).
    const { failed } = mapOne(message(11, 10), refused('InternalFailure'));
    expect(failed[0]).toMatchObject({
      throttled: false,
      attemptNumber: 12,
      retryInMs: 2_000,
      giveUpReason: null,
    });
  });

  it("gives up at the sink's maximum of failed attempts", () => {
    const { failed } = mapOne(message(12, 10), refused('AccessDeniedException'));
    expect(failed[0]?.giveUpReason).toMatch(
      /^gave up after 3 attempts \(the sink's maximum\); last error: Kinesis said/,
    );
  });

  it('marks accepted records delivered with their shard and sequence number', () => {
    const { delivered, failed } = mapOne(message(0, 0), {
      ok: true,
      shardId: 'shardId-000000000001',
      sequenceNumber: '42',
    });
    expect(failed).toEqual([]);
    expect(delivered).toEqual([
      { id: 1n, shardId: 'shardId-000000000001', sequenceNumber: '42', streamArn: null },
    ]);
  });
});

describe('messagesOfRecords', () => {
  const inside = (id: bigint, groupKey: string): OutgoingMessage => ({ ...message(0, 0), id, groupKey });
  const aggregate = (packedForShard: string | null) => ({
    partitionKey: 'a',
    data: Buffer.alloc(0),
    sizeBytes: 0,
    messages: [inside(1n, 'a'), inside(2n, 'b'), inside(3n, 'c')],
    packedForShard,
  });
  const landedOn = (shardId: string): RecordOutcome => ({ ok: true, shardId, sequenceNumber: '7' });

  it("gives every message of a record the record's answer", () => {
    const { sent, landedElsewhere } = messagesOfRecords([
      { record: aggregate('shard-1'), outcome: landedOn('shard-1') },
    ]);
    expect(sent.map(({ message, outcome }) => [message.id, outcome])).toEqual([
      [1n, landedOn('shard-1')],
      [2n, landedOn('shard-1')],
      [3n, landedOn('shard-1')],
    ]);
    expect(landedElsewhere).toEqual([]);
    const throttled = refused('ProvisionedThroughputExceededException');
    expect(messagesOfRecords([{ record: aggregate('shard-1'), outcome: throttled }]).sent).toHaveLength(3);
  });

  it('delivers only the first message of an aggregate that landed on another shard; the others wait', () => {
    const { sent, landedElsewhere } = messagesOfRecords([
      { record: aggregate('shard-1'), outcome: landedOn('shard-9') },
    ]);
    expect(sent.map(({ message }) => message.id)).toEqual([1n]);
    expect(landedElsewhere.map((m) => m.id)).toEqual([2n, 3n]);
  });
});
