import { inject } from 'vitest';
import './provided-context';

/**
 * The kinesis-local endpoint of this test worker: the root globalSetup starts one per worker, so
 * test files running at the same time never share one (VITEST_POOL_ID numbers the workers from 1).
 */
export function kinesisEndpoint(): string {
  const endpoints = inject('kinesisEndpoints');
  const worker = Math.max(1, Number(process.env.VITEST_POOL_ID ?? 1));
  return endpoints[(worker - 1) % endpoints.length] as string;
}
