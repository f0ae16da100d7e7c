import { describe, expect, it } from 'vitest';
import { deriveCeilings, describeCeilings, type MachineMeasures, relativeFigure } from './ceilings';

const measures: MachineMeasures = {
  postgres: {
    insert: { rowsPerSecond: 60_000, rowsPerStatement: 1_000 },
    update: { rowsPerSecond: 95_000, rowsPerStatement: 1_000 },
    delete: { rowsPerSecond: 700_000, rowsPerStatement: 5_000 },
  },
  http: { requestsPerSecond: 8_000, inFlight: 4, p50Ms: 0.25, p99Ms: 0.9 },
};

describe('deriveCeilings', () => {
  it('charges a message one insert, one update and one delete', () => {
    const { store } = deriveCeilings(measures);
    // 1 / (1/60,000 + 1/95,000 + 1/700,000)
    expect(store.value).toBeCloseTo(34_938.7, 0);
    expect(store.unit).toBe('msg/s');
  });

  it('puts the latency floor at a 1,000-row insert, a 1,000-row update and a round trip', () => {
    const { latencyFloor } = deriveCeilings(measures);
    // 16.67 ms + 10.53 ms + 0.25 ms
    expect(latencyFloor.value).toBeCloseTo(27.443, 3);
  });

  it('moves with the machine: twice as fast a machine has twice the ceilings', () => {
    const twice: MachineMeasures = {
      postgres: {
        insert: { rowsPerSecond: 120_000, rowsPerStatement: 1_000 },
        update: { rowsPerSecond: 190_000, rowsPerStatement: 1_000 },
        delete: { rowsPerSecond: 1_400_000, rowsPerStatement: 5_000 },
      },
      http: { ...measures.http, p50Ms: 0.125 },
    };
    const slow = deriveCeilings(measures);
    const fast = deriveCeilings(twice);
    expect(fast.store.value / slow.store.value).toBeCloseTo(2, 6);
    expect(slow.latencyFloor.value / fast.latencyFloor.value).toBeCloseTo(2, 6);
  });
});

describe('relativeFigure', () => {
  const { store, latencyFloor } = deriveCeilings(measures);

  it('gives a throughput as a share of the store ceiling', () => {
    expect(relativeFigure(29_180, store)).toBe('84 % of store ceiling');
    expect(relativeFigure(500, store)).toBe('1.4 % of store ceiling');
  });

  it('gives a latency as a multiple of the latency floor', () => {
    expect(relativeFigure(77, latencyFloor)).toBe('2.8 × latency floor');
    expect(relativeFigure(1_000, latencyFloor)).toBe('36 × latency floor');
  });

  it('says nothing for a result that was not measured', () => {
    expect(relativeFigure(Number.NaN, store)).toBe('—');
    expect(relativeFigure(10, { ...store, value: 0 })).toBe('—');
  });
});

describe('describeCeilings', () => {
  it('names every measured rate and the derived ceilings, for the machine line', () => {
    const line = describeCeilings(measures, deriveCeilings(measures));
    expect(line).toContain('INSERT 60,000 rows/s (1,000 a statement, 16.7 ms)');
    expect(line).toContain('UPDATE 95,000 rows/s');
    expect(line).toContain('DELETE 700,000 rows/s (5,000 a statement, 7.1 ms)');
    expect(line).toContain('p50 0.25 ms / p99 0.90 ms one at a time, 8,000 requests/s with 4 in flight');
    expect(line).toContain('store ceiling 34,939 msg/s, latency floor 27.4 ms.');
  });
});
