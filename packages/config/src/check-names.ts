import { checkSinkTables } from '@shardline/db';
import type { ConfigPath } from './config-error';
import type { Configuration } from './config-schema';

/**
 * The rules between entries: names unique per kind (they are how apply matches the file to the
 * instance), and every name a sink gives (its source, its transform) defined in the file.
 */
export function checkNames(configuration: Configuration): { path: ConfigPath; message: string }[] {
  const problems: { path: ConfigPath; message: string }[] = [];
  const kinds = [
    ['sources', 'source'],
    ['transforms', 'transform'],
    ['sinks', 'sink'],
  ] as const;
  for (const [kind, singular] of kinds) {
    const seen = new Map<string, number>();
    configuration[kind].forEach((entry, index) => {
      const first = seen.get(entry.name);
      if (first !== undefined) {
        problems.push({
          path: [kind, index, 'name'],
          message: `the ${singular} name "${entry.name}" is used twice (also ${kind}[${first}]): names must be unique`,
        });
      } else seen.set(entry.name, index);
    });
  }
  const sources = new Set(configuration.sources.map((source) => source.name));
  const transforms = new Set(configuration.transforms.map((transform) => transform.name));
  configuration.sinks.forEach((sink, index) => {
    const tablesIssue = checkSinkTables({ sourceId: sink.source, tables: sink.tables });
    if (tablesIssue)
      problems.push({ path: ['sinks', index, ...tablesIssue.path], message: tablesIssue.message });
    if (sink.source && !sources.has(sink.source)) {
      problems.push({
        path: ['sinks', index, 'source'],
        message: `no source is named "${sink.source}" in the file${namesHint(sources)}`,
      });
    }
    if (sink.transform && !transforms.has(sink.transform)) {
      problems.push({
        path: ['sinks', index, 'transform'],
        message: `no transform is named "${sink.transform}" in the file${namesHint(transforms)}`,
      });
    }
  });
  return problems;
}

function namesHint(names: Set<string>): string {
  return names.size === 0 ? '' : ` (it has ${[...names].map((name) => `"${name}"`).join(', ')})`;
}
