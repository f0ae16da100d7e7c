import { formatDuration } from './wording';

/** Raised when a call outlives its deadline; worded like the HTTP handler's own timeouts. */
export class DeadlineExceededError extends Error {
  override readonly name = 'TimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`no response within ${formatDuration(timeoutMs)}`);
  }
}

/**
 * Runs `call` with an abort signal and gives up after `timeoutMs`. The HTTP handler's own
 * timeout stops once response headers arrive, so a server that stalls mid-body (or a slow
 * credential lookup) would otherwise hold a delivery lane forever.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(timeoutMs);
      // Aborting destroys the socket, so the stalled connection is not reused or leaked.
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
