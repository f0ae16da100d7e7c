import { describe, expect, it } from 'vitest';
import { compileRouter, routeOfAnswer } from '../src';

const EU = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu';

describe('a routing function', () => {
  it('names a stream as a string or as { streamArn }; anything else is a clear error', async () => {
    const compiled = await compileRouter(
      `(message) => message.record.kind === 'text' ? '${EU}' : message.record.kind === 'object' ? { streamArn: '${EU}' } : message.record.answer`,
    );
    if (!compiled.ok) throw new Error(compiled.error);
    const messages = [
      { kind: 'text' },
      { kind: 'object' },
      { answer: 42 },
      { answer: null },
      { answer: { stream: EU } },
      {},
    ].map((record) => JSON.stringify({ record }));
    const answers = await compiled.transform.runBatch(messages);
    compiled.transform.dispose();
    const routes = answers.map((answer) => (answer.ok ? routeOfAnswer(answer.payloadJson) : answer));
    expect(routes).toEqual([
      { ok: true, streamArn: EU },
      { ok: true, streamArn: EU },
      { ok: false, error: 'the router returned a number, not a stream ARN or { streamArn }' },
      { ok: false, error: 'the router returned null, not a stream ARN or { streamArn }' },
      { ok: false, error: 'the router returned an object without a streamArn string' },
      { ok: false, error: 'the router returned undefined, not a stream ARN' },
    ]);
  });

  it('is refused when its code is not a function, with an example of one', async () => {
    const compiled = await compileRouter(`'${EU}'`);
    expect(compiled).toEqual({
      ok: false,
      error: `the router must be a function such as (message) => 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu', but its code evaluates to a value of type string`,
    });
  });
});
