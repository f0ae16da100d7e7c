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

describe("the engine's alert settings", () => {
  it('has thresholds by default and no webhook', () => {
    expect(readEnv({ ...REQUIRED, SHARDLINE_SECRET_KEY: KEY })).toMatchObject({
      SHARDLINE_ALERT_INTERVAL_MS: 15_000,
      SHARDLINE_ALERT_GROUP_BLOCKED_MS: 600_000,
      SHARDLINE_ALERT_SINK_FAILING_MS: 300_000,
      SHARDLINE_ALERT_SINK_NOT_CAPTURING_MS: 60_000,
      SHARDLINE_ALERT_SINK_THROTTLED_MS: 600_000,
      SHARDLINE_ALERT_SOURCE_LAG_BYTES: 1024 ** 3,
      SHARDLINE_ALERT_SOURCE_STALLED_MS: 300_000,
      SHARDLINE_ALERT_WEBHOOK_URL: null,
    });
    expect(
      readEnv({ ...REQUIRED, SHARDLINE_SECRET_KEY: KEY, SHARDLINE_ALERT_WEBHOOK_URL: '' })
        .SHARDLINE_ALERT_WEBHOOK_URL,
    ).toBeNull();
  });

  it('refuses a webhook that is not an http(s) URL, without repeating it (its path is a secret)', () => {
    const secret = 'ftp://hooks.example.com/services/T0/B0/very-secret-token';
    const attempt = () =>
      readEnv({ ...REQUIRED, SHARDLINE_SECRET_KEY: KEY, SHARDLINE_ALERT_WEBHOOK_URL: secret });
    expect(attempt).toThrow('SHARDLINE_ALERT_WEBHOOK_URL must be an http or https URL');
    expect(attempt).not.toThrow('very-secret-token');
  });
});

describe("the engine's observability endpoint settings", () => {
  const base = { ...REQUIRED, SHARDLINE_SECRET_KEY: KEY };

  it('listen on this host only, port 9464, without a token, unless told otherwise; an empty port means the default', () => {
    expect(readEnv(base)).toMatchObject({
      SHARDLINE_ENGINE_PORT: 9464,
      SHARDLINE_ENGINE_HOST: '127.0.0.1',
      SHARDLINE_METRICS_TOKEN: null,
    });
    expect(readEnv({ ...base, SHARDLINE_ENGINE_PORT: '' }).SHARDLINE_ENGINE_PORT).toBe(9464);
    expect(readEnv({ ...base, SHARDLINE_ENGINE_PORT: '0', SHARDLINE_ENGINE_HOST: '0.0.0.0' })).toMatchObject({
      SHARDLINE_ENGINE_PORT: 0,
      SHARDLINE_ENGINE_HOST: '0.0.0.0',
    });
  });

  it('take a metrics token of at least 16 characters, never quoting it', () => {
    const token = 'a-metrics-token-for-prometheus';
    expect(readEnv({ ...base, SHARDLINE_METRICS_TOKEN: token }).SHARDLINE_METRICS_TOKEN).toBe(token);
    expect(() => readEnv({ ...base, SHARDLINE_METRICS_TOKEN: 'short-secret' })).toThrow(
      /SHARDLINE_METRICS_TOKEN must be at least 16 characters/,
    );
    expect(() => readEnv({ ...base, SHARDLINE_METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it.each(['70000', '-1', '9464.5'])('refuse port %s, naming the variable', (port) => {
    expect(() => readEnv({ ...base, SHARDLINE_ENGINE_PORT: port })).toThrow(/SHARDLINE_ENGINE_PORT/);
  });
});

describe('the alert webhook URL', () => {
  const base = { ...REQUIRED, SHARDLINE_SECRET_KEY: KEY };

  it.each([
    ['http://169.254.169.254/latest/meta-data/iam', /link-local/],
    ['http://metadata.google.internal/hook', /cloud metadata service/],
    ['file:///etc/passwd', /http or https URL/],
  ])('refuses %s, naming the variable and never the path', (url, why) => {
    let message = '';
    try {
      readEnv({ ...base, SHARDLINE_ALERT_WEBHOOK_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SHARDLINE_ALERT_WEBHOOK_URL/);
    expect(message).toMatch(why);
    expect(message).not.toMatch(/meta-data|\/hook|passwd/);
  });

  it('takes a link-local webhook an operator allows', () => {
    expect(
      readEnv({
        ...base,
        SHARDLINE_ALERT_WEBHOOK_URL: 'http://169.254.10.5/hook',
        SHARDLINE_ENDPOINT_ALLOW_LIST: '169.254.10.0/24',
      }).SHARDLINE_ALERT_WEBHOOK_URL,
    ).toBe('http://169.254.10.5/hook');
  });
});
