import { StartProblem } from './start-problem';

/** What npm start runs with, read once from the environment (and .env) by scripts/start.ts. */
export interface StartSettings {
  databaseUrl: string;
  /**
   * DATABASE_URL is unset or the default: with nothing listening there, Shardline's database goes
   * on the embedded Postgres. A URL someone chose is theirs: not reaching it stops the start.
   */
  databaseUrlIsDefault: boolean;
  /** The embedded Postgres' folder (relative: to the project), made when a start first needs it. */
  embeddedPostgresDir: string;
  redisUrl: string;
  consolePort: number;
  /** The engine's /metrics, /healthz and /readyz port; 0 lets it pick a free one. */
  enginePort: number;
  /** Build the engine and the console first (SHARDLINE_BUILD=false runs the existing build). */
  build: boolean;
  demo: {
    enabled: boolean;
    /** Why the demo runs or not, in a few words for the start screen. */
    reason: string;
    /** The demo's source database, on the server of DATABASE_URL. */
    database: string;
    /** Where the local Kinesis emulator listens (HTTP; it takes the next port too, for TLS). */
    kinesisPort: number;
  };
}

/**
 * Variables that mean "this machine talks to real AWS": with any of them set (and SHARDLINE_DEMO
 * unset) npm start runs no emulator and no demo.
 */
export const AWS_SETTINGS = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

export const START_DEFAULTS = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shardline',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SHARDLINE_CONSOLE_PORT: '3000',
  SHARDLINE_ENGINE_PORT: '9464',
  SHARDLINE_DEMO_DATABASE: 'shardline_demo',
  SHARDLINE_DEMO_KINESIS_PORT: '4567',
  SHARDLINE_EMBEDDED_POSTGRES_DIR: '.shardline/postgres',
} as const;

export function readStartSettings(env: Record<string, string | undefined>): StartSettings {
  const value = (name: keyof typeof START_DEFAULTS) => env[name]?.trim() || START_DEFAULTS[name];
  const demoDatabase = value('SHARDLINE_DEMO_DATABASE');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(demoDatabase)) {
    throw new StartProblem(
      `SHARDLINE_DEMO_DATABASE "${demoDatabase}" is not a plain database name`,
      'use letters, digits and underscores (at most 63), e.g. SHARDLINE_DEMO_DATABASE=shardline_demo',
    );
  }
  return {
    databaseUrl: value('DATABASE_URL'),
    databaseUrlIsDefault: value('DATABASE_URL') === START_DEFAULTS.DATABASE_URL,
    embeddedPostgresDir: value('SHARDLINE_EMBEDDED_POSTGRES_DIR'),
    redisUrl: value('REDIS_URL'),
    consolePort: port(value('SHARDLINE_CONSOLE_PORT'), 'SHARDLINE_CONSOLE_PORT'),
    enginePort:
      value('SHARDLINE_ENGINE_PORT') === '0'
        ? 0
        : port(value('SHARDLINE_ENGINE_PORT'), 'SHARDLINE_ENGINE_PORT'),
    build: buildChoice(env.SHARDLINE_BUILD),
    demo: {
      ...demoChoice(env),
      database: demoDatabase,
      kinesisPort: port(value('SHARDLINE_DEMO_KINESIS_PORT'), 'SHARDLINE_DEMO_KINESIS_PORT'),
    },
  };
}

function demoChoice(env: Record<string, string | undefined>): { enabled: boolean; reason: string } {
  const choice = env.SHARDLINE_DEMO?.trim().toLowerCase();
  if (choice === 'true') return { enabled: true, reason: 'SHARDLINE_DEMO=true' };
  if (choice === 'false') return { enabled: false, reason: 'SHARDLINE_DEMO=false' };
  if (choice) {
    throw new StartProblem(
      `SHARDLINE_DEMO must be true or false (or unset), not "${env.SHARDLINE_DEMO}"`,
      'set SHARDLINE_DEMO=false to run without the demo, true to run it even with AWS settings',
    );
  }
  const aws = AWS_SETTINGS.filter((name) => env[name]?.trim());
  if (aws.length > 0) return { enabled: false, reason: `AWS settings given (${aws.join(', ')})` };
  return { enabled: true, reason: 'no AWS settings given' };
}

function buildChoice(text: string | undefined): boolean {
  const choice = text?.trim().toLowerCase();
  if (!choice || choice === 'true') return true;
  if (choice === 'false') return false;
  throw new StartProblem(
    `SHARDLINE_BUILD must be true or false (or unset), not "${text}"`,
    'leave SHARDLINE_BUILD unset to build before starting, or set it to false to run the last build',
  );
}

function port(text: string, variable: string): number {
  const value = Number(text);
  // The emulator also takes the port after its own.
  if (!Number.isInteger(value) || value < 1 || value > 65534) {
    throw new StartProblem(
      `${variable} "${text}" is not a port number`,
      `set ${variable} to a number from 1 to 65534`,
    );
  }
  return value;
}
