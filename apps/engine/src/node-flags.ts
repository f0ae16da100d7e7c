/**
 * Node flags the engine runs with (`npm start`, the process tests and the benchmark; the
 * package's own `start` script and the Dockerfile repeat them). A 32 MiB young generation lets a
 * reader's batch, thousands of messages alive while they are stored, die young instead of being
 * copied into the old generation. 64 MiB gave change capture about 15% more throughput but took
 * the engine past its memory budget (300 MB) draining a 1,000,000-message backlog
 * (docs/benchmarks.md).
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=32'];
