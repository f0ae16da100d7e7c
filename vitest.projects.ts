import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Projects do not inherit the root's test options (and `extends: true` would rerun the
// globalSetup once per project), so the shared ones are spelled out for each.
const shared = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;
// The console's `@/` path alias (apps/console/tsconfig.json), for tests that import its routes.
const resolve = {
  alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('apps/console/', import.meta.url)) }],
};
// No test reaches beyond the loopback range: other host names do not resolve.
const setupFiles = ['packages/testing/src/loopback-only.ts'];

/** Pure logic: no Postgres, Redis or Kinesis emulator, no global setup; seconds in all. */
export const UNIT_TESTS = '**/*.unit.test.ts';
const BROWSER_TESTS = '**/*.browser.test.ts';
const UNIT_AND_BROWSER = [UNIT_TESTS, BROWSER_TESTS, '**/node_modules/**'];

export const unitProject = {
  resolve,
  test: { ...shared, setupFiles, name: 'unit', include: [UNIT_TESTS], exclude: ['**/node_modules/**'] },
};

const workspaces = (dir: 'apps' | 'packages') =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const integration = (name: string, include: string[], exclude = UNIT_AND_BROWSER) => ({
  resolve,
  test: { ...shared, setupFiles, name, include, exclude },
});

/**
 * The integration suites, one per workspace and named after it (`npx vitest run --project
 * delivery`), against the real Postgres, Redis and Kinesis emulators of the global setup. The
 * console's browser suite (Playwright against the built console) is its own: `console-browser`.
 */
export const integrationProjects = [
  ...[...workspaces('packages'), ...workspaces('apps')].map((name) => {
    const dir = workspaces('apps').includes(name) ? `apps/${name}` : `packages/${name}`;
    return integration(name, [`${dir}/src/**/*.test.ts`, `${dir}/test/**/*.test.ts`]);
  }),
  integration('console-browser', [`apps/console/test/**/${BROWSER_TESTS}`], ['**/node_modules/**']),
  // The repository's own commands (npm run secrets:rotate) and files (Dockerfile, compose).
  integration('scripts', ['scripts/test/**/*.test.ts']),
  // The benchmark harness's own arithmetic and formatting (the runs themselves are `npm run bench`).
  integration('bench', ['bench/src/**/*.test.ts']),
];
