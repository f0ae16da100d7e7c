import type { PathSpecs } from '../operation';

export const sourcesPaths: PathSpecs = {};
