const FUNCTION_DECLARATION = /^(async\s+)?function\b/;

/**
 * Users write either an expression (`(message) => …`), whose value a script evaluates to, or a
 * declaration (`function transform(message) { … }`), which evaluates to nothing; wrapping the
 * declaration in parentheses turns it into an expression. The opening parenthesis shares the first
 * line, so line numbers in errors match what the user wrote.
 */
export function prepareSource(source: string): string {
  if (!FUNCTION_DECLARATION.test(source.trim())) return source;
  return `(${source.replace(/[\s;]+$/, '')}\n)`;
}
