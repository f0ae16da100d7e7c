/** How a sink is doing, in one word and one sentence for the console's list and header. */
export interface SinkHealth {
  status: 'healthy' | 'failing' | 'paused';
  /** Why, in words; null when healthy. */
  reason: string | null;
}

/** The latest error among a sink's failing messages. */
export interface LatestSinkError {
  code: string | null;
  message: string | null;
  at: Date | null;
}

/**
 * Paused comes first: a person chose it, and failures cannot clear while nothing is sent. A
 * single failing message makes the sink failing, since its group is blocked behind it.
 */
export function sinkHealth(input: {
  pausedAt: Date | null;
  pausedBy: string | null;
  failing: number;
  latestError: LatestSinkError | null;
}): SinkHealth {
  const failing = input.failing > 0 ? `${describeFailing(input.failing)}` : '';
  if (input.pausedAt) {
    const by = input.pausedBy ? ` by ${input.pausedBy}` : '';
    return {
      status: 'paused',
      reason:
        `delivery was paused${by} at ${input.pausedAt.toISOString()}: messages are stored and wait until it resumes` +
        (failing ? `; ${failing}` : ''),
    };
  }
  if (input.failing > 0) {
    const latest = input.latestError?.message;
    return {
      status: 'failing',
      reason: `${failing}${latest ? `; the latest error: ${latest}` : ''}`,
    };
  }
  return { status: 'healthy', reason: null };
}

function describeFailing(count: number): string {
  return count === 1 ? '1 message is failing' : `${count} messages are failing`;
}
