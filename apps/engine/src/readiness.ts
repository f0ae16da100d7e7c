/** One dependency of the engine: resolves when it answers, rejects saying why not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  ready: boolean;
  /** Per check, `ok` or what is wrong, in words. */
  checks: Record<string, string>;
  /** The checks that are not `ok`. */
  notReady: string[];
}

/**
 * Runs every check at once, each for at most `timeoutMs`: a readiness probe that hangs is worse
 * than one that fails, since orchestrators give up on it anyway.
 */
export async function checkReadiness(
  checks: Record<string, ReadinessCheck>,
  timeoutMs = 2_000,
): Promise<ReadinessReport> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => answerOf(checks[name] as ReadinessCheck, timeoutMs)));
  const report: ReadinessReport = { ready: true, checks: {}, notReady: [] };
  names.forEach((name, index) => {
    const result = results[index] ?? 'ok';
    report.checks[name] = result;
    if (result !== 'ok') {
      report.ready = false;
      report.notReady.push(name);
    }
  });
  return report;
}

async function answerOf(check: ReadinessCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(check)
        .then(() => 'ok'),
      timeout,
    ]);
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)) || 'unknown error';
  } finally {
    clearTimeout(timer);
  }
}
