import { type LocalPostgres, whyRelocated } from '@shardline/local-postgres';
import { hostAndPort } from './preflight/connection-failure';
import type { StartSettings } from './start-settings';

/**
 * Which Postgres holds what. The user's server is used as it is, never reconfigured: what it
 * cannot do (logical decoding for the demo, or being there at all) goes to an embedded Postgres.
 */
export type PostgresPlan =
  /** DATABASE_URL's server holds Shardline's database and the demo's source (if the demo runs). */
  | { kind: 'server'; walLevel: string }
  /** Shardline's database on DATABASE_URL's server; the demo's source, which needs logical, embedded. */
  | { kind: 'demo-embedded'; walLevel: string }
  /** Nothing at DATABASE_URL's default: both on the embedded server. */
  | { kind: 'all-embedded'; unreachable: string };

export type PostgresProbe = { reachable: true; walLevel: string } | { reachable: false; why: string };

/** Answers null when no plan fits: a URL the user chose cannot be reached (the caller says why). */
export function planPostgres(settings: StartSettings, probe: PostgresProbe): PostgresPlan | null {
  if (!probe.reachable) {
    return settings.databaseUrlIsDefault ? { kind: 'all-embedded', unreachable: probe.why } : null;
  }
  if (probe.walLevel === 'logical' || !settings.demo.enabled)
    return { kind: 'server', walLevel: probe.walLevel };
  return { kind: 'demo-embedded', walLevel: probe.walLevel };
}

export function needsEmbeddedPostgres(plan: PostgresPlan): boolean {
  switch (plan.kind) {
    case 'server':
      return false;
    case 'demo-embedded':
    case 'all-embedded':
      return true;
  }
}

/** The one line of the start screen that says which Postgres holds what, and why. */
export function describePostgresPlan(
  plan: PostgresPlan,
  settings: StartSettings,
  embedded: Pick<LocalPostgres, 'host' | 'port' | 'relocation'> | null,
): string {
  const server = hostAndPort(settings.databaseUrl, 5432);
  const relocation = embedded?.relocation;
  const data = relocation ? `${relocation.dir}: ${whyRelocated(relocation)}` : settings.embeddedPostgresDir;
  const local = `an embedded Postgres at ${embedded?.host}:${embedded?.port} (wal_level = logical, data in ${data})`;
  switch (plan.kind) {
    case 'server':
      return `Postgres: ${server} holds Shardline's database${settings.demo.enabled ? " and the demo's source" : ''}.`;
    case 'demo-embedded':
      return `Postgres: Shardline's database on ${server}; the demo's source on ${local}, as ${server} runs with wal_level = ${plan.walLevel} and is left as it is.`;
    case 'all-embedded':
      return `Postgres: none at ${server} (${plan.unreachable}), so Shardline's database${settings.demo.enabled ? " and the demo's source are" : ' is'} on ${local}. To use a server of yours, start it there or set DATABASE_URL in .env, then npm start again.`;
  }
}
