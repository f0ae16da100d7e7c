import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { securityHeaders } from './lib/security-headers';

// The container image (Dockerfile) builds a self-contained server with only the files it needs;
// `npm start` and the tests serve the usual build with `next start`, which warns on that output.
const standalone = process.env.SHARDLINE_CONSOLE_STANDALONE === 'true';

const config: NextConfig = {
  // The workspace packages are TypeScript sources; Next compiles them with the app.
  transpilePackages: [
    '@shardline/alerts',
    '@shardline/config',
    '@shardline/core',
    '@shardline/db',
    '@shardline/health',
    '@shardline/kinesis',
    '@shardline/capture',
    '@shardline/metrics',
    '@shardline/transforms',
  ],
  // Loaded by Node at run time rather than bundled: native-ish or dynamic-require packages.
  serverExternalPackages: [
    'pg',
    'pg-logical-replication',
    '@prisma/client',
    '@prisma/adapter-pg',
    'pino',
    // One copy of its default registry per process, whichever route bundle registers a metric.
    'prom-client',
    // Finds Buffer and long through a hidden require that a bundle would not keep.
    'protobufjs',
    // QuickJS: loads its WebAssembly file from its own folder at run time.
    'quickjs-emscripten-core',
    '@jitl/quickjs-wasmfile-release-sync',
  ],
  ...(standalone && {
    output: 'standalone',
    // The workspace packages live above the app: trace files from the repository's root.
    outputFileTracingRoot: fileURLToPath(new URL('../..', import.meta.url)),
    // The transform worker is started by path, not imported: its bundle and the QuickJS packages
    // it loads are not found by tracing the routes.
    outputFileTracingIncludes: {
      '/**': [
        './dist/transform-worker.js',
        '../../node_modules/quickjs-emscripten-core/**',
        '../../node_modules/@jitl/quickjs-wasmfile-release-sync/**',
        '../../node_modules/@jitl/quickjs-ffi-types/**',
      ],
    },
  }),
  poweredByHeader: false,
  async headers() {
    // Every response: pages, API routes, static assets and 404s alike.
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
