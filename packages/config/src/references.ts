/**
 * `${NAME}` in a configuration file: the value of the environment variable NAME where the file is
 * applied. Secrets are only ever written this way; other values may be, to vary by environment.
 */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const WHOLE_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The variables named in `text`, in order of appearance, each once. */
export function referencedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(REFERENCE)].map((match) => match[1] as string))];
}

/** The variable `value` is exactly a reference to, or null when it is anything else. */
export function wholeReference(value: string): string | null {
  return WHOLE_REFERENCE.exec(value)?.[1] ?? null;
}

export function reference(name: string): string {
  return `\${${name}}`;
}

/**
 * `text` with every reference replaced by its variable's value; the names without a value are
 * returned instead when there are any.
 */
export function substitute(
  text: string,
  variables: Readonly<Record<string, string | undefined>>,
): { value: string } | { missing: string[] } {
  const missing = referencedVariables(text).filter((name) => variables[name] === undefined);
  if (missing.length > 0) return { missing };
  return { value: text.replace(REFERENCE, (_, name: string) => variables[name] as string) };
}

/** An environment variable name for a secret of a named thing: `SOURCE_SHOP_EU_PASSWORD`. */
export function variableNameFor(kind: string, name: string, field: string): string {
  const words = (text: string) =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase();
  return [words(kind), words(name), words(field)].filter(Boolean).join('_');
}
