import type { IncomingMessage } from '@shardline/db';

/**
 * Messages shaped like real change events, about 400 bytes of JSON each, in commit order (four
 * changes a commit): the row ids (the groups) go round `groups` ids, or are chosen by `idOf`.
 */
export function makeWorkload(
  options: { count: number; firstLsn: number } & ({ groups: number } | { idOf: (index: number) => number }),
): IncomingMessage[] {
  const idOf = 'idOf' in options ? options.idOf : (index: number) => index % options.groups;
  return Array.from({ length: options.count }, (_, i) => {
    const commitLsn = BigInt(options.firstLsn + Math.floor(i / 4) * 64);
    const commitIdx = i % 4;
    const id = idOf(i);
    return {
      commitLsn,
      commitIdx,
      group: String(id),
      tableSchema: 'public',
      tableName: 'orders',
      action: 'update',
      payload: {
        record: {
          id,
          customer_id: 10_000 + (id % 977),
          status: 'shipped',
          total_cents: 4_250 + (i % 1_000),
          currency: 'EUR',
          updated_at: '2026-11-25T10:00:00.123456Z',
        },
        changes: { status: 'pending' },
        action: 'update',
        metadata: {
          table_schema: 'public',
          table_name: 'orders',
          commit_timestamp: '2026-11-25T10:00:00.130000Z',
          commit_lsn: Number(commitLsn),
          commit_idx: commitIdx,
          idempotency_key: Buffer.from(`${commitLsn}:${commitIdx}`).toString('base64'),
          record_pks: [String(id)],
          database_name: 'shop',
          consumer: {
            id: '7d8c4c5e-1f3a-4b8e-9a59-0c1d2e3f4a5b',
            name: 'orders-to-kinesis',
            annotations: {},
          },
        },
      },
    };
  });
}
