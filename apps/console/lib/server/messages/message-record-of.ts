import { getMessage, type MessageRecord, type Queryable } from '@shardline/db';

/** A message as lists show it, without its payload and attempts (what retry and discard answer). */
export async function messageRecordOf(
  db: Queryable,
  options: { sinkId: string; id: bigint },
): Promise<MessageRecord> {
  const { payload: _payload, attempts: _attempts, ...record } = await getMessage(db, options);
  return record;
}
