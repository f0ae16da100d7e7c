import type { PgTypeInfo } from './pg-type-info';

// Enough of the text to recognise a format problem without copying a whole row value into logs.
const SHOWN_TEXT_LENGTH = 40;

/**
 * A column's text is not in the form the session settings promise (or a tuple does not match its
 * relation). Thrown rather than passed on as a string, so a consumer never sees a value change type.
 */
export class ValueDecodeError extends Error {
  override readonly name = 'ValueDecodeError';
  constructor(
    message: string,
    readonly typeName: string,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  static forText(type: PgTypeInfo, text: string, expected: string): ValueDecodeError {
    const shown = text.length > SHOWN_TEXT_LENGTH ? `${text.slice(0, SHOWN_TEXT_LENGTH)}…` : text;
    return new ValueDecodeError(
      `cannot decode ${JSON.stringify(shown)} as ${type.name}: expected ${expected}`,
      type.name,
    );
  }

  /** The same failure, now naming the column it happened in. */
  inColumn(column: string): ValueDecodeError {
    return new ValueDecodeError(`column ${column}: ${this.message}`, this.typeName, column, { cause: this });
  }
}
