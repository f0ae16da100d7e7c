// Runs the worker's TypeScript source where it is not bundled (tests, `npm run dev`): the engine's
// build bundles the worker into its own JavaScript file instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
