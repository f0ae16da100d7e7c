import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('spawnKinesisLocal', () => {
  it('lets a program carry on after stop(), even with the emulator unref’d and nothing else to wait for', async () => {
    // Seen in npm run bench: stop() never resolved, the event loop emptied, and the process ended
    // with exit code 0 halfway through, printing nothing more.
    const fixture = fileURLToPath(new URL('./start-and-stop.fixture.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--no-warnings', fixture], {
      timeout: 90_000,
    });
    expect(stdout).toContain('carried on after stop()');
  });
});
