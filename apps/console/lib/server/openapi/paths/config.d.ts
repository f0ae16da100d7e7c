import type { PathSpecs } from '../operation';
export declare const configPaths: PathSpecs;
