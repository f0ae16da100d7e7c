export * from './database-gauges';
export * from './engine-metrics';
export * from './registered-metric';
export * from './stream-label';
