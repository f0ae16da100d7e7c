// What the root globalSetup hands to every test file through provide()/inject().
declare module 'vitest' {
  export interface ProvidedContext {
    /** One kinesis-local endpoint per test worker. */
    kinesisEndpoints: string[];
  }
}

export {};
