import { describe, expect, it } from 'vitest';
import { readStartSettings, StartProblem } from '../src';

describe('readStartSettings', () => {
  it('runs the demo on a machine without AWS settings, with the defaults of .env.example', () => {
    expect(readStartSettings({})).toEqual({
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/shardline',
      databaseUrlIsDefault: true,
      embeddedPostgresDir: '.shardline/postgres',
      redisUrl: 'redis://127.0.0.1:6379',
      consolePort: 3000,
      enginePort: 9464,
      build: true,
      demo: { enabled: true, reason: 'no AWS settings given', database: 'shardline_demo', kinesisPort: 4567 },
    });
  });

  it('leaves the demo out when AWS settings are given, naming them, unless SHARDLINE_DEMO=true', () => {
    const aws = { AWS_REGION: 'eu-west-1', AWS_PROFILE: 'prod' };
    expect(readStartSettings(aws).demo).toMatchObject({
      enabled: false,
      reason: 'AWS settings given (AWS_PROFILE, AWS_REGION)',
    });
    expect(readStartSettings({ ...aws, SHARDLINE_DEMO: 'true' }).demo.enabled).toBe(true);
    expect(readStartSettings({ SHARDLINE_DEMO: 'false' }).demo).toMatchObject({
      enabled: false,
      reason: 'SHARDLINE_DEMO=false',
    });
    // An empty variable (as .env.example leaves them) is no setting.
    expect(readStartSettings({ AWS_ACCESS_KEY_ID: '' }).demo.enabled).toBe(true);
  });

  it('refuses values it cannot use, naming the variable and what it takes', () => {
    const problem = (env: Record<string, string>) => {
      try {
        readStartSettings(env);
      } catch (error) {
        return error as StartProblem;
      }
      throw new Error('no problem found');
    };
    expect(problem({ SHARDLINE_DEMO: 'yes' })).toMatchObject({
      message: 'SHARDLINE_DEMO must be true or false (or unset), not "yes"',
    });
    expect(problem({ SHARDLINE_CONSOLE_PORT: 'http' }).fix).toBe(
      'set SHARDLINE_CONSOLE_PORT to a number from 1 to 65534',
    );
    expect(problem({ SHARDLINE_DEMO_DATABASE: 'my-demo' }).message).toMatch(/not a plain database name/);
    expect(problem({ SHARDLINE_DEMO: 'yes' })).toBeInstanceOf(StartProblem);
    expect(problem({ SHARDLINE_BUILD: 'no' }).message).toBe(
      'SHARDLINE_BUILD must be true or false (or unset), not "no"',
    );
  });
});

describe('whether DATABASE_URL is the default', () => {
  it('is when unset, empty or the value .env.example gives; a URL of its own is not', () => {
    expect(readStartSettings({}).databaseUrlIsDefault).toBe(true);
    expect(readStartSettings({ DATABASE_URL: ' ' }).databaseUrlIsDefault).toBe(true);
    expect(
      readStartSettings({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shardline' })
        .databaseUrlIsDefault,
    ).toBe(true);
    expect(
      readStartSettings({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5433/shardline' })
        .databaseUrlIsDefault,
    ).toBe(false);
  });
});
