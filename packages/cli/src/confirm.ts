import { confirm as ask } from '@inquirer/prompts';
import { CliError, EXIT } from './cli-error';

/**
 * Asks before something that cannot be taken back. `--yes` answers for scripts; without a
 * terminal to ask at, the command refuses rather than guess.
 */
export async function confirm(question: string, options: { yes: boolean }): Promise<void> {
  if (options.yes) return;
  if (!process.stdin.isTTY) {
    throw new CliError(
      `${question} Not asked: no terminal to answer at. Pass --yes to go ahead.`,
      EXIT.declined,
    );
  }
  const yes = await ask({ message: question, default: false }, { output: process.stderr });
  if (!yes) throw new CliError('nothing was done', EXIT.declined);
}
