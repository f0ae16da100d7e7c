import type { PathSpecs } from '../operation';

export const sinksPaths: PathSpecs = {};
