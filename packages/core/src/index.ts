export * from './errors';
export * from './log-redaction';
export * from './message';
export * from './partition-key';
export * from './retry-policy';
export * from './secret-box';
export * from './secret-key-env';
export * from './stream-arn';
