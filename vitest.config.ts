import { defineConfig } from 'vitest/config';
import { integrationProjects, unitProject } from './vitest.projects.ts';

// `npm test`: everything. `npm run test:unit`: the pure logic only (vitest.unit.config.ts).
export default defineConfig({
  test: {
    // Runs once for the whole run: migrates the template database and starts the Kinesis emulators.
    globalSetup: ['packages/testing/src/global-setup.ts'],
    fileParallelism: true,
    // The machine has two cores; Postgres and the emulator need some of them too.
    maxWorkers: 2,
    projects: [unitProject, ...integrationProjects],
  },
});
