import type { PathSpecs } from '../operation';
export declare const transformsPaths: PathSpecs;
