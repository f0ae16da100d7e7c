export * from './alert-evaluator';
export * from './alert-thresholds';
export * from './alert-webhook';
export * from './alerts-metric';
export * from './find-alert-conditions';
export * from './slack-payload';
export * from './slot-lag';
export * from './wording';
