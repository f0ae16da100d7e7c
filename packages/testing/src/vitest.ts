import { inject } from 'vitest';
import './provided-context';

/** The kinesis-local endpoint the root globalSetup started for this test run. */
export function kinesisEndpoint(): string {
  return inject('kinesisEndpoint');
}
