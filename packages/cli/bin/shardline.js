#!/usr/bin/env node
// The `shardline` command. It runs its TypeScript source through tsx, as the repository's own
// scripts do, so there is nothing to build before using it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
