import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialsPath, resolveCredentials, saveCredentials } from '../src/credentials';

const home = mkdtempSync(join(tmpdir(), 'shardline-cli-'));
const env = { XDG_CONFIG_HOME: home };
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('credentials', () => {
  it('says how to log in when nothing is saved', async () => {
    await expect(resolveCredentials({}, env)).rejects.toThrow(/not logged in: run `shardline login --url/);
  });

  it('keeps what login saved readable by the user only, and flags and the environment win over it', async () => {
    await saveCredentials({ url: 'http://localhost:3000/', token: 'saved-token' }, env);
    expect(statSync(credentialsPath(env)).mode & 0o777).toBe(0o600);
    expect(await resolveCredentials({}, env)).toEqual({ url: 'http://localhost:3000', token: 'saved-token' });
    expect(await resolveCredentials({}, { ...env, SHARDLINE_TOKEN: 'from-env' })).toMatchObject({
      token: 'from-env',
    });
    expect(
      await resolveCredentials({ token: 'from-flag' }, { ...env, SHARDLINE_TOKEN: 'from-env' }),
    ).toMatchObject({
      token: 'from-flag',
    });
  });
});
