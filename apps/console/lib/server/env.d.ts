import { type AddressPolicy, type SecretBox } from '@shardline/core';
import { z } from 'zod';

/**
 * The console server's whole configuration, read from the environment and checked here, as the
 * engine's is (apps/engine/src/env.ts). Build-time settings stay with the build
 * (SHARDLINE_CONSOLE_STANDALONE in next.config.ts) and NODE_ENV / NEXT_RUNTIME are the
 * framework's own.
 */
declare const consoleEnvSchema: z.ZodObject<
  {
    DATABASE_URL: z.ZodOptional<z.ZodString>;
    SHARDLINE_CONSOLE_ORIGIN: z.ZodDefault<
      z.ZodNullable<z.ZodUnion<readonly [z.ZodPipe<z.ZodLiteral<''>, z.ZodTransform<null, ''>>, z.ZodURL]>>
    >;
    SHARDLINE_TRUST_PROXY: z.ZodPipe<
      z.ZodDefault<
        z.ZodEnum<{
          '': '';
          true: 'true';
          false: 'false';
        }>
      >,
      z.ZodTransform<boolean, '' | 'true' | 'false'>
    >;
    SHARDLINE_ENDPOINT_ALLOW_LIST: z.ZodPipe<z.ZodDefault<z.ZodString>, z.ZodTransform<string[], string>>;
    SHARDLINE_ADMIN_EMAIL: z.ZodOptional<z.ZodString>;
    SHARDLINE_ADMIN_PASSWORD: z.ZodOptional<z.ZodString>;
    SHARDLINE_CONFIG_FILE: z.ZodOptional<z.ZodString>;
    SHARDLINE_CONFIG_DELETE_MISSING: z.ZodPipe<
      z.ZodDefault<
        z.ZodEnum<{
          '': '';
          true: 'true';
          false: 'false';
        }>
      >,
      z.ZodTransform<boolean, '' | 'true' | 'false'>
    >;
  },
  z.core.$strip
>;
type ParsedEnv = z.infer<typeof consoleEnvSchema>;
export interface ConsoleEnv extends Omit<ParsedEnv, 'SHARDLINE_ENDPOINT_ALLOW_LIST'> {
  addressPolicy: AddressPolicy;
}
/** The checked configuration; throws naming every variable that is wrong. */
export declare function consoleEnv(source?: NodeJS.ProcessEnv): ConsoleEnv;
/**
 * Encrypts AWS secrets and database passwords before they are stored, and reads them back: the
 * same key as the engine (SHARDLINE_SECRET_KEY), and during a key rotation the previous one too.
 * Kept apart from consoleEnv() so that a page needing no secret works while the key is being
 * fixed; a missing or malformed key throws naming the variable, and stops the server at start.
 */
export declare function secretBox(source?: NodeJS.ProcessEnv): SecretBox;
/** DATABASE_URL, or an error saying the console needs it. */
export declare function databaseUrl(): string;
