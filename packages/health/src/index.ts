export * from './checker/check-sink-stream';
export * from './checker/check-source-health';
export * from './checker/health-checker';
export * from './save/check-sink-settings';
export * from './save/check-source-settings';
export * from './save/throw-if-checks-failed';
