export * from './check-source';
export * from './drop-slot-and-publication';
export * from './ensure-publication-and-slot';
export type * from './source-check-report';
export * from './source-health-facts';
