import type { Counter, Gauge, Histogram, Registry } from 'prom-client';

type MetricClass = typeof Counter | typeof Gauge | typeof Histogram;

/**
 * The metric called `name` on `registry`, created by `create` the first time. Registering a
 * name twice throws in prom-client; engines started twice in one process (tests), or a module
 * loaded twice by a bundler, share the one already there instead.
 */
export function registeredMetric<C extends MetricClass>(
  registry: Registry,
  kind: C,
  name: string,
  create: () => InstanceType<C>,
): InstanceType<C> {
  const existing = registry.getSingleMetric(name);
  if (!existing) return create();
  if (!(existing instanceof kind)) {
    throw new Error(`the metric ${name} is registered already, as another kind of metric`);
  }
  return existing as InstanceType<C>;
}
