import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.projects.ts';

// `npm run test:unit`: pure logic, no global setup, so it runs without Postgres, Redis or an
// emulator, in seconds.
export default defineConfig({
  test: { maxWorkers: 2, projects: [unitProject] },
});
