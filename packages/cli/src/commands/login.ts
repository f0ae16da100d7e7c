import type { Argv } from 'yargs';
import { answer, apiClient } from '../api/client';
import { CliError } from '../cli-error';
import { credentialsPath, forgetCredentials, saveCredentials } from '../credentials';
import { readSecretLine } from '../read-secret';

export function loginCommands(cli: Argv<{ json: boolean; url?: string; token?: string }>) {
  return cli
    .command(
      'login',
      'Save the console address and an API token (from the Access page) for the next commands',
      (command) =>
        command
          .option('url', {
            type: 'string',
            demandOption: true,
            describe: 'The console, such as http://localhost:3000',
          })
          .option('token', {
            type: 'string',
            describe: 'The API token; read from the terminal (or standard input) when left out',
          }),
      async (argv) => {
        const url = argv.url.replace(/\/+$/, '');
        const token = argv.token ?? (await readSecretLine('API token: '));
        if (!token) throw new CliError('no token given: create one on the Access page of the console');
        const credentials = { url, token };
        const { account } = await answer<{ account: { email: string; role: string } }>(
          apiClient(credentials).GET('/api/v1/session'),
          credentials,
        );
        const path = await saveCredentials(credentials);
        process.stdout.write(
          argv.json
            ? `${JSON.stringify({ url, account, saved: path }, null, 2)}\n`
            : `Logged in to ${url} as ${account.email} (${account.role}). Saved in ${path}.\n`,
        );
      },
    )
    .command('logout', 'Forget the saved console address and token', {}, async () => {
      await forgetCredentials();
      process.stdout.write(`Removed ${credentialsPath()}.\n`);
    });
}
