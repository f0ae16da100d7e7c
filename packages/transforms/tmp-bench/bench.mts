import { compileTransform } from '../src/index';
import { makeWorkload } from '../../../bench/src/workload';

const source = `(message) => {
  const { currency, ...record } = message.record;
  return { ...message, record };
}`;
const compiled = await compileTransform({ kind: 'code', source });
if (!compiled.ok) throw new Error(compiled.error);
const messages = makeWorkload({ count: 500, groups: 10000, firstLsn: 1000 }).map((m) => JSON.stringify(m.payload));
for (const chunk of [1, 25, 100, 500]) {
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 3000) {
    for (let i = 0; i < messages.length; i += chunk) {
      compiled.transform.runBatch(messages.slice(i, i + chunk));
    }
    n += messages.length;
  }
  const us = ((performance.now() - started) * 1000) / n;
  console.log(`chunk ${chunk}: ${us.toFixed(1)} µs/msg`);
}
