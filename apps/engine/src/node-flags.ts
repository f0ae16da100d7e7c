/**
 * Node flags the engine runs with (`npm start`, the process tests and the benchmark; the
 * package's own `start` script and the Dockerfile repeat them).
 *
 * A 32 MiB young generation lets a reader's batch, thousands of messages alive while they are
 * stored, die young instead of being copied into the old generation; 64 MiB took the engine past
 * its memory budget (300 MB) draining a 1,000,000-message backlog.
 *
 * The old generation grows to three times what the last full collection kept. V8 otherwise picks
 * up to four times when collections look cheap: the engine keeps about 31 MB alive, and in half of
 * the 1,000,000-message runs its heap grew to 125 MB (185 MB committed) before a full collection,
 * which put it at 292 to 305 MiB resident, over the budget (docs/benchmarks.md). This is a growth
 * rate, not a cap: a load that needs more memory still gets it.
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=200'];
