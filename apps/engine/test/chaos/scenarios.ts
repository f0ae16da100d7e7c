import type { PostgresStopMode } from '@shardline/testing';
import type { ChaosScenario, ScenarioResult } from './chaos-scenario';
import { sleep } from './chaos-scenario';
import type { ChaosServices } from './chaos-services';
import type { ChaosSettings } from './chaos-settings';

export interface FaultScenario {
  name: string;
  /** Runs the load, injects the fault, undoes it, and checks the stream. */
  run(scenario: ChaosScenario, settings: ChaosSettings, services: ChaosServices): Promise<ScenarioResult>;
}

/** One engine under load, with its reader started and the load running for the warm-up. */
async function oneEngineUnderLoad(scenario: ChaosScenario, settings: ChaosSettings) {
  const engine = await scenario.startEngine();
  await scenario.waitUntilReading();
  scenario.startLoad();
  await sleep(settings.warmupMs);
  return engine;
}

/** Stops the one Postgres server (source and Shardline's database) under load, then starts it again. */
function postgresDown(mode: PostgresStopMode): FaultScenario['run'] {
  return async (scenario, settings, services) => {
    await oneEngineUnderLoad(scenario, settings);
    await services.postgres.stopServer(mode);
    await sleep(settings.postgresDownMs);
    await services.postgres.startServer();
    const upAt = Date.now();
    await sleep(settings.afterFaultMs);
    const result = await scenario.finish(upAt);
    return {
      ...result,
      notes: `down ${settings.postgresDownMs / 1000} s; ${result.writerFailures} writes refused`,
    };
  };
}

function randomBetween([min, max]: [number, number]): number {
  return min + Math.random() * (max - min);
}

export const FAULT_SCENARIOS: FaultScenario[] = [
  {
    name: 'engine killed (SIGKILL) and restarted',
    async run(scenario, settings) {
      let engine = await oneEngineUnderLoad(scenario, settings);
      let restartedAt = Date.now();
      // Each kill at a random moment after the engine came up: during start-up, mid-request, idle.
      for (let kill = 1; kill <= settings.kills; kill++) {
        await sleep(randomBetween(settings.killAfterMs));
        await scenario.kill(engine);
        engine = await scenario.startEngine();
        restartedAt = Date.now();
      }
      await sleep(settings.afterFaultMs);
      return { ...(await scenario.finish(restartedAt)), notes: `${settings.kills} kills` };
    },
  },
  {
    name: 'Kinesis unreachable, then back',
    async run(scenario, settings) {
      await oneEngineUnderLoad(scenario, settings);
      await scenario.proxy.goDown();
      await sleep(settings.kinesisDownMs);
      await scenario.proxy.comeUp();
      const backAt = Date.now();
      await sleep(settings.afterFaultMs);
      return {
        ...(await scenario.finish(backAt)),
        notes: `connections refused for ${settings.kinesisDownMs / 1000} s`,
      };
    },
  },
  {
    name: 'Redis flushed (FLUSHALL)',
    async run(scenario, settings, services) {
      await oneEngineUnderLoad(scenario, settings);
      await services.redis.flushAll();
      const flushedAt = Date.now();
      await sleep(settings.afterFaultMs);
      return { ...(await scenario.finish(flushedAt)), notes: 'every queued job and lock gone' };
    },
  },
  { name: 'Postgres restarted', run: postgresDown('fast') },
  { name: 'Postgres crashed (immediate stop) and restarted', run: postgresDown('immediate') },
  {
    name: 'three engines, the reader killed (SIGKILL)',
    async run(scenario, settings) {
      const engines = await Promise.all([
        scenario.startEngine(),
        scenario.startEngine(),
        scenario.startEngine(),
      ]);
      await scenario.waitUntilReading();
      scenario.startLoad();
      await sleep(settings.warmupMs);
      const readers = scenario.readers();
      const [holder] = readers;
      if (readers.length !== 1 || !holder)
        throw new Error(`${readers.length} engines read the source, not 1:\n${scenario.engineOutput()}`);
      await scenario.kill(holder);
      const killedAt = Date.now();
      const survivors = engines.filter((engine) => engine !== holder);
      while (!survivors.some((engine) => engine.logLines('reading changes').length > 0)) {
        if (Date.now() - killedAt > 60_000)
          throw new Error(`no other engine took over reading:\n${scenario.engineOutput()}`);
        await sleep(100);
      }
      const takeoverSeconds = (Date.now() - killedAt) / 1000;
      await sleep(settings.afterFaultMs);
      return {
        ...(await scenario.finish(killedAt)),
        notes: `reading taken over after ${takeoverSeconds.toFixed(1)} s`,
      };
    },
  },
];
