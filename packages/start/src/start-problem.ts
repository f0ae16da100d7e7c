/**
 * Something on this machine keeps Shardline from starting, with the command that fixes it. npm
 * start prints both and exits, instead of a stack trace from deep inside a driver.
 */
export class StartProblem extends Error {
  override readonly name = 'StartProblem';

  constructor(
    message: string,
    /** What to run or change, as a person would type it. */
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
