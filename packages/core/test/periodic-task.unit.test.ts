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

  it('stopped during a slow run, waits for it, and starts no run after it', async () => {
    const events: string[] = [];
    let release = () => {};
    let runs = 0;
    const task = startPeriodicTask({
      intervalMs: 5,
      run: async () => {
        runs++;
        events.push('run started');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        events.push('run ended');
      },
      onError: () => {},
    });
    const asked = task.runNow(); // would run again right after the slow run, were it not stopped
    const stopped = task.stop().then(() => events.push('stopped'));
    await sleep(30); // ticks come and go while the run is under way
    expect(events).toEqual(['run started']);
    release();
    await Promise.all([stopped, asked]);
    await sleep(30);
    expect(events).toEqual(['run started', 'run ended', 'stopped']);
    expect(runs).toBe(1);
    await task.runNow();
    expect(runs).toBe(1);
  });

  it('tells the run under way that it should end early when stopped', async () => {
    let sawStop = false;
    const task = startPeriodicTask({
      intervalMs: 60_000,
      run: async (signal) => {
        while (!signal.aborted) await sleep(2);
        sawStop = true;
      },
      onError: () => {},
    });
    await sleep(10);
    await task.stop();
    expect(sawStop).toBe(true);
  });

  it('waits for the first tick or runNow when not asked to run at start', async () => {
    let runs = 0;
    const task = startPeriodicTask({
      intervalMs: 40,
      runAtStart: false,
      run: async () => {
        runs++;
      },
      onError: () => {},
    });
    expect(runs).toBe(0);
    await task.runNow();
    expect(runs).toBe(1);
    await sleep(60);
    expect(runs).toBe(2);
    await task.stop();
  });

  it('reports a run that throws before it awaits anything', async () => {
    const errors: unknown[] = [];
    const task = startPeriodicTask({
      intervalMs: 60_000,
      run: () => {
        throw new Error('thrown at once');
      },
      onError: (error) => errors.push(error),
    });
    await task.stop();
    expect(errors).toEqual([new Error('thrown at once')]);
  });
});
