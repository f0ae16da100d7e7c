/**
 * Bundles entry points and the workspace packages they use (TypeScript source) into dist/ of
 * the current directory, leaving npm dependencies to node_modules. Used by the engine's build
 * and by the console's, for the transform worker Next does not bundle.
 */
import { build } from 'esbuild';

export async function bundleForNode(entryPoints: Record<string, string>): Promise<void> {
  await build({
    entryPoints,
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
}

/** The transform worker's entry, from an app's directory: a thread of its own, in its own file. */
export const TRANSFORM_WORKER_ENTRY = '../../packages/transforms/src/worker/transform-worker-entry.ts';
