import type { PathSpecs } from '../operation';
export declare const alertsPaths: PathSpecs;
