import { secretBoxFromEnv } from '@shardline/core';

/** Stops the server, naming the variable, when the encryption key is missing or malformed. */
export function checkConfiguration(): void {
  try {
    secretBoxFromEnv(process.env);
  } catch (error) {
    console.error(`the console's configuration is not valid:\n${(error as Error).message}`);
    process.exit(1);
  }
}
