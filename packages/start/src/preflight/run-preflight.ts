import type { StartSettings } from '../start-settings';
import { checkPortFree } from './check-port-free';
import { checkPostgres, walLevelProblem } from './check-postgres';
import { checkRedis } from './check-redis';

/**
 * Everything npm start needs from the machine before it builds anything: Postgres (with
 * wal_level = logical when the demo reads it), Redis, and free ports. Throws the first
 * StartProblem; answers notes worth showing that do not stop the start.
 */
export async function runPreflight(settings: StartSettings): Promise<{ notes: string[] }> {
  const notes: string[] = [];
  const postgres = await checkPostgres(settings.databaseUrl);
  if (postgres.walLevel !== 'logical') {
    const problem = walLevelProblem(postgres.walLevel, settings.databaseUrl);
    if (settings.demo.enabled) throw problem;
    // Shardline's own database does not need it; sources on this server would.
    notes.push(`Note: ${problem.message}. To fix: ${problem.fix}`);
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
  return { notes };
}
