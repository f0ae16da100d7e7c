import type { PathSpecs } from '../operation';
export declare const auditPaths: PathSpecs;
