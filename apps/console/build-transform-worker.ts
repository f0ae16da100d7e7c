/**
 * Bundles the transform worker (packages/transforms) into dist/transform-worker.js, which the
 * console's TransformRunner starts as a thread of its own. Next bundles the console's routes but
 * not a worker's entry; npm dependencies stay in node_modules, as for the engine's worker.
 */
import { bundleForNode, TRANSFORM_WORKER_ENTRY } from '../../scripts/bundle-for-node';

await bundleForNode({ 'transform-worker': TRANSFORM_WORKER_ENTRY });
