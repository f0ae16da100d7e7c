/** A piece of work run every so often, never twice at once. */
export interface PeriodicTask {
  /**
   * Runs it now; while a run is under way, once more right after it (so what the caller changed
   * is seen). Resolves when that run has ended. Once stopped, it starts nothing and resolves when
   * the run under way (if any) has ended.
   */
  runNow(): Promise<void>;
  /** No run starts after this; resolves once the run under way (if any) has ended. */
  stop(): Promise<void>;
}

export interface PeriodicTaskOptions {
  intervalMs: number;
  /** One run. `signal` is aborted once `stop()` is called, so a long run can end early. */
  run: (signal: AbortSignal) => Promise<unknown>;
  /** Told of a run that failed; the next tick runs again all the same. */
  onError: (error: unknown) => void;
  /** Whether the first run starts at once (the default) or waits for the first tick or `runNow()`. */
  runAtStart?: boolean;
}

/**
 * Runs `run` every `intervalMs`, one run at a time: a tick that comes while a run is under way is
 * skipped. A run that fails is reported to `onError` and the next tick tries again, so a passing
 * failure never stops the work.
 */
export function startPeriodicTask(options: PeriodicTaskOptions): PeriodicTask {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let rerun: Promise<void> | null = null;

  // Called at once (not on a later tick of the event loop), so a run sees the state of the moment
  // it was asked for; a run that throws before its first await is reported like any other.
  const invoke = async () => {
    await options.run(stopping.signal);
  };
  const runOnce = (): Promise<void> => {
    const run = invoke()
      .catch(options.onError)
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
    return run;
  };
  const runNow = (): Promise<void> => {
    if (stopping.signal.aborted) return running ?? Promise.resolve();
    if (!running) return runOnce();
    rerun ??= running.then(() => {
      rerun = null;
      return stopping.signal.aborted ? undefined : runOnce();
    });
    return rerun;
  };

  const timer = setInterval(() => {
    if (!running && !stopping.signal.aborted) void runOnce();
  }, options.intervalMs);
  // The process stays up for its servers and workers, not for a timer.
  timer.unref();
  if (options.runAtStart ?? true) void runOnce();
  return {
    runNow,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await rerun;
      await running;
    },
  };
}
