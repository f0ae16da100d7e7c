import type { PathSpecs } from '../operation';
export declare const backfillsPaths: PathSpecs;
