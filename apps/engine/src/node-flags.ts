/**
 * Node flags the engine runs with (`npm start`, the process tests and the benchmark; the
 * package's own `start` script repeats them). A 64 MiB young generation lets a reader's batch,
 * thousands of messages alive while they are stored, die young instead of being copied into
 * the old generation: capture throughput measured about a quarter higher (docs/benchmarks.md).
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=64'];
