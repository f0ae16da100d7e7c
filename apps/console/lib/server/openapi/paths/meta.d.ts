import type { PathSpecs } from '../operation';
export declare const metaPaths: PathSpecs;
