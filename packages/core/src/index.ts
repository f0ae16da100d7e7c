export * from './errors';
export * from './message';
export * from './partition-key';
export * from './retry-policy';
export * from './secret-box';
export * from './stream-arn';
