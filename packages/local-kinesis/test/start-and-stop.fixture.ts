// Run as a process of its own by the test beside it: nothing but the emulator keeps it alive.
import { freePort } from '@shardline/testing';
import { spawnKinesisLocal } from '../src';

const emulator = await spawnKinesisLocal({
  plainPort: await freePort(),
  tlsPort: await freePort(),
  unref: true,
});
await emulator.stop();
console.log('carried on after stop()');
