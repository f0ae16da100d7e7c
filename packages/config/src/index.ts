export * from './config-error';
export * from './config-schema';
export * from './export-config';
export * from './json-schema';
export * from './parse-config';
export * from './plan';
export * from './references';
