import { PublicationRefusal, SinkHasWaitingMessagesError, SourceUnreachableError } from '@shardline/capture';
import { ApiError } from '../api/api-error';

/**
 * Runs a sink change that works on its source's publication, answering the source's refusals
 * as API errors that say what to fix and that `force=true` saves anyway.
 */
export async function withSourceSetupErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SourceUnreachableError) {
      throw new ApiError(
        502,
        'source_unreachable',
        `${error.message} Nothing was saved: the sink's tables must be added to the source's publication first. Fix the connection, or save anyway with force=true (the sink then shows it is not capturing until an engine can add them).`,
      );
    }
    if (error instanceof PublicationRefusal) {
      throw new ApiError(
        422,
        'source_not_ready',
        `${error.message} Nothing was saved. Save anyway with force=true to fix it later (the sink then shows it is not capturing).`,
      );
    }
    if (error instanceof SinkHasWaitingMessagesError) {
      throw new ApiError(409, 'sink_has_waiting_messages', error.message, undefined, {
        pending: error.pending,
        failing: error.failing,
      });
    }
    throw error;
  }
}
