import type { PathSpecs } from '../operation';
export declare const sourcesPaths: PathSpecs;
