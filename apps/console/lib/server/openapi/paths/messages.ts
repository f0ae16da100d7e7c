import type { PathSpecs } from '../operation';

export const messagesPaths: PathSpecs = {};
