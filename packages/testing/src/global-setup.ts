import type { TestProject } from 'vitest/node';
import { startKinesisEmulator } from './kinesis-emulator';
import { prepareTemplateDatabase } from './template-database';
import './provided-context';

/** Root vitest globalSetup: one migrated template and one emulator for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [emulator, template] = await Promise.allSettled([startKinesisEmulator(), prepareTemplateDatabase()]);
  if (template.status === 'rejected') {
    if (emulator.status === 'fulfilled') await emulator.value.stop();
    throw template.reason;
  }
  if (emulator.status === 'rejected') throw emulator.reason;
  project.provide('kinesisEndpoint', emulator.value.endpoint);
  return () => emulator.value.stop();
}
