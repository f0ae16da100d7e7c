import {
  decideSourceHealth,
  type SinkHealthFacts,
  type SourceCheckFacts,
  type SourceHealthFacts,
  type StreamCheckFacts,
  type ThrottlingFacts,
} from '../../src';

export const CHECKED_AT = new Date('2026-12-08T10:00:00Z');

/** A source being read, caught up, checked a second ago with the settings in force. */
export function readingSource(overrides: Partial<SourceHealthFacts> = {}): SourceHealthFacts {
  return {
    name: 'shop',
    publicationName: 'shop_pub',
    sinkCount: 1,
    reader: { seenAgoMs: 2_000, lastError: null, expectedForMs: 600_000 },
    check: sourceCheck(),
    ...overrides,
  };
}

export function sourceCheck(overrides: Partial<SourceCheckFacts> = {}): SourceCheckFacts {
  return {
    checkedAt: CHECKED_AT,
    ageMs: 1_000,
    current: true,
    connection: { ok: true },
    database: 'shop',
    slot: { active: true, retainedBytes: 4096, lagBytes: 0 },
    ...overrides,
  };
}

export function streamCheck(overrides: Partial<StreamCheckFacts> = {}): StreamCheckFacts {
  return { checkedAt: CHECKED_AT, ageMs: 1_000, current: true, result: { ok: true }, ...overrides };
}

/** A sink on public.orders (primary key id, published) of a reading source, its stream answering. */
export function healthySink(
  overrides: Partial<SinkHealthFacts> & { sourceFacts?: SourceHealthFacts } = {},
): SinkHealthFacts {
  const { sourceFacts, ...rest } = overrides;
  return {
    streamName: 'orders',
    paused: null,
    failing: { count: 0, latestError: null },
    throttling: null,
    stream: streamCheck(),
    source: {
      health: decideSourceHealth(sourceFacts ?? readingSource()),
      publicationName: 'shop_pub',
      database: 'shop',
      tablesCheckedAt: CHECKED_AT,
    },
    tables: [
      {
        schema: 'public',
        name: 'orders',
        groupColumns: [],
        facts: { kind: 'r', columns: ['id', 'customer'], primaryKey: ['id'], published: true },
      },
    ],
    ...rest,
  };
}

/** Two engines' reports summed: the stream takes 2,000 records/s and its two shards are at their limit. */
export function throttling(overrides: Partial<ThrottlingFacts> = {}): ThrottlingFacts {
  return {
    recordsPerSecond: 1_998.4,
    shardsAtLimit: ['shardId-000000000000', 'shardId-000000000001'],
    throttledRecords: 312,
    since: CHECKED_AT,
    ...overrides,
  };
}
