import {
  type AddressPolicy,
  endpointAllowListEnvShape,
  type SecretBox,
  secretBoxFromEnv,
} from '@shardline/core';
import { z } from 'zod';

const emptyAsNull = z.literal('').transform(() => null);
const flag = (name: string) =>
  z
    .enum(['true', 'false', ''], { error: `${name} must be true or false` })
    .default('false')
    .transform((value) => value === 'true');

/**
 * The console server's whole configuration, read from the environment and checked here, as the
 * engine's is (apps/engine/src/env.ts). Build-time settings stay with the build
 * (SHARDLINE_CONSOLE_STANDALONE in next.config.ts) and NODE_ENV / NEXT_RUNTIME are the
 * framework's own.
 */
const consoleEnvSchema = z.object({
  /** The Postgres database Shardline keeps its state in (checked where it is first needed). */
  DATABASE_URL: z.string().optional(),
  /** The console's public origin: requests that change things must come from it; alert notices link to it. */
  SHARDLINE_CONSOLE_ORIGIN: z
    .union([
      emptyAsNull,
      z.url({ protocol: /^https?$/, error: 'SHARDLINE_CONSOLE_ORIGIN must be an http or https URL' }),
    ])
    .nullable()
    .default(null),
  /** Believe X-Forwarded-* headers: only when a proxy in front of the console sets them. */
  SHARDLINE_TRUST_PROXY: flag('SHARDLINE_TRUST_PROXY'),
  // CIDRs the console may reach although they are link-local or metadata addresses.
  ...endpointAllowListEnvShape,
  /** The first administrator, created at start when no account exists yet. */
  SHARDLINE_ADMIN_EMAIL: z.string().optional(),
  SHARDLINE_ADMIN_PASSWORD: z.string().optional(),
  /** A shardline.yaml applied at start (docs/configuration.md). */
  SHARDLINE_CONFIG_FILE: z.string().optional(),
  SHARDLINE_CONFIG_DELETE_MISSING: flag('SHARDLINE_CONFIG_DELETE_MISSING'),
});

type ParsedEnv = z.infer<typeof consoleEnvSchema>;

export interface ConsoleEnv extends Omit<ParsedEnv, 'SHARDLINE_ENDPOINT_ALLOW_LIST'> {
  addressPolicy: AddressPolicy;
}

const VARIABLES = Object.keys(consoleEnvSchema.shape);
const SECRET_KEY_VARIABLES = ['SHARDLINE_SECRET_KEY', 'SHARDLINE_SECRET_KEY_PREVIOUS'];

// Each is parsed again only when one of its variables changed (tests set some between requests).
const holder = globalThis as {
  shardlineConsoleEnv?: { key: string; env: ConsoleEnv };
  shardlineSecretBox?: { key: string; box: SecretBox };
};

function keyOf(source: Record<string, string | undefined>, names: string[]): string {
  return JSON.stringify(names.map((name) => source[name] ?? null));
}

/** The checked configuration; throws naming every variable that is wrong. */
export function consoleEnv(source: Record<string, string | undefined> = process.env): ConsoleEnv {
  const key = keyOf(source, VARIABLES);
  if (holder.shardlineConsoleEnv?.key === key) return holder.shardlineConsoleEnv.env;
  const result = consoleEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.message}`).join('\n');
    throw new Error(`the console's configuration is not valid:\n${problems}`);
  }
  const { SHARDLINE_ENDPOINT_ALLOW_LIST: allowList, ...settings } = result.data;
  const env: ConsoleEnv = { ...settings, addressPolicy: { allowList } };
  holder.shardlineConsoleEnv = { key, env };
  return env;
}

/**
 * Encrypts AWS secrets and database passwords before they are stored, and reads them back: the
 * same key as the engine (SHARDLINE_SECRET_KEY), and during a key rotation the previous one too.
 * Kept apart from consoleEnv() so that a page needing no secret works while the key is being
 * fixed; a missing or malformed key throws naming the variable, and stops the server at start.
 */
export function secretBox(source: Record<string, string | undefined> = process.env): SecretBox {
  const key = keyOf(source, SECRET_KEY_VARIABLES);
  if (holder.shardlineSecretBox?.key === key) return holder.shardlineSecretBox.box;
  const box = secretBoxFromEnv(source);
  holder.shardlineSecretBox = { key, box };
  return box;
}

/** DATABASE_URL, or an error saying the console needs it. */
export function databaseUrl(): string {
  const url = consoleEnv().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the console needs the Shardline database');
  return url;
}
