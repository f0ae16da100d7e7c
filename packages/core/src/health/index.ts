export * from './health-format';
export * from './health-reasons';
export * from './health-timing';
export * from './health-wording';
export * from './sink-health';
export * from './source-health';
export * from './stream-reason';
export * from './table-findings';
