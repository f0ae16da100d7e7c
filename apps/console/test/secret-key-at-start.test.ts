import { describe, expect, it } from 'vitest';
import { startConsoleServer } from './browser/console-server';

// Runs the production build, as the browser tests do: `npm run build -w @shardline/console` first.

const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('the console at start', () => {
  it.each([
    ['missing', {}, 'SHARDLINE_SECRET_KEY is required'],
    ['malformed', { SHARDLINE_SECRET_KEY: 'not-a-key' }, 'SHARDLINE_SECRET_KEY is not a valid key'],
    [
      'valid but the previous one malformed',
      { SHARDLINE_SECRET_KEY: 'd'.repeat(64), SHARDLINE_SECRET_KEY_PREVIOUS: 'e'.repeat(63) },
      'SHARDLINE_SECRET_KEY_PREVIOUS is not a valid key',
    ],
  ])('stops, naming the variable, when the encryption key is %s', async (_case, keys, said) => {
    // The test process's own environment may hold a key: an empty one counts as missing.
    const env = { DATABASE_URL, SHARDLINE_SECRET_KEY: '', SHARDLINE_SECRET_KEY_PREVIOUS: '', ...keys };
    await expect(startConsoleServer(env)).rejects.toThrow(said);
  });
});
