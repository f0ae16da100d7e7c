export * from './batch-builder';
export * from './bulk-operation-runner';
export * from './delivery-engine';
export * from './job-catalog';
export * from './lane-runner';
export * from './lane-scheduler';
export * from './sink-registry';
export * from './sweeper';
