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
    expect(outcome).toMatchObject({
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
    expect(quick).toMatchObject({
      ok: true,
      results: [0, 1].map((id) => ({ ok: true, payloadJson: String(id) })),
    });
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

  it('ends a thread stuck in a native call past its deadline, fails that message and replaces the thread', async () => {
    runner = new TransformRunner({ threads: 1 });
    // Each split/reverse/join is one native call of about 200 ms, and 50 of them make too few
    // jumps for QuickJS to consult its interrupt handler: only the thread's end stops it.
    const stuck = {
      kind: 'code' as const,
      source: `(m) => { const s = 'ab'.repeat(4e5); let n = 0; for (let i = 0; i < 50; i++) n += s.split('').reverse().join('').length; return n }`,
    };
    const started = performance.now();
    const held = runner.run('stuck:1', stuck, messages(3), 1_000);
    // Queued behind it on the same thread: answered by the thread that replaces it.
    const queued = runner.run('quick:1', { kind: 'code', source: '(m) => m.record.id' }, messages(2), 1_000);
    const outcome = await held;
    const tookMs = performance.now() - started;
    if (!outcome.ok) throw new Error(outcome.compileError);
    expect(outcome.results).toEqual([
      { ok: false, error: 'the transform ran longer than 50 ms' },
      { ok: 'deferred' },
      { ok: 'deferred' },
    ]);
    expect(tookMs).toBeLessThan(2_000);
    expect(runner.threadsEnded).toBe(1);
    expect(await queued).toMatchObject({
      ok: true,
      results: [0, 1].map((id) => ({ ok: true, payloadJson: String(id) })),
    });
  });

  it('keeps other transforms at their pace while a hostile one is retried, and memory returns to its baseline', async () => {
    runner = new TransformRunner({ threads: 2 });
    const quick = { kind: 'code' as const, source: '(m) => ({ id: m.record.id })' };
    const batch = messages(50);
    const timeQuickRequests = async (count: number) => {
      const latencies: number[] = [];
      for (let request = 0; request < count; request++) {
        const started = performance.now();
        const outcome = await runner.run('quick:2', quick, batch, 250);
        latencies.push(performance.now() - started);
        expect(outcome.ok && outcome.results.every((result) => result.ok === true)).toBe(true);
      }
      latencies.sort((a, b) => a - b);
      const at = (share: number) => latencies[Math.floor(count * share)] as number;
      return { median: at(0.5), p90: at(0.9), max: latencies[count - 1] as number };
    };
    await timeQuickRequests(10);
    const baselineRss = process.memoryUsage().rss;
    const calm = await timeQuickRequests(40);

    const hostile = [
      {
        // Allocates 16 MiB a step, so it meets the memory limit long before the time limit even
        // on a busy machine (filling arrays of numbers could hit the 50 ms deadline first).
        kind: 'code' as const,
        source: "(m) => { const a = []; while (true) a.push('x'.repeat(1 << 24)) }",
      },
      {
        kind: 'code' as const,
        source: `(m) => { const s = 'ab'.repeat(4e5); let n = 0; for (let i = 0; i < 50; i++) n += s.split('').reverse().join('').length; return n }`,
      },
    ];
    let attacking = true;
    const errors = new Set<string>();
    const attacks = hostile.map(async (definition, index) => {
      while (attacking) {
        const outcome = await runner.run(`hostile:${index}`, definition, messages(1), 250);
        if (outcome.ok && outcome.results[0]?.ok === false) errors.add(outcome.results[0].error);
      }
    });
    const underAttack = await timeQuickRequests(40);
    attacking = false;
    await Promise.all(attacks);

    console.log(
      `quick requests of 50 messages: median ${calm.median.toFixed(1)} ms, p90 ${calm.p90.toFixed(1)} ms, max ${calm.max.toFixed(1)} ms calm; ` +
        `median ${underAttack.median.toFixed(1)} ms, p90 ${underAttack.p90.toFixed(1)} ms, max ${underAttack.max.toFixed(1)} ms beside two hostile transforms`,
    );
    expect([...errors].sort()).toEqual([
      'the transform ran longer than 50 ms',
      'the transform used more than 32 MiB of memory',
    ]);
    // Once a hostile transform has hit a limit it runs on the last thread only: the others keep
    // their pace. Only its first call, before it is known, may hold a quick request for its
    // deadline, the grace and a new thread's start (about a second for a worker run from
    // TypeScript in tests, a tenth of that bundled).
    expect(underAttack.median).toBeLessThan(calm.median * 3 + 20);
    expect(underAttack.p90).toBeLessThan(calm.p90 * 3 + 50);
    expect(underAttack.max).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - baselineRss).toBeLessThan(200 * 1024 * 1024);
  });
});
