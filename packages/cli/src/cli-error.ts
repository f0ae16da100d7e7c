/** Exit codes, as scripts read them (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The API refused, or the console could not be reached: the message says why. */
  failed: 1,
  /** The command line itself is wrong: an unknown command, a missing argument. */
  usage: 2,
  /** The person answered no to a confirmation. */
  declined: 3,
} as const;

/** A failure worded for the person at the terminal; main prints it and exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failed,
    /** The API's error body, printed whole with --json. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
