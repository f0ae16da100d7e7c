import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveCeilings, type MachineMeasures } from './ceilings';
import { formatResult, meetsTarget, SummaryTable } from './summary-table';

const measures: MachineMeasures = {
  postgres: {
    insert: { rowsPerSecond: 60_000, rowsPerStatement: 1_000 },
    update: { rowsPerSecond: 95_000, rowsPerStatement: 1_000 },
    delete: { rowsPerSecond: 700_000, rowsPerStatement: 5_000 },
  },
  http: { requestsPerSecond: 8_000, inFlight: 4, p50Ms: 0.25, p99Ms: 0.9 },
};

describe('SummaryTable', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints each result with its share of the ceiling beside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = new SummaryTable(deriveCeilings(measures));
    table.add({
      run: 'delivery: backlog',
      measure: 'throughput',
      value: 29_180,
      unit: 'msg/s',
      target: { kind: 'at least', value: 20_000, unit: 'msg/s' },
      compareWith: table.ceilings.store,
      peakMiB: 213,
    });
    table.add({ run: 'delivery: backlog', measure: 'memory', value: 246, unit: 'MiB' });
    const [header, , first, second] = table.render();
    expect(header).toBe('| run | measure | result | against the ceiling | target | met | engine peak RSS |');
    expect(first).toBe(
      '| delivery: backlog | throughput | 29,180 msg/s | 84 % of store ceiling | ≥ 20,000 msg/s | yes | 213 MiB |',
    );
    expect(second).toBe('| delivery: backlog | memory | 246 MiB | — | — | — |  |');
  });

  it('marks a run stopped at its deadline as more than what it reached, and missed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = new SummaryTable(deriveCeilings(measures));
    table.add({
      run: 'throttled',
      measure: 'drain time',
      value: 90,
      unit: 's',
      digits: 1,
      lowerBound: true,
      target: { kind: 'at most', value: 34.5, unit: 's', digits: 1 },
      compareWith: { name: 'backlog / capacity', value: 30, unit: 's', as: 'multiple' },
    });
    expect(table.render()[2]).toBe(
      '| throttled | drain time | > 90.0 s | > 3.0 × backlog / capacity | ≤ 34.5 s | **no** |  |',
    );
    expect(table.missed().map((row) => row.measure)).toEqual(['drain time']);
  });
});

describe('meetsTarget', () => {
  const atMost = { kind: 'at most', value: 1_000, unit: 'ms' } as const;
  const atLeast = { kind: 'at least', value: 450, unit: 'msg/s' } as const;

  it('compares a result with its bound', () => {
    expect(meetsTarget({ value: 999 }, atMost)).toBe(true);
    expect(meetsTarget({ value: 1_001 }, atMost)).toBe(false);
    expect(meetsTarget({ value: 450 }, atLeast)).toBe(true);
    expect(meetsTarget({ value: 449 }, atLeast)).toBe(false);
  });

  it('never counts a lower bound as under an upper target, but may count it over a lower one', () => {
    expect(meetsTarget({ value: 500, lowerBound: true }, atMost)).toBe(false);
    expect(meetsTarget({ value: 500, lowerBound: true }, atLeast)).toBe(true);
  });

  it('misses a result that could not be measured', () => {
    expect(meetsTarget({ value: Number.NaN }, atLeast)).toBe(false);
    expect(meetsTarget({ value: Number.NaN }, atMost)).toBe(false);
  });
});

describe('formatResult', () => {
  it('writes the figure with its unit and decimals', () => {
    expect(formatResult({ value: 1234.56, unit: 'ms', digits: 1 })).toBe('1,234.6 ms');
    expect(formatResult({ value: 61.04, unit: 's', digits: 1, lowerBound: true })).toBe('> 61.0 s');
  });
});
