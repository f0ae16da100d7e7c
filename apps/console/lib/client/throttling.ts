// The subpath keeps the browser bundle to the list: the package's index also exports Node-only code.
import { isThrottlingCode } from '@shardline/core/src/throttling-codes';
import type { Message } from './api-types';

export { isThrottlingCode };

/** A waiting message whose latest attempt Kinesis throttled: it waits its turn, it is not failing. */
export function isThrottled(message: Pick<Message, 'state' | 'lastError'>): boolean {
  return (
    message.state === 'pending' && message.lastError !== null && isThrottlingCode(message.lastError.code)
  );
}
