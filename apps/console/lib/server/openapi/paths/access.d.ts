import type { PathSpecs } from '../operation';
export declare const accessPaths: PathSpecs;
