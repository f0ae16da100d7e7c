/**
 * Why `condition` cannot be a backfill's row condition, or null when its shape is fine. The
 * condition is pasted into the page's SQL inside parentheses, so it must be one expression that
 * cannot leave them: outside string literals and quoted identifiers it may not hold a `;`, a
 * comment (which could hide the closing parenthesis), a parenthesis closed before it opened, a
 * parameter (`$1`, which would read the page's own values) or a subquery. Postgres then checks
 * the rest (columns, types, that it is boolean) when the condition is tried on the source.
 *
 * The scan follows Postgres' lexer with standard_conforming_strings on, which the backfill's
 * sessions set: '…' with '' inside, E'…' with backslash escapes, "…" with "" inside, $tag$…$tag$.
 */
export function conditionSyntaxProblem(condition: string): string | null {
  const text = condition.trim();
  if (!text) return 'the condition is empty: give a boolean SQL expression, or leave it out';
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    if (char === "'") {
      const end = endOfString(text, index, isEscapeString(text, index));
      if (end < 0) return 'a string literal is not closed: end it with a quote (write a quote inside as two)';
      index = end + 1;
      continue;
    }
    if (char === '"') {
      const end = endOfQuoted(text, index, '"');
      if (end < 0) return 'a quoted identifier is not closed: end it with a double quote';
      index = end + 1;
      continue;
    }
    if (char === '$') {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(index));
      if (tag && !isIdentifierChar(text[index - 1])) {
        const end = text.indexOf(tag[0], index + tag[0].length);
        if (end < 0) return `a dollar-quoted string is not closed: end it with ${tag[0]}`;
        index = end + tag[0].length;
        continue;
      }
      if (/\d/.test(next) && !isIdentifierChar(text[index - 1])) {
        return 'parameters ($1, $2…) cannot be used in a condition: write the values themselves';
      }
    }
    if (char === ';') return 'a condition is one expression: remove the ";" (one statement runs, never two)';
    if ((char === '-' && next === '-') || (char === '/' && next === '*')) {
      return 'comments cannot be used in a condition: remove the "--" or "/*"';
    }
    if (char === '(') depth += 1;
    if (char === ')') {
      depth -= 1;
      if (depth < 0) return 'a ")" closes a parenthesis that was never opened';
    }
    if (/[A-Za-z_]/.test(char) && !isIdentifierChar(text[index - 1])) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(index))?.[0] ?? char;
      if (word.toLowerCase() === 'select') {
        return "a condition is an expression over the table's own columns: subqueries (SELECT) cannot be used";
      }
      index += word.length;
      continue;
    }
    index += 1;
  }
  if (depth > 0) return `${depth} "(" ${depth === 1 ? 'is' : 'are'} not closed`;
  return null;
}

/** E'…' (or e'…'): the quote follows a lone E, not the end of a longer identifier. */
function isEscapeString(text: string, quote: number): boolean {
  const before = text[quote - 1];
  return (before === 'E' || before === 'e') && !isIdentifierChar(text[quote - 2]);
}

/** Index of the closing quote of the string opening at `start`, or -1. */
function endOfString(text: string, start: number, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (backslashEscapes && char === '\\') {
      index += 2;
      continue;
    }
    if (char === "'") {
      if (text[index + 1] === "'") {
        index += 2;
        continue;
      }
      return index;
    }
    index += 1;
  }
  return -1;
}

/** Index of the closing `quote` (doubled inside) of the quoted text opening at `start`, or -1. */
function endOfQuoted(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === quote) {
      if (text[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index;
    }
    index += 1;
  }
  return -1;
}

function isIdentifierChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(char);
}
