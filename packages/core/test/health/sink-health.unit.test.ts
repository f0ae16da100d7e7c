import { describe, expect, it } from 'vitest';
import {
  decideSinkHealth,
  HEALTH_REASONS,
  HEALTH_WORDING,
  type HealthReason,
  type SinkHealthFacts,
} from '../../src';
import { CHECKED_AT, healthySink, readingSource, sourceCheck, streamCheck, throttling } from './health-facts';

function withTable(
  facts: NonNullable<SinkHealthFacts['tables'][number]['facts']>,
  groupColumns: string[] = [],
) {
  return healthySink({ tables: [{ schema: 'public', name: 'orders', groupColumns, facts }] });
}

const streamFailure = (code: string, via: 'describe' | 'delivery' = 'describe') =>
  healthySink({
    stream: streamCheck({ result: { ok: false, code, message: `it said ${code}`, hint: null, via } }),
  });

describe('decideSinkHealth', () => {
  it('is healthy only when every fact says it captures and delivers', () => {
    const health = decideSinkHealth(healthySink());
    expect(health).toEqual({
      status: 'healthy',
      reason: null,
      summary: 'Capturing 1 table and delivering to stream orders.',
      fix: null,
      problems: [],
      checkedAt: CHECKED_AT,
    });
  });

  // Every reason a sink can have, from the facts that cause it, with the state it puts the sink in.
  const cases: Array<[HealthReason, SinkHealthFacts, string]> = [
    ['paused', healthySink({ paused: { at: CHECKED_AT, by: 'ada@example.com' } }), 'paused'],
    [
      'messages_failing',
      healthySink({ failing: { count: 2, latestError: 'Kinesis denied access' } }),
      'failing',
    ],
    ['throttled', healthySink({ throttling: throttling() }), 'throttled'],
    ['stream_not_found', streamFailure('ResourceNotFoundException'), 'failing'],
    ['stream_access_denied', streamFailure('AccessDeniedException', 'delivery'), 'failing'],
    ['stream_credentials_invalid', streamFailure('UnrecognizedClientException'), 'failing'],
    ['stream_unreachable', streamFailure('ECONNREFUSED'), 'failing'],
    ['stream_error', streamFailure('InternalFailure'), 'failing'],
    [
      'table_missing',
      withTable({ kind: null, columns: [], primaryKey: [], published: null }),
      'not_capturing',
    ],
    [
      'table_without_key',
      withTable({ kind: 'r', columns: ['id'], primaryKey: [], published: true }),
      'not_capturing',
    ],
    [
      'grouping_column_missing',
      withTable({ kind: 'r', columns: ['id'], primaryKey: ['id'], published: true }, ['customer_id']),
      'not_capturing',
    ],
    [
      'table_not_published',
      withTable({ kind: 'r', columns: ['id'], primaryKey: ['id'], published: false }),
      'not_capturing',
    ],
    [
      'source_unreachable',
      healthySink({
        sourceFacts: readingSource({
          check: sourceCheck({ connection: { ok: false, title: 'Wrong password', detail: 'Check it.' } }),
        }),
        tables: [{ schema: 'public', name: 'orders', groupColumns: [], facts: null }],
      }),
      'not_capturing',
    ],
    [
      'source_not_read',
      healthySink({
        sourceFacts: readingSource({
          reader: {
            seenAgoMs: 60_000,
            lastError: { message: 'Wrong password: …', at: CHECKED_AT, agoMs: 3_000 },
            expectedForMs: 600_000,
          },
          check: sourceCheck({ slot: { active: false, retainedBytes: 0, lagBytes: 0 } }),
        }),
      }),
      'not_capturing',
    ],
    [
      'no_engine',
      healthySink({
        sourceFacts: readingSource({
          reader: { seenAgoMs: 120_000, lastError: null, expectedForMs: 600_000 },
          check: sourceCheck({ slot: { active: false, retainedBytes: 0, lagBytes: 0 } }),
        }),
      }),
      'not_capturing',
    ],
    [
      'source_lagging',
      healthySink({
        sourceFacts: readingSource({
          check: sourceCheck({ slot: { active: true, retainedBytes: 2 ** 30, lagBytes: 2 ** 30 } }),
        }),
      }),
      'lagging',
    ],
    ['unverified', healthySink({ stream: null }), 'unverified'],
  ];

  it('covers every reason', () => {
    expect(new Set(cases.map(([reason]) => reason))).toEqual(new Set(HEALTH_REASONS));
  });

  it.each(cases)('says %s, with its sentence and fix, and the state it means', (reason, facts, status) => {
    const health = decideSinkHealth(facts);
    expect(health.status).toBe(status);
    expect(health.reason).toBe(reason);
    expect(health.summary.length).toBeGreaterThan(20);
    expect(health.fix?.length).toBeGreaterThan(10);
    expect(health.problems[0]).toMatchObject({ code: reason, sentence: health.summary, fix: health.fix });
    expect(HEALTH_WORDING[reason].status).toBe(status);
  });

  it('names the table and what to do about it', () => {
    const missing = decideSinkHealth(withTable({ kind: null, columns: [], primaryKey: [], published: null }));
    expect(missing.problems).toEqual([
      {
        code: 'table_missing',
        sentence:
          'The table public.orders does not exist in database "shop", so none of its changes can be captured.',
        fix: 'Create the table public.orders (names are case-sensitive), or edit the sink to choose the right one. Its changes are captured from the moment it exists.',
        table: 'public.orders',
      },
    ]);
    const view = decideSinkHealth(withTable({ kind: 'v', columns: ['id'], primaryKey: [], published: null }));
    expect(view.summary).toBe('public.orders is a view: only tables can be replicated.');
    const grouped = decideSinkHealth(
      withTable({ kind: 'r', columns: ['id', 'total'], primaryKey: [], published: true }, [
        'customer_id',
        'total',
      ]),
    );
    expect(grouped.summary).toBe(
      'The table public.orders has no column "customer_id", which the sink groups its messages by.',
    );
    // Grouping columns that exist make a table without a primary key fine.
    expect(
      decideSinkHealth(
        withTable({ kind: 'r', columns: ['id', 'total'], primaryKey: [], published: true }, ['total']),
      ).status,
    ).toBe('healthy');
  });

  it('words a stream failure with what Kinesis said and the connection test hint', () => {
    const health = decideSinkHealth(
      healthySink({
        stream: streamCheck({
          result: {
            ok: false,
            code: 'ResourceNotFoundException',
            message: 'Stream orders was not found in region eu-west-1',
            hint: 'Unknown stream: create it.',
            via: 'describe',
          },
        }),
      }),
    );
    expect(health.summary).toBe(
      'Checking stream orders failed: the stream does not exist (ResourceNotFoundException: Stream orders was not found in region eu-west-1).',
    );
    expect(health.fix).toBe('Unknown stream: create it.');
  });

  it('shows paused first, and still lists every other problem', () => {
    const health = decideSinkHealth({
      ...withTable({ kind: null, columns: [], primaryKey: [], published: null }),
      paused: { at: CHECKED_AT, by: 'ada@example.com' },
      failing: { count: 1, latestError: 'boom' },
    });
    expect(health.status).toBe('paused');
    expect(health.summary).toBe(
      `delivery was paused by ada@example.com at ${CHECKED_AT.toISOString()}: messages are stored and wait until it resumes; 1 message is failing`,
    );
    expect(health.problems.map((problem) => problem.code)).toEqual([
      'paused',
      'table_missing',
      'messages_failing',
    ]);
  });

  it('puts not capturing before failing, failing before lagging, lagging before unverified', () => {
    const lagging = readingSource({
      check: sourceCheck({ slot: { active: true, retainedBytes: 2 ** 30, lagBytes: 2 ** 30 } }),
    });
    const all = healthySink({
      sourceFacts: lagging,
      failing: { count: 3, latestError: null },
      tables: [
        {
          schema: 'public',
          name: 'orders',
          groupColumns: [],
          facts: { kind: null, columns: [], primaryKey: [], published: null },
        },
        { schema: 'public', name: 'refunds', groupColumns: [], facts: null },
      ],
    });
    const statusOf = (facts: SinkHealthFacts) => decideSinkHealth(facts).status;
    expect(statusOf(all)).toBe('not_capturing');
    expect(decideSinkHealth(all).problems.map((problem) => problem.code)).toEqual([
      'table_missing',
      'messages_failing',
      'source_lagging',
      'unverified',
    ]);
    expect(statusOf({ ...all, tables: [all.tables[1] as SinkHealthFacts['tables'][number]] })).toBe(
      'failing',
    );
    expect(
      statusOf({
        ...all,
        tables: [all.tables[1] as SinkHealthFacts['tables'][number]],
        failing: { count: 0, latestError: null },
      }),
    ).toBe('lagging');
  });

  it("says Kinesis throttles it at the stream's limit, naming the shards, and how to grow the stream", () => {
    const health = decideSinkHealth(healthySink({ throttling: throttling() }));
    expect(health).toMatchObject({
      status: 'throttled',
      reason: 'throttled',
      summary:
        "Throttled by Kinesis: sending at 1,998 records/s, the stream's limit; shards shardId-000000000000 and shardId-000000000001 are at their limit. Messages wait their turn and are sent as fast as the stream takes them; none fails for it.",
      fix: 'Add shards to the stream, or switch the stream to on-demand capacity; until then, changes reach it late.',
    });
    const oneShard = decideSinkHealth(
      healthySink({ throttling: throttling({ shardsAtLimit: ['shardId-000000000003'] }) }),
    );
    expect(oneShard.summary).toContain('; shard shardId-000000000003 is at its limit.');
    const manyShards = decideSinkHealth(
      healthySink({
        throttling: throttling({ shardsAtLimit: Array.from({ length: 8 }, (_, index) => `s-${index}`) }),
      }),
    );
    expect(manyShards.summary).toContain('; shards s-0, s-1, s-2, s-3, s-4 and 3 more are at their limit.');
    // On-demand streams (or an engine that cannot tell) name no shard.
    const noShard = decideSinkHealth(healthySink({ throttling: throttling({ shardsAtLimit: [] }) }));
    expect(noShard.summary).toMatch(
      /^Throttled by Kinesis: sending at 1,998 records\/s, the stream's limit\. /,
    );
  });

  it('puts failing before throttled, and throttled before lagging and unverified', () => {
    const lagging = readingSource({
      check: sourceCheck({ slot: { active: true, retainedBytes: 2 ** 30, lagBytes: 2 ** 30 } }),
    });
    const throttledAndLagging = healthySink({ sourceFacts: lagging, throttling: throttling() });
    expect(decideSinkHealth(throttledAndLagging).status).toBe('throttled');
    expect(decideSinkHealth({ ...throttledAndLagging, stream: null }).status).toBe('throttled');
    const failingToo = decideSinkHealth({
      ...throttledAndLagging,
      failing: { count: 1, latestError: 'record too large' },
    });
    expect(failingToo.status).toBe('failing');
    expect(failingToo.problems.map((problem) => problem.code)).toEqual([
      'messages_failing',
      'throttled',
      'source_lagging',
    ]);
    // A throttled sink is not failing: its throttled messages are not counted as failing ones.
    expect(decideSinkHealth(healthySink({ throttling: throttling() })).problems).toHaveLength(1);
  });

  it('is never healthy before it was checked, nor with a check of settings since edited', () => {
    expect(decideSinkHealth(healthySink({ stream: null })).status).toBe('unverified');
    const edited = decideSinkHealth(healthySink({ stream: streamCheck({ current: false }) }));
    expect(edited.status).toBe('unverified');
    expect(edited.summary).toBe('The stream has not been checked since the settings changed.');
    expect(edited.checkedAt).toEqual(CHECKED_AT);
    const tablesNotChecked = healthySink();
    tablesNotChecked.tables = tablesNotChecked.tables.map((table) => ({ ...table, facts: null }));
    expect(decideSinkHealth(tablesNotChecked).reason).toBe('unverified');
    expect(decideSinkHealth(healthySink({ stream: null })).checkedAt).toBeNull();
  });

  it('says no engine checks it when its latest check is old', () => {
    const health = decideSinkHealth(healthySink({ stream: streamCheck({ ageMs: 5 * 60_000 }) }));
    expect(health.status).toBe('not_capturing');
    expect(health.reason).toBe('no_engine');
    expect(health.summary).toBe(
      'No engine has checked it for 5 min, so nothing says it captures or delivers.',
    );
  });

  it('leaves the tables to the source when the source cannot be reached', () => {
    const health = decideSinkHealth(
      healthySink({
        sourceFacts: readingSource({
          check: sourceCheck({
            connection: { ok: false, title: 'Wrong password', detail: 'Check the password.' },
          }),
        }),
        tables: [{ schema: 'public', name: 'orders', groupColumns: [], facts: null }],
      }),
    );
    expect(health.problems.map((problem) => problem.code)).toEqual(['source_unreachable']);
    expect(health.summary).toBe('Shardline cannot connect to the source "shop": Wrong password.');
    expect(health.fix).toBe("Check the password. Then save the source's settings again if they were wrong.");
  });

  it('judges a sink fed by no source on its stream and messages alone', () => {
    const health = decideSinkHealth(healthySink({ source: null, tables: [] }));
    expect(health).toMatchObject({ status: 'healthy', summary: 'Delivering to stream orders.' });
  });
});
