import { defaultReplicationName } from '@shardline/db';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkNames } from './check-names';
import { type ConfigError, type ConfigPath, formatPath } from './config-error';
import { CODE_FIELDS, type Configuration, configFileSchema, SECRET_FIELDS } from './config-schema';
import { substitute, wholeReference } from './references';

export type ParsedConfig =
  | {
      ok: true;
      configuration: Configuration;
      /** The variable each secret came from, by the secret's path (`sinks.orders.secretAccessKey`). */
      secretVariables: Record<string, string>;
      /** A problem found later (applying it) at `path`, with the line it is on. */
      locate: (path: ConfigPath, message: string) => ConfigError;
    }
  | { ok: false; errors: ConfigError[] };

/**
 * Reads `shardline.yaml`: YAML, then references replaced by `variables`' values (secrets must be
 * references), then the fields' rules, then the names (unique, and each sink's source and
 * transform defined in the file). Every problem found is returned with its line.
 */
export function parseConfig(
  text: string,
  variables: Readonly<Record<string, string | undefined>>,
): ParsedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        line: error.linePos?.[0].line ?? null,
        column: error.linePos?.[0].col ?? null,
        path: '',
        message: firstLine(error.message),
      })),
    };
  }
  const at = locator(document, lineCounter);
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) {
    return { ok: false, errors: [at([], 'the file is empty: it needs at least `version: 1`')] };
  }

  const errors: ConfigError[] = [];
  const secretVariables: Record<string, string> = {};
  const resolved = resolveReferences(raw, [], variables, {
    onMissing: (path, names) =>
      errors.push(
        at(
          path,
          `the environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not set`,
        ),
      ),
    onLiteralSecret: (path, field) =>
      errors.push(
        at(
          path,
          `${field} is a secret: write it as a reference to an environment variable, such as \${${field.toUpperCase()}}, never as the value itself`,
        ),
      ),
    onSecret: (path, name) => {
      secretVariables[secretKey(raw, path)] = name;
    },
  });
  if (errors.length > 0) return { ok: false, errors };

  const parsed = configFileSchema.safeParse(resolved);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((issue) => issueError(issue, at)) };
  const nameErrors = checkNames(parsed.data).map(({ path, message }) => at(path, message));
  if (nameErrors.length > 0) return { ok: false, errors: nameErrors };
  const derived = withReplicationNames(parsed.data);
  if ('path' in derived) return { ok: false, errors: [at(derived.path, derived.message)] };
  return { ok: true, configuration: derived, secretVariables, locate: at };
}

/**
 * Each source's publication and slot names, derived from its name when the file leaves them out
 * (as the API does), so that a file and the instance it was exported from compare equal.
 */
function withReplicationNames(
  configuration: Configuration,
): Configuration | { path: ConfigPath; message: string } {
  const sources = [];
  for (const [index, source] of configuration.sources.entries()) {
    const derived = defaultReplicationName(source.name);
    const publicationName = source.publicationName ?? derived;
    const slotName = source.slotName ?? derived;
    if (!publicationName || !slotName) {
      return {
        path: ['sources', index, publicationName ? 'slotName' : 'publicationName'],
        message: 'the name has no letter or digit to derive one from: give publicationName and slotName',
      };
    }
    sources.push({ ...source, publicationName, slotName });
  }
  return { ...configuration, sources };
}

type Locate = (path: ConfigPath, message: string) => ConfigError;

/** A problem at `path`, on the line of the closest node of the document that exists. */
function locator(document: Document, lineCounter: LineCounter): Locate {
  return (path, message) => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col, path: formatPath(path), message };
      }
    }
    return { line: null, column: null, path: formatPath(path), message };
  };
}

function issueError(issue: z.core.$ZodIssue, at: Locate): ConfigError {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    const known = issue.keys.length === 1 ? 'is not a field here' : 'are not fields here';
    return at(
      key === undefined ? path : [...path, key],
      `${issue.keys.map((name) => `"${name}"`).join(', ')} ${known}`,
    );
  }
  return at(path, issue.message);
}

interface ResolveHandlers {
  onMissing(path: ConfigPath, names: string[]): void;
  onLiteralSecret(path: ConfigPath, field: string): void;
  onSecret(path: ConfigPath, variable: string): void;
}

/** The document with references replaced, code fields kept as written, secrets checked. */
function resolveReferences(
  value: unknown,
  path: ConfigPath,
  variables: Readonly<Record<string, string | undefined>>,
  handlers: ResolveHandlers,
): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => resolveReferences(item, [...path, index], variables, handlers));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        resolveReferences(item, [...path, key], variables, handlers),
      ]),
    );
  }
  if (typeof value !== 'string') return value;
  const field = fieldOf(path);
  if (field && isIn(CODE_FIELDS, field)) return value;
  if (field && isIn(SECRET_FIELDS, field)) {
    const variable = wholeReference(value);
    if (variable === null) {
      handlers.onLiteralSecret(path, field.name);
      return value;
    }
    handlers.onSecret(path, variable);
    // A variable set to nothing means no secret (a password-less connection), not an empty one.
    if (variables[variable] === '') return null;
  }
  const substituted = substitute(value, variables);
  if ('missing' in substituted) {
    handlers.onMissing(path, substituted.missing);
    return value;
  }
  return substituted.value;
}

/** `{ kind: 'sinks', name: 'secretAccessKey' }` for `sinks[2].secretAccessKey`; null deeper or higher. */
function fieldOf(path: ConfigPath): { kind: string; name: string } | null {
  // The alert settings are one object, not a list: `alerts.webhookUrl`.
  if (path.length === 2 && path[0] === 'alerts' && typeof path[1] === 'string')
    return { kind: 'alerts', name: path[1] };
  const [kind, index, name] = path;
  if (
    path.length !== 3 ||
    typeof kind !== 'string' ||
    typeof index !== 'number' ||
    typeof name !== 'string'
  ) {
    return null;
  }
  return { kind, name };
}

function isIn(
  fields: Readonly<Record<string, readonly string[]>>,
  field: { kind: string; name: string },
): boolean {
  return fields[field.kind]?.includes(field.name) ?? false;
}

/** `sinks.orders.secretAccessKey`: a secret's place by the name of what holds it, not its index. */
function secretKey(raw: unknown, path: ConfigPath): string {
  if (path.length === 2) return path.join('.');
  const [kind, index, field] = path;
  const list = (raw as Record<string, unknown>)[kind as string];
  const owner = Array.isArray(list) ? (list[index as number] as { name?: unknown }) : undefined;
  return `${String(kind)}.${String(owner?.name)}.${String(field)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
