import { type PostgresPlan, type PostgresProbe, planPostgres } from '../postgres-plan';
import type { StartSettings } from '../start-settings';
import { checkPortFree } from './check-port-free';
import { checkPostgres, PostgresUnreachable, walLevelNote } from './check-postgres';
import { checkRedis } from './check-redis';

/**
 * Everything npm start needs from the machine before it builds anything: Postgres (which one
 * holds what: `postgres`), Redis, and free ports. Throws the first StartProblem; answers notes
 * worth showing that do not stop the start.
 */
export async function runPreflight(
  settings: StartSettings,
): Promise<{ notes: string[]; postgres: PostgresPlan }> {
  const notes: string[] = [];
  let probe: PostgresProbe;
  let unreachable: PostgresUnreachable | null = null;
  try {
    probe = { reachable: true, walLevel: (await checkPostgres(settings.databaseUrl)).walLevel };
  } catch (error) {
    if (!(error instanceof PostgresUnreachable)) throw error;
    unreachable = error;
    probe = { reachable: false, why: error.why };
  }
  const postgres = planPostgres(settings, probe);
  if (!postgres) throw unreachable;
  if (postgres.kind === 'server' && postgres.walLevel !== 'logical') {
    notes.push(walLevelNote(postgres.walLevel, settings.databaseUrl));
  }
  await checkRedis(settings.redisUrl);
  await checkPortFree(settings.consolePort, 'console', 'SHARDLINE_CONSOLE_PORT');
  if (settings.enginePort !== 0) {
    await checkPortFree(
      settings.enginePort,
      "engine's /metrics, /healthz and /readyz",
      'SHARDLINE_ENGINE_PORT',
    );
  }
  if (settings.demo.enabled) {
    const port = settings.demo.kinesisPort;
    await checkPortFree(port, 'local Kinesis emulator', 'SHARDLINE_DEMO_KINESIS_PORT');
    await checkPortFree(port + 1, 'local Kinesis emulator (TLS)', 'SHARDLINE_DEMO_KINESIS_PORT');
  }
  return { notes, postgres };
}
