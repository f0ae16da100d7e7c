import { afterAll, describe, expect, it } from 'vitest';
import {
  applyFilter,
  applyFilterBatch,
  applyTransform,
  applyTransformBatch,
  type CompiledTransform,
  compileFilter,
  compileTransform,
} from '../src/index';

const message = {
  record: { id: 7, address: { city: 'Lyon', lines: ['1 rue Neuve'] }, photo: 'x'.repeat(200) },
  changes: null,
  action: 'insert',
  metadata: { table: 'public.customers' },
};
const messageJson = JSON.stringify(message);

const compiled: CompiledTransform[] = [];
afterAll(() => {
  for (const transform of compiled) transform.dispose();
});

async function transformOf(source: string): Promise<CompiledTransform> {
  const result = await compileTransform({ kind: 'code', source });
  if (!result.ok) throw new Error(`expected the transform to compile: ${result.error}`);
  compiled.push(result.transform);
  return result.transform;
}

async function errorOf(source: string): Promise<string> {
  const result = await applyTransform(await transformOf(source), messageJson);
  if (result.ok) throw new Error(`expected the transform to fail, it returned ${result.payloadJson}`);
  return result.error;
}

describe('code transforms', () => {
  it('sends what the function returns, here the message without its large column', async () => {
    const transform = await transformOf('(message) => { delete message.record.photo; return message; }');
    const result = await applyTransform(transform, messageJson);
    expect(result).toEqual({ ok: true, payloadJson: expect.any(String) });
    if (!result.ok) return;
    const { photo: _photo, ...recordWithoutPhoto } = message.record;
    expect(JSON.parse(result.payloadJson)).toEqual({ ...message, record: recordWithoutPhoto });
  });

  it('accepts a function declaration as well as an arrow function', async () => {
    const transform = await transformOf('function transform(message) {\n  return message.record.id;\n};');
    expect(await applyTransform(transform, messageJson)).toEqual({ ok: true, payloadJson: '7' });
  });

  it('runs a batch in order, each message on its own', async () => {
    const transform = await transformOf('(message) => ({ id: message.record.id })');
    const batch = [1, 2, 3].map((id) => JSON.stringify({ ...message, record: { id } }));
    expect(await applyTransformBatch(transform, batch)).toEqual(
      [1, 2, 3].map((id) => ({ ok: true, payloadJson: `{"id":${id}}` })),
    );
  });

  it('rejects a syntax error at compile time, naming the line', async () => {
    const result = await compileTransform({ kind: 'code', source: '(message) => {\n  return message.;\n}' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^the transform does not compile: SyntaxError: .+ \(line 2\)$/);
  });

  it('rejects code that is not a function', async () => {
    const result = await compileTransform({
      kind: 'code',
      source: 'const transform = (message) => message;',
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('the transform must be a function') });
  });
});

describe('hostile transforms fail with their own clear error', () => {
  it('an exception', async () => {
    expect(await errorOf('(message) => {\n  return message.nothing.deeper;\n}')).toMatch(
      /^the transform threw: TypeError: .*'deeper'.* \(line 2\)$/,
    );
  });

  it('an infinite loop, even one catching the interruption', async () => {
    expect(await errorOf('(m) => { while (true) { try { while (true) {} } catch {} } }')).toBe(
      'the transform ran longer than 50 ms',
    );
  });

  it('a 1 GB allocation', async () => {
    expect(await errorOf('(m) => new Uint8Array(1024 * 1024 * 1024)')).toBe(
      'the transform used more than 32 MiB of memory',
    );
  });

  it('many allocations below the limit that add up beyond it, quickly and without growing the process', async () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const hog = await transformOf('(m) => { const a = []; while (true) a.push(new Array(1e6).fill(1)) }');
    for (let call = 0; call < 3; call++) {
      expect(await applyTransform(hog, messageJson)).toEqual({
        ok: false,
        error: 'the transform used more than 32 MiB of memory',
      });
    }
    // Before each sandbox had memory of its own, QuickJS counted each allocation against the
    // limit but not their total: each call took 3 to 5 s and the process grew by 2 GB.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(await applyTransform(await transformOf('(m) => m.action'), messageJson)).toEqual({
      ok: true,
      payloadJson: '"insert"',
    });
  });

  it('a message nested too deeply to read, without aborting QuickJS', async () => {
    const transform = await transformOf('(m) => m.action');
    for (const depth of [10_000, 100_000]) {
      const nested = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const [result] = await applyTransformBatch(transform, [nested]);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/nested too deeply/) });
    }
    // The sandbox goes on with the next message, and frees cleanly.
    expect(await applyTransform(transform, messageJson)).toEqual({ ok: true, payloadJson: '"insert"' });
    expect(() => transform.dispose()).not.toThrow();
  });

  it('deep recursion', async () => {
    expect(await errorOf('(m) => { const down = (n) => down(n + 1) + 1; return down(0); }')).toMatch(
      /^the transform recursed too deeply/,
    );
  });

  it.each(['fetch("https://example.com")', 'require("fs")', 'process.env', 'setTimeout(() => {}, 1)'])(
    'reaching outside the sandbox: %s',
    async (expression) => {
      const name = expression.split(/[.(]/)[0];
      expect(await errorOf(`(m) => ${expression}`)).toBe(
        `the transform threw: ReferenceError: '${name}' is not defined (line 1)`,
      );
    },
  );

  it.each([
    ['(m) => () => m', 'the transform returned a function, not JSON'],
    ['(m) => { m.x = 1; }', 'the transform returned undefined, not JSON (is a return missing?)'],
    ['(m) => { m.self = m; return m; }', 'the transform returned a cyclic object, not JSON'],
    ['(m) => ({ total: 10n })', 'the transform returned an object holding a BigInt, not JSON'],
    ['async (m) => m', 'the transform returned a Promise, not JSON (it must not be async)'],
  ])('returning something that is not JSON: %s', async (source, error) => {
    expect(await errorOf(source)).toBe(error);
  });

  it('stays responsive: an infinite loop returns within a second and the next call succeeds', async () => {
    const transform = await transformOf(
      '(m) => { if (m.action === "loop") { for (;;) {} } return m.record.id; }',
    );
    const started = performance.now();
    const stuck = await applyTransform(transform, JSON.stringify({ ...message, action: 'loop' }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stuck).toEqual({ ok: false, error: 'the transform ran longer than 50 ms' });
    expect(await applyTransform(transform, messageJson)).toEqual({ ok: true, payloadJson: '7' });
  });

  it('pins a failure in a batch on its own message and delivers the others', async () => {
    const transform = await transformOf(
      '(m) => { if (m.action === "loop") { for (;;) {} } return m.action; }',
    );
    const loop = JSON.stringify({ ...message, action: 'loop' });
    expect(await applyTransformBatch(transform, [messageJson, loop, messageJson])).toEqual([
      { ok: true, payloadJson: '"insert"' },
      { ok: false, error: 'the transform ran longer than 50 ms' },
      { ok: true, payloadJson: '"insert"' },
    ]);
  });
});

