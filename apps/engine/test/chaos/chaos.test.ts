import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChaosScenario, type ScenarioResult } from './chaos-scenario';
import { type ChaosServices, startChaosServices } from './chaos-services';
import { chaosSettings } from './chaos-settings';
import { formatResults } from './results-table';
import { FAULT_SCENARIOS } from './scenarios';

const settings = chaosSettings();
const ENGINE_BUNDLE = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SCENARIO_TIMEOUT_MS = settings.scale === 'full' ? 15 * 60_000 : 4 * 60_000;

let services: ChaosServices | undefined;
const results: ScenarioResult[] = [];

beforeAll(async () => {
  if (!existsSync(ENGINE_BUNDLE)) {
    throw new Error(
      'the fault suite runs the built engine: run `npm run build --workspace @shardline/engine` first (npm test and npm run test:chaos do)',
    );
  }
  services = await startChaosServices();
}, 120_000);

afterAll(async () => {
  await services?.stop();
  if (results.length > 0) console.log(`\n${formatResults(settings, results)}\n`);
});

describe(`under faults, against a steady load from a real source (${settings.scale})`, () => {
  for (const fault of FAULT_SCENARIOS) {
    it(
      `${fault.name}: every committed change is in the stream, in order within its group`,
      async () => {
        if (!services) throw new Error('the chaos services did not start');
        const scenario = await ChaosScenario.create(fault.name, settings, services);
        try {
          const result = await fault.run(scenario, settings, services);
          results.push(result);
          expect(
            {
              missing: result.missing,
              outOfOrder: result.outOfOrder,
              twoKeys: result.twoKeys,
              unexpected: result.unexpected,
              storedTwice: result.storedTwice,
              engineCrashes: result.engineCrashes,
            },
            `${JSON.stringify(result)}\n${scenario.engineOutput()}`,
          ).toEqual({
            missing: 0,
            outOfOrder: 0,
            twoKeys: 0,
            unexpected: 0,
            storedTwice: 0,
            engineCrashes: 0,
          });
          expect(result.committed).toBeGreaterThan(0);
        } finally {
          await scenario.cleanup();
        }
      },
      SCENARIO_TIMEOUT_MS,
    );
  }
});
