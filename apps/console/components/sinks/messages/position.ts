import type { Message } from '@/lib/client/api-types';
import { formatLsn } from '@/lib/client/format';

/** Where the change sits in the source's log: commit LSN, then its index in the commit. */
export function formatPosition(message: Pick<Message, 'commitLsn' | 'commitIdx'>): string {
  return `${formatLsn(message.commitLsn)}:${message.commitIdx}`;
}
