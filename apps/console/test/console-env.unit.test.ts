import { describe, expect, it } from 'vitest';
import { consoleEnv, secretBox } from '../lib/server/env';

const KEY = 'a'.repeat(64);

describe("the console's environment", () => {
  it('reads the settings with their defaults', () => {
    const env = consoleEnv({ DATABASE_URL: 'postgresql://localhost/shardline' });
    expect(env.SHARDLINE_TRUST_PROXY).toBe(false);
    expect(env.SHARDLINE_CONSOLE_ORIGIN).toBeNull();
    expect(env.SHARDLINE_CONFIG_DELETE_MISSING).toBe(false);
    expect(env.addressPolicy.allowList).toEqual([]);
  });

  it('names every variable that is wrong', () => {
    expect(() =>
      consoleEnv({
        SHARDLINE_TRUST_PROXY: 'yes',
        SHARDLINE_CONSOLE_ORIGIN: 'ftp://console.example.com',
        SHARDLINE_ENDPOINT_ALLOW_LIST: 'not-a-cidr',
      }),
    ).toThrow(
      /SHARDLINE_CONSOLE_ORIGIN must be an http or https URL[\s\S]*SHARDLINE_TRUST_PROXY must be true or false[\s\S]*SHARDLINE_ENDPOINT_ALLOW_LIST/,
    );
  });

  it('reads a variable again once it changed', () => {
    expect(consoleEnv({ SHARDLINE_TRUST_PROXY: 'true' }).SHARDLINE_TRUST_PROXY).toBe(true);
    expect(consoleEnv({ SHARDLINE_TRUST_PROXY: 'false' }).SHARDLINE_TRUST_PROXY).toBe(false);
    expect(
      consoleEnv({ SHARDLINE_CONSOLE_ORIGIN: 'https://console.example.com' }).SHARDLINE_CONSOLE_ORIGIN,
    ).toBe('https://console.example.com');
  });

  it('keeps the encryption key apart: a missing key fails only what needs it, naming it', () => {
    expect(() => consoleEnv({})).not.toThrow();
    expect(() => secretBox({})).toThrow(/SHARDLINE_SECRET_KEY is required/);
    const box = secretBox({ SHARDLINE_SECRET_KEY: KEY });
    expect(box.decrypt(box.encrypt('password'))).toBe('password');
  });
});
