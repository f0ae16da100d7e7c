import { defineConfig } from 'vitest/config';

// `npm run test:chaos`: the fault suite at full scale (twenty engine kills, outages of seconds).
// `npm test` runs the same file at short scale through the root config.
export default defineConfig({
  test: {
    include: ['apps/engine/test/chaos/chaos.test.ts'],
    env: { SHARDLINE_CHAOS_SCALE: 'full' },
    testTimeout: 15 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // No test reaches beyond the loopback range: other host names do not resolve.
    setupFiles: ['packages/testing/src/loopback-only.ts'],
  },
});
