import type { Db } from '../database';
import { actorOf } from './audit-actions';
import { recordAuditEvent } from './record-audit-event';

/**
 * Records a Kinesis stream created from the sink form. The stream lives in AWS, not in the
 * store: the event is the only trace Shardline keeps of it, under its ARN.
 */
export async function recordStreamCreated(
  db: Db,
  options: {
    streamArn: string;
    streamName: string;
    capacity: { mode: 'on-demand' } | { mode: 'provisioned'; shardCount: number };
    by?: string;
  },
): Promise<void> {
  const { capacity } = options;
  await recordAuditEvent(db, {
    actor: actorOf(options.by),
    action: 'stream.create',
    targetType: 'stream',
    targetId: options.streamArn,
    targetName: options.streamName,
    details: {
      capacityMode: capacity.mode,
      ...(capacity.mode === 'provisioned' ? { shardCount: capacity.shardCount } : {}),
    },
  });
}
