import { type Db, sqlOnly, withPooledClient } from '../database';
import { discardMessages } from '../messages/discard-messages';
import { messageFilterSchema } from '../messages/message-filter';
import { resendMessages } from '../messages/resend-messages';
import { retryMessages } from '../messages/retry-messages';
import { parseOrThrow } from '../validation';
import { notifyWake } from '../wake-channel';
import { bulkOperationStates } from './bulk-operation-input';
import type { ClaimedBulkOperation } from './claimed-bulk-operation';
import { recordBulkOperationProgress } from './record-bulk-operation-progress';

class StopRequested extends Error {}

/**
 * Does a claimed operation's work, chunk by chunk from its recorded progress. Each chunk and
 * its progress commit in one transaction, so a run that dies leaves a count that matches the
 * messages, and the run taking over neither redoes nor skips a chunk. `shouldStop` is asked
 * after every chunk (an engine shutting down). Throws BulkOperationLostError when another
 * engine took the operation over.
 */
export async function applyBulkOperation(
  db: Db,
  operation: ClaimedBulkOperation,
  options: { shouldStop?: () => boolean } = {},
): Promise<'finished' | 'stopped'> {
  const selection = { filter: parseOrThrow(messageFilterSchema, operation.filter) };
  const states = bulkOperationStates(operation.action, operation.messageState);
  return withPooledClient(db, async (client) => {
    const connection = sqlOnly(client);
    try {
      await client.query('BEGIN');
      const onChunk = async (chunk: { changed: number; lastId: string }) => {
        await recordBulkOperationProgress(connection, operation, chunk);
        await client.query('COMMIT');
        if (options.shouldStop?.()) throw new StopRequested();
        await client.query('BEGIN');
      };
      const run = { sinkId: operation.sinkId, selection, afterId: operation.lastMessageId, onChunk };
      switch (operation.action) {
        case 'retry':
          await retryMessages(connection, run);
          break;
        case 'resend':
          await resendMessages(connection, run);
          break;
        case 'discard':
          await discardMessages(connection, {
            ...run,
            states: states.filter((state) => state === 'pending' || state === 'failing'),
            by: operation.createdBy,
            reason: operation.reason,
          });
          break;
        default: {
          const unknown: never = operation.action;
          throw new Error(`unknown bulk operation action ${String(unknown)}`);
        }
      }
      // The last (partial) chunk, and the wake-up of the sink's lanes, commit here.
      await client.query('COMMIT');
      return 'finished';
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        // Outside a transaction (just committed) there is nothing to roll back; a broken
        // connection is reported by the original error.
      });
      if (error instanceof StopRequested) {
        // Stopping skips the wake-up that ends a full run: the chunks committed are due now.
        await notifyWake(db, { sinkId: operation.sinkId });
        return 'stopped';
      }
      throw error;
    }
  });
}
