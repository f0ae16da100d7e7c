import { type Db, getMessage, type MessageRecord } from '@shardline/db';

/** A message as lists show it, without its payload and attempts (what retry and discard answer). */
export async function messageRecordOf(
  db: Db,
  options: { sinkId: string; id: bigint },
): Promise<MessageRecord> {
  const { payload: _payload, attempts: _attempts, ...record } = await getMessage(db, options);
  return record;
}