describe('path transforms', () => {
  it('sends the part of the message at the path', async () => {
    const result = await compileTransform({ kind: 'path', path: 'record.address.lines[0]' });
    if (!result.ok) throw new Error(result.error);
    expect(await applyTransform(result.transform, messageJson)).toEqual({
      ok: true,
      payloadJson: '"1 rue Neuve"',
    });
  });

  it('fails clearly on a path the message lacks, and on a path that cannot exist', async () => {
    const result = await compileTransform({ kind: 'path', path: 'record.email' });
    if (!result.ok) throw new Error(result.error);
    expect(await applyTransform(result.transform, messageJson)).toEqual({
      ok: false,
      error: 'the message has no record.email',
    });
    expect(await compileTransform({ kind: 'path', path: 'recrod.id' })).toEqual({
      ok: false,
      error: 'the path "recrod.id" must start with one of record, changes, action, metadata',
    });
  });
});

describe('filters', () => {
  it('keeps and drops messages', async () => {
    const result = await compileFilter('(message) => message.record.id > 5');
    if (!result.ok) throw new Error(result.error);
    const small = JSON.stringify({ ...message, record: { id: 1 } });
    expect(await applyFilterBatch(result.filter, [messageJson, small])).toEqual([
      { ok: true, keep: true },
      { ok: true, keep: false },
    ]);
    result.filter.dispose();
  });

  it('reports a result that is not true or false instead of guessing', async () => {
    const result = await compileFilter('(message) => message.record.missing');
    if (!result.ok) throw new Error(result.error);
    expect(await applyFilter(result.filter, messageJson)).toEqual({
      ok: false,
      error: 'the filter returned undefined, not true or false',
    });
    result.filter.dispose();
  });
});
