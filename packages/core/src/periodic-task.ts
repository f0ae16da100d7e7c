/** A piece of work run every so often, never twice at once. */
export interface PeriodicTask {
  /**
   * Runs it now; while a run is under way, once more right after it (so what the caller changed
   * is seen). Resolves when that run has ended.
   */
  runNow(): Promise<void>;
  /** No run starts after this; resolves once the run under way (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Starts `run` at once and then every `intervalMs`, one run at a time: a tick that comes while a
 * run is under way is skipped. A run that fails is reported to `onError` and the next tick tries
 * again, so a passing failure never stops the work.
 */
export function startPeriodicTask(options: {
  intervalMs: number;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
}): PeriodicTask {
  let running: Promise<void> | null = null;
  let rerun: Promise<void> | null = null;
  let stopped = false;

  const runOnce = (): Promise<void> => {
    const run = options
      .run()
      .catch(options.onError)
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
    return run;
  };
  const runNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!running) return runOnce();
    rerun ??= running.then(() => {
      rerun = null;
      return stopped ? undefined : runOnce();
    });
    return rerun;
  };

  const timer = setInterval(() => {
    if (!running && !stopped) void runOnce();
  }, options.intervalMs);
  // The process stays up for its servers and workers, not for a timer.
  timer.unref();
  void runOnce();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await rerun;
      await running;
    },
  };
}
