/**
 * Bundles the engine and the workspace packages it uses (TypeScript source) into one file,
 * leaving npm dependencies to node_modules. Production runs plain `node dist/main.js`: no
 * TypeScript loader in memory.
 */
import { bundleForNode, TRANSFORM_WORKER_ENTRY } from '../../scripts/bundle-for-node';

// The transform worker is a thread of its own: its own file, which the runner finds beside main.js.
await bundleForNode({ main: 'src/main.ts', 'transform-worker': TRANSFORM_WORKER_ENTRY });
