/**
 * Bundles the engine and the workspace packages it uses (TypeScript source) into one file,
 * leaving npm dependencies to node_modules. Production runs plain `node dist/main.js`: no
 * TypeScript loader in memory.
 */
import { build } from 'esbuild';

await build({
  // The transform worker is a thread of its own: its own file, which the runner finds beside main.js.
  entryPoints: {
    main: 'src/main.ts',
    'transform-worker': '../../packages/transforms/src/worker/transform-worker-entry.ts',
  },
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
