import type { PathSpecs } from '../operation';
export declare const sinksPaths: PathSpecs;
