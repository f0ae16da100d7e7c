/** Why the local Postgres cannot run, and what the person at the keyboard can do about it. */
export class LocalPostgresProblem extends Error {
  override readonly name = 'LocalPostgresProblem';

  constructor(
    message: string,
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
