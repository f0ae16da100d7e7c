import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env';

const REQUIRED = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shardline' };
const KEY = 'c'.repeat(64);

describe("the engine's encryption key settings", () => {
  it('takes a previous key beside the current one, and no previous key when it is empty', () => {
    const previous = 'd'.repeat(64);
    expect(
      readEnv({ ...REQUIRED, SHARDLINE_SECRET_KEY: KEY, SHARDLINE_SECRET_KEY_PREVIOUS: previous }),
    ).toMatchObject({ SHARDLINE_SECRET_KEY: KEY, SHARDLINE_SECRET_KEY_PREVIOUS: previous });
    expect(
      readEnv({ ...REQUIRED, SHARDLINE_SECRET_KEY: KEY, SHARDLINE_SECRET_KEY_PREVIOUS: '' })
        .SHARDLINE_SECRET_KEY_PREVIOUS,
    ).toBeUndefined();
  });

  it.each([
    ['missing', {}, 'SHARDLINE_SECRET_KEY is required'],
    ['malformed', { SHARDLINE_SECRET_KEY: 'not-hex' }, 'SHARDLINE_SECRET_KEY is not a valid key'],
    [
      'valid but the previous one malformed',
      { SHARDLINE_SECRET_KEY: KEY, SHARDLINE_SECRET_KEY_PREVIOUS: 'd'.repeat(60) },
      'SHARDLINE_SECRET_KEY_PREVIOUS is not a valid key',
    ],
  ])('refuses to start, naming the variable, when the key is %s', (_case, keys, said) => {
    expect(() => readEnv({ ...REQUIRED, ...keys })).toThrow(said);
  });
});
