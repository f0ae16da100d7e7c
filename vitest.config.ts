import { defineConfig } from 'vitest/config';

// Projects do not inherit the root's test options (and `extends: true` would rerun the
// globalSetup once per project), so the shared ones are spelled out for each.
const shared = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;
// No test reaches beyond the loopback range: other host names do not resolve.
const setupFiles = ['packages/testing/src/loopback-only.ts'];

const testFiles = (dir: string) => [`${dir}/*/src/**/*.test.ts`, `${dir}/*/test/**/*.test.ts`];

export default defineConfig({
  test: {
    ...shared,
    // Runs once for the whole run: migrates the template database and starts one Kinesis emulator.
    globalSetup: ['packages/testing/src/global-setup.ts'],
    fileParallelism: true,
    // The machine has two cores; Postgres and the emulator need some of them too.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, setupFiles, name: 'packages', include: testFiles('packages') } },
      { test: { ...shared, setupFiles, name: 'apps', include: testFiles('apps') } },
      // The repository's own commands (npm run secrets:rotate).
      { test: { ...shared, setupFiles, name: 'scripts', include: ['scripts/test/**/*.test.ts'] } },
      // The benchmark harness's own arithmetic and formatting (the runs themselves are `npm run bench`).
      { test: { ...shared, setupFiles, name: 'bench', include: ['bench/src/**/*.test.ts'] } },
    ],
  },
});
