/** How much one call of a user function may use before it is stopped. */
export interface SandboxLimits {
  /** Run time allowed per message (and for the function's top-level code when it is compiled). */
  timeLimitMs: number;
  /** Memory the whole sandbox of one function may hold, its compiled code included. */
  memoryLimitBytes: number;
  /** Stack the function may use, so deep recursion fails cleanly instead of overflowing the engine. */
  maxStackSizeBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  timeLimitMs: 50,
  memoryLimitBytes: 32 * 1024 * 1024,
  maxStackSizeBytes: 256 * 1024,
};

export function resolveLimits(overrides: Partial<SandboxLimits> | undefined): SandboxLimits {
  return { ...DEFAULT_SANDBOX_LIMITS, ...overrides };
}

export function formatBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  if (mebibytes >= 1) return `${Number.isInteger(mebibytes) ? mebibytes : mebibytes.toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}
