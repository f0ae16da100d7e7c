import { type ApiClient, apiClient } from './api/client';
import { type Credentials, resolveCredentials } from './credentials';
import { type Output, stdoutOutput } from './output';

/** The options every command takes. */
export interface GlobalOptions {
  url?: string;
  token?: string;
  json: boolean;
}

/** What a command that talks to the console works with. */
export interface CommandContext {
  credentials: Credentials;
  api: ApiClient;
  out: Output;
}

export async function commandContext(options: GlobalOptions): Promise<CommandContext> {
  const credentials = await resolveCredentials(options);
  return { credentials, api: apiClient(credentials), out: stdoutOutput(options.json) };
}
