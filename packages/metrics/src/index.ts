export * from './database-gauges';
export * from './engine-metrics';
