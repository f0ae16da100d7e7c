/**
 * Bundles the transform worker (packages/transforms) into dist/transform-worker.js, which the
 * console's TransformRunner starts as a thread of its own. Next bundles the console's routes but
 * not a worker's entry; npm dependencies stay in node_modules, as for the engine's worker.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { 'transform-worker': '../../packages/transforms/src/worker/transform-worker-entry.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-npm-dependencies',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@shardline/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
