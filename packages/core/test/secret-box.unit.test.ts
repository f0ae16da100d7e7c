import { describe, expect, it } from 'vitest';
import { isSecretKey, SecretBox } from '../src/secret-box';
import { secretBoxFromEnv } from '../src/secret-key-env';

const OLD_KEY = '1a'.repeat(32);
const NEW_KEY = '2b'.repeat(32);
const OTHER_KEY = '3c'.repeat(32);

describe('SecretBox', () => {
  it('reads back what it encrypted, with a fresh ciphertext each time', () => {
    const box = new SecretBox(NEW_KEY);
    const first = box.encrypt('s3cret');
    expect(first).toMatch(/^v1\./);
    expect(box.encrypt('s3cret')).not.toBe(first);
    expect(box.decrypt(first)).toBe('s3cret');
  });

  it('refuses a secret stored with another key', () => {
    const stored = new SecretBox(OLD_KEY).encrypt('s3cret');
    expect(() => new SecretBox(NEW_KEY).decrypt(stored)).toThrow(
      'the encryption key differs from the one it was stored with',
    );
  });
});

describe('SecretBox with a previous key (during a key rotation)', () => {
  const rotating = new SecretBox(NEW_KEY, OLD_KEY);

  it('reads secrets stored with the previous key', () => {
    expect(rotating.decrypt(new SecretBox(OLD_KEY).encrypt('stored before'))).toBe('stored before');
  });

  it('reads secrets stored with the current key', () => {
    expect(rotating.decrypt(new SecretBox(NEW_KEY).encrypt('stored after'))).toBe('stored after');
  });

  it('encrypts with the current key only', () => {
    const stored = rotating.encrypt('new secret');
    expect(new SecretBox(NEW_KEY).decrypt(stored)).toBe('new secret');
    expect(() => new SecretBox(OLD_KEY).decrypt(stored)).toThrow('cannot be decrypted');
  });

  it('refuses, saying so, a secret stored with neither key', () => {
    const stored = new SecretBox(OTHER_KEY).encrypt('lost');
    expect(() => rotating.decrypt(stored)).toThrow(
      'stored secret cannot be decrypted: it was stored with neither the current encryption key nor the previous one',
    );
  });

  it('refuses a malformed previous key', () => {
    expect(() => new SecretBox(NEW_KEY, 'abc')).toThrow('must be 32 bytes');
  });
});

describe('isSecretKey', () => {
  it.each([
    ['64 hex characters', NEW_KEY, true],
    ['32 bytes as base64', Buffer.alloc(32, 7).toString('base64'), true],
    ['63 hex characters', NEW_KEY.slice(1), false],
    ['16 bytes', '1a'.repeat(16), false],
    ['empty', '', false],
  ])('%s: %s', (_what, key, valid) => {
    expect(isSecretKey(key)).toBe(valid);
  });
});

describe('secretBoxFromEnv', () => {
  it('reads with SHARDLINE_SECRET_KEY_PREVIOUS too when it is set, and encrypts with SHARDLINE_SECRET_KEY', () => {
    const box = secretBoxFromEnv({ SHARDLINE_SECRET_KEY: NEW_KEY, SHARDLINE_SECRET_KEY_PREVIOUS: OLD_KEY });
    expect(box.decrypt(new SecretBox(OLD_KEY).encrypt('before'))).toBe('before');
    expect(new SecretBox(NEW_KEY).decrypt(box.encrypt('after'))).toBe('after');
  });

  it('takes an empty SHARDLINE_SECRET_KEY_PREVIOUS (as .env.example leaves it) for no previous key', () => {
    const box = secretBoxFromEnv({ SHARDLINE_SECRET_KEY: NEW_KEY, SHARDLINE_SECRET_KEY_PREVIOUS: '' });
    expect(() => box.decrypt(new SecretBox(OLD_KEY).encrypt('before'))).toThrow('cannot be decrypted');
  });

  it.each([
    ['missing', {}, 'SHARDLINE_SECRET_KEY is required: 32 random bytes as 64 hex characters'],
    ['empty', { SHARDLINE_SECRET_KEY: '' }, 'SHARDLINE_SECRET_KEY is required'],
    ['malformed', { SHARDLINE_SECRET_KEY: 'abc' }, 'SHARDLINE_SECRET_KEY is not a valid key'],
    [
      'valid but the previous one malformed',
      { SHARDLINE_SECRET_KEY: NEW_KEY, SHARDLINE_SECRET_KEY_PREVIOUS: OLD_KEY.slice(2) },
      'SHARDLINE_SECRET_KEY_PREVIOUS is not a valid key',
    ],
  ])('names the variable when the key is %s', (_case, env, said) => {
    expect(() => secretBoxFromEnv(env)).toThrow(said);
  });
});
