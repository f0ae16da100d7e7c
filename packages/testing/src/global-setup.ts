import type { TestProject } from 'vitest/node';
import { type KinesisEmulator, startKinesisEmulator } from './kinesis-emulator';
import { prepareTemplateDatabase } from './template-database';
import './provided-context';

/**
 * One emulator per test worker (vitest runs two at once here): kinesis-local slows down as it
 * fills and under load, and two heavy test files sharing one made each other time out.
 */
const EMULATORS = 2;

/** Root vitest globalSetup: one migrated template and the emulators for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // No AWS SDK in a test asks the instance metadata service (169.254.169.254) for credentials.
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const started = await Promise.allSettled([
    prepareTemplateDatabase(),
    ...Array.from({ length: EMULATORS }, () => startKinesisEmulator()),
  ]);
  const emulators = started.flatMap((result) =>
    result.status === 'fulfilled' && result.value ? [result.value as KinesisEmulator] : [],
  );
  const stopAll = async () => {
    await Promise.all(emulators.map((emulator) => emulator.stop()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide(
    'kinesisEndpoints',
    emulators.map((emulator) => emulator.endpoint),
  );
  return stopAll;
}
