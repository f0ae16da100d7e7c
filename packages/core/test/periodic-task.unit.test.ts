import { describe, expect, it } from 'vitest';
import { startPeriodicTask } from '../src';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodicTask', () => {
  it('runs at once and then every interval, never two runs at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = startPeriodicTask({
      intervalMs: 10,
      run: async () => {
        running++;
        most = Math.max(most, running);
        runs++;
        await sleep(35);
        running--;
      },
      onError: () => {},
    });
    await sleep(200);
    await task.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
  });

  it('runs once more after the run under way when asked to run now', async () => {
    const seen: number[] = [];
    let value = 0;
    const task = startPeriodicTask({
      intervalMs: 60_000,
      run: async () => {
        const read = value;
        await sleep(30);
        seen.push(read);
      },
      onError: () => {},
    });
    value = 1; // changed while the first run is under way: it read 0
    await Promise.all([task.runNow(), task.runNow()]);
    await task.stop();
    expect(seen).toEqual([0, 1]);
  });

  it('reports a failing run and keeps going; stop waits for the run under way', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    let finished = false;
    const task = startPeriodicTask({
      intervalMs: 5,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('the first run fails');
        await sleep(40);
        finished = true;
      },
      onError: (error) => errors.push(error),
    });
    await sleep(20);
    await task.stop();
    expect(finished).toBe(true);
    expect(errors).toEqual([new Error('the first run fails')]);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after);
  });
});
