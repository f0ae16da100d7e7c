/** One sample of a Prometheus text exposition: `name{label="value",…} value`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a /metrics answer (comments and blank lines left out). */
export function parsePrometheusText(text: string): PrometheusSample[] {
  return text.split('\n').flatMap((line) => {
    if (line.startsWith('#')) return [];
    const match = SAMPLE.exec(line);
    if (!match) return [];
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) {
      if (key)
        labels[key] = (value ?? '').replace(/\\(.)/g, (_, escaped: string) =>
          escaped === 'n' ? '\n' : escaped,
        );
    }
    return [{ name: match[1] as string, labels, value: Number(match[3]) }];
  });
}

/**
 * The value of the one sample called `name` whose labels include `labels`; undefined when there
 * is none, and an error when several match (the test should name more labels).
 */
export function sampleValue(
  samples: PrometheusSample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const matching = samples.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (matching.length > 1) {
    throw new Error(
      `${matching.length} samples of ${name} match ${JSON.stringify(labels)}: name more labels`,
    );
  }
  return matching[0]?.value;
}
