import { createRequire } from 'node:module';
import yargs from 'yargs';
import { CliError, EXIT } from './cli-error';
import { alertCommands } from './commands/alerts';
import { backfillCommands } from './commands/backfill';
import { configCommands } from './commands/config';
import { loginCommands } from './commands/login';
import { messageCommands } from './commands/messages';
import { sinkCommands } from './commands/sinks';

/**
 * `shardline`: the REST API from a shell (docs/cli.md). Every command has --help; --json prints
 * what the API answered, for scripts; failures exit non-zero with the API's own words.
 */
export async function main(args: string[]): Promise<void> {
  let cli = yargs(args)
    .scriptName('shardline')
    .version(createRequire(import.meta.url)('../package.json').version as string)
    .usage(
      '$0 <command>\n\nShardline from a shell: configuration as code, sinks, messages, backfills and alerts.',
    )
    .option('url', {
      type: 'string',
      global: true,
      describe: 'The console (default: SHARDLINE_URL, or what login saved)',
    })
    .option('token', {
      type: 'string',
      global: true,
      describe: 'An API token (default: SHARDLINE_TOKEN, or what login saved)',
    })
    .option('json', { type: 'boolean', default: false, global: true, describe: 'Print JSON, for scripts' });
  cli = loginCommands(cli) as typeof cli;
  cli = configCommands(cli) as typeof cli;
  cli = sinkCommands(cli) as typeof cli;
  cli = messageCommands(cli) as typeof cli;
  cli = backfillCommands(cli) as typeof cli;
  cli = alertCommands(cli) as typeof cli;
  await cli
    .completion('completion', 'Print the shell completion script: shardline completion >> ~/.bashrc')
    .demandCommand(1, 'say what to do: shardline --help lists the commands')
    .strict()
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      if (error instanceof CliError) {
        process.stderr.write(`shardline: ${error.message}\n`);
        if (args.includes('--json') && error.body)
          process.stdout.write(`${JSON.stringify(error.body, null, 2)}\n`);
        process.exit(error.code);
      }
      if (error) {
        process.stderr.write(`shardline: ${error.message}\n`);
        process.exit(EXIT.failed);
      }
      process.stderr.write(
        `shardline: ${message}\nRun shardline --help for the commands and their options.\n`,
      );
      process.exit(EXIT.usage);
    })
    .parseAsync();
}
