/** One thing wrong with a configuration file, located for the person who wrote it. */
export interface ConfigError {
  /** 1-based; null when the problem is the file as a whole. */
  line: number | null;
  column: number | null;
  /** Where in the file's structure, such as `sinks[0].tables[1].name`; empty for the whole file. */
  path: string;
  message: string;
}

export type ConfigPath = ReadonlyArray<string | number>;

export function formatPath(path: ConfigPath): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/** `line 12, sinks[0].streamArn: …`: how a problem is said in the command line and the API's message. */
export function describeConfigError(error: ConfigError): string {
  const where = [error.line === null ? null : `line ${error.line}`, error.path || null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${error.message}` : error.message;
}

/** Thrown by apply and plan when the file cannot be used: every problem, nothing applied. */
export class InvalidConfigError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(
      `the configuration file is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}): ${errors
        .map(describeConfigError)
        .join('; ')}`,
    );
    this.name = 'InvalidConfigError';
  }
}
