import type { NextConfig } from 'next';

const config: NextConfig = {
  // The workspace packages are TypeScript sources; Next compiles them with the app.
  transpilePackages: [
    '@shardline/core',
    '@shardline/db',
    '@shardline/kinesis',
    '@shardline/capture',
    '@shardline/transforms',
  ],
  // Loaded by Node at run time rather than bundled: native-ish or dynamic-require packages.
  serverExternalPackages: [
    'pg',
    'pg-logical-replication',
    '@prisma/client',
    '@prisma/adapter-pg',
    'pino',
    // Loads its WebAssembly file from its own folder at run time.
    'quickjs-emscripten',
  ],
  poweredByHeader: false,
};

export default config;
