import type { PathSpecs } from '../operation';
export declare const messagesPaths: PathSpecs;
