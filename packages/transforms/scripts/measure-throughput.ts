/**
 * Calls per second of a simple transform (deleting one field of a message of about 800 bytes),
 * one message per call and in batches. Run with `npx tsx packages/transforms/scripts/measure-throughput.ts`.
 */
import { applyTransform, applyTransformBatch, compileTransform } from '../src/index';

function sampleMessage(id: number): string {
  return JSON.stringify({
    record: {
      id,
      customer_id: 4821,
      status: 'shipped',
      note: 'Leave the parcel with the neighbour at number 12 if nobody answers the door.'.repeat(3),
      address: { street: '221B Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
      total_cents: 129_900,
      created_at: '2025-01-14T09:21:33.120Z',
      updated_at: '2025-01-14T10:02:11.004Z',
    },
    changes: { status: { old: 'paid', new: 'shipped' } },
    action: 'update',
    metadata: {
      table: 'public.orders',
      lsn: '0/16B3748',
      commitTime: '2025-01-14T10:02:11.010Z',
      source: 'main',
    },
  });
}

const messages = Array.from({ length: 1000 }, (_, index) => sampleMessage(index));
const compiled = await compileTransform({
  kind: 'code',
  source: '(message) => { delete message.record.note; return message; }',
});
if (!compiled.ok) throw new Error(compiled.error);
const { transform } = compiled;

async function measure(label: string, runOnce: () => Promise<number>): Promise<void> {
  await runOnce();
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < 2000) calls += await runOnce();
  const perSecond = Math.round(calls / ((performance.now() - started) / 1000));
  console.log(`${label}: ${perSecond.toLocaleString('en')} messages/s`);
}

console.log(`message size: ${messages[0]?.length} bytes`);
await measure('JSON.parse + JSON.stringify in Node, no sandbox (reference)', async () => {
  for (const message of messages) JSON.stringify(JSON.parse(message));
  return messages.length;
});
await measure('one message per call', async () => {
  for (const message of messages) await applyTransform(transform, message);
  return messages.length;
});
for (const size of [10, 100, 500]) {
  await measure(`batches of ${size}`, async () => {
    for (let start = 0; start < messages.length; start += size) {
      await applyTransformBatch(transform, messages.slice(start, start + size));
    }
    return messages.length;
  });
}
const pathCompiled = await compileTransform({ kind: 'path', path: 'record' });
if (pathCompiled.ok) {
  const pathTransform = pathCompiled.transform;
  await measure('path transform "record"', async () => {
    for (const message of messages) await applyTransform(pathTransform, message);
    return messages.length;
  });
}
const startedCompiling = performance.now();
for (let index = 0; index < 50; index++) {
  const again = await compileTransform({ kind: 'code', source: '(message) => message' });
  if (again.ok) again.transform.dispose();
}
console.log(`compile + dispose: ${((performance.now() - startedCompiling) / 50).toFixed(2)} ms each`);
transform.dispose();
