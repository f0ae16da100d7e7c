import { readdir, readFile } from 'node:fs/promises';

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform.
const TICKS_PER_SECOND = 100;

export interface CpuShares {
  /** Average cores used over the interval. */
  engine: number;
  /** This process: the writer and the no-op endpoint. */
  bench: number;
  postgres: number;
  /** Postgres's share split by what its processes did, when the databases were named. */
  postgresParts: PostgresParts | null;
  /** Everything else on the machine (processes that ended during the run are not counted). */
  other: number;
}

/** Cores of Postgres by role: what Shardline itself asks of it, and what any reader would cost. */
export interface PostgresParts {
  /** Decoding the WAL for the replication slot (the walsender). */
  walDecoding: number;
  /** The source database's own sessions: the writer's updates (and the reader's catalog lookups). */
  sourceWrites: number;
  /** Shardline's database: storing messages and delivering them. */
  shardline: number;
  /** WAL writer, checkpointer, autovacuum and the rest. */
  background: number;
}

/** The databases whose backends count as source writes and as Shardline. */
export interface PostgresDatabases {
  source: string;
  shardline: string;
}

/**
 * CPU time of every process on the machine (Linux /proc), to say afterwards who used the cores
 * during a run: this machine is shared, and a run next to someone else's work measures less.
 */
export async function cpuSnapshot(): Promise<{
  at: number;
  ticks: Map<number, { comm: string; ticks: number; title: string }>;
}> {
  const ticks = new Map<number, { comm: string; ticks: number; title: string }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    // Fields after the command: state is field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(close + 2).split(' ');
    // A Postgres backend's title says what it is: `postgres: 15/main: walsender user db …`.
    const title =
      comm === 'postgres'
        ? (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ')
        : '';
    ticks.set(Number(entry), { comm, ticks: Number(fields[11]) + Number(fields[12]), title });
  }
  return { at: performance.now(), ticks };
}

export function cpuShares(
  before: Awaited<ReturnType<typeof cpuSnapshot>>,
  after: Awaited<ReturnType<typeof cpuSnapshot>>,
  enginePid: number,
  databases?: PostgresDatabases,
): CpuShares {
  const shares = { engine: 0, bench: 0, postgres: 0, other: 0 };
  const parts = { walDecoding: 0, sourceWrites: 0, shardline: 0, background: 0 };
  for (const [pid, { comm, ticks, title }] of after.ticks) {
    const used = ticks - (before.ticks.get(pid)?.ticks ?? 0);
    if (pid === enginePid) shares.engine += used;
    else if (pid === process.pid) shares.bench += used;
    else if (comm === 'postgres') {
      shares.postgres += used;
      const words = title.split(' ');
      if (words.includes('walsender')) parts.walDecoding += used;
      else if (databases && words.includes(databases.source)) parts.sourceWrites += used;
      else if (databases && words.includes(databases.shardline)) parts.shardline += used;
      else parts.background += used;
    } else shares.other += used;
  }
  const seconds = (after.at - before.at) / 1000;
  const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  return {
    engine: cores(shares.engine),
    bench: cores(shares.bench),
    postgres: cores(shares.postgres),
    postgresParts: databases
      ? {
          walDecoding: cores(parts.walDecoding),
          sourceWrites: cores(parts.sourceWrites),
          shardline: cores(parts.shardline),
          background: cores(parts.background),
        }
      : null,
    other: cores(shares.other),
  };
}
