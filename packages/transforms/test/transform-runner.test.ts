import { afterEach, describe, expect, it } from 'vitest';
import { TransformRunner } from '../src/worker/transform-runner';

let runner: TransformRunner;
afterEach(() => runner?.close());

const messages = (count: number) =>
  Array.from({ length: count }, (_, id) => JSON.stringify({ record: { id, note: 'x' }, action: 'insert' }));

describe('the transform worker', () => {
  it('runs a transform on a worker thread and answers in order', async () => {
    runner = new TransformRunner();
    const outcome = await runner.run(
      't:1',
      { kind: 'code', source: '(m) => ({ id: m.record.id })' },
      messages(3),
      1_000,
    );
    expect(outcome).toEqual({
      ok: true,
      results: [0, 1, 2].map((id) => ({ ok: true, payloadJson: JSON.stringify({ id }) })),
    });
  });

  it('reports code that does not compile', async () => {
    runner = new TransformRunner();
    const outcome = await runner.run('t:2', { kind: 'code', source: '(m) => {' }, messages(1), 1_000);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.compileError).toMatch(/does not compile: SyntaxError/);
  });

  it('keeps the event loop free while a transform loops, and defers what the budget leaves', async () => {
    runner = new TransformRunner();
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const outcome = await runner.run(
      't:3',
      { kind: 'code', source: '(m) => { for (;;) {} }' },
      messages(40),
      200,
    );
    running = false;
    // About 200 ms of looping on the worker, while this thread went round its loop many times.
    expect(ticks).toBeGreaterThan(20);
    if (!outcome.ok) throw new Error(outcome.compileError);
    const failed = outcome.results.filter((result) => result.ok === false);
    const deferred = outcome.results.filter((result) => result.ok === 'deferred');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.every((result) => result.ok === false && /ran longer than 50 ms/.test(result.error))).toBe(
      true,
    );
    expect(deferred.length).toBeGreaterThan(20);
    expect(failed.length + deferred.length).toBe(40);
    // The deferred ones come last: the order of a group's messages is kept.
    expect(outcome.results.slice(failed.length).every((result) => result.ok === 'deferred')).toBe(true);
  });

  it('runs on several threads: a transform that loops holds one, and another request is answered meanwhile', async () => {
    runner = new TransformRunner({ threads: 2 });
    let loopingDone = false;
    const looping = runner
      .run('t:5', { kind: 'code', source: '(m) => { for (;;) {} }' }, messages(40), 2_000)
      .finally(() => {
        loopingDone = true;
      });
    const quick = await runner.run('t:6', { kind: 'code', source: '(m) => m.record.id' }, messages(2), 1_000);
    expect(quick).toEqual({ ok: true, results: [0, 1].map((id) => ({ ok: true, payloadJson: String(id) })) });
    expect(loopingDone).toBe(false);
    await looping;
  });

  it('refuses a thread count that is not a whole number of at least one', () => {
    expect(() => new TransformRunner({ threads: 0 })).toThrow(/at least 1 \(got 0\)/);
  });

  it('refuses the requests it still holds when it closes, instead of leaving them waiting', async () => {
    runner = new TransformRunner();
    const held = runner.run('t:4', { kind: 'code', source: '(m) => { for (;;) {} }' }, messages(5), 5_000);
    const refused = expect(held).rejects.toThrow(/the transform runner closed/);
    await runner.close();
    await refused;
    await expect(runner.run('t:4', { kind: 'path', path: 'record' }, messages(1), 1_000)).rejects.toThrow(
      /closed/,
    );
  });
});
