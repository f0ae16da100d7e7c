export * from './config-error';
export * from './config-schema';
export * from './json-schema';
export * from './parse-config';
export * from './plan';
export * from './references';
