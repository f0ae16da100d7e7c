import { describe, expect, it } from 'vitest';
import { describePostgresPlan, planPostgres, readStartSettings } from '../src';

const logical = { reachable: true, walLevel: 'logical' } as const;
const replica = { reachable: true, walLevel: 'replica' } as const;
const refused = { reachable: false, why: 'connection refused: nothing listens there' } as const;
const embedded = { host: '127.0.0.1', port: 54321, relocation: null };

describe('which Postgres holds what', () => {
  it('keeps everything on a server with wal_level = logical, as before', () => {
    const settings = readStartSettings({});
    const plan = planPostgres(settings, logical);
    expect(plan).toEqual({ kind: 'server', walLevel: 'logical' });
    expect(plan && describePostgresPlan(plan, settings, null)).toBe(
      "Postgres: 127.0.0.1:5432 holds Shardline's database and the demo's source.",
    );
  });

  it("puts only the demo's source on the embedded server when the server's wal_level is not logical", () => {
    const settings = readStartSettings({});
    const plan = planPostgres(settings, replica);
    expect(plan).toEqual({ kind: 'demo-embedded', walLevel: 'replica' });
    expect(plan && describePostgresPlan(plan, settings, embedded)).toBe(
      "Postgres: Shardline's database on 127.0.0.1:5432; the demo's source on an embedded Postgres at 127.0.0.1:54321 (wal_level = logical, data in .shardline/postgres), as 127.0.0.1:5432 runs with wal_level = replica and is left as it is.",
    );
    // Without the demo nothing needs logical decoding: no embedded server.
    expect(planPostgres(readStartSettings({ SHARDLINE_DEMO: 'false' }), replica)).toEqual({
      kind: 'server',
      walLevel: 'replica',
    });
  });

  it('puts everything on the embedded server when nothing listens at the default, and says how to use a real one', () => {
    for (const env of [{}, { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shardline' }]) {
      const settings = readStartSettings(env);
      const plan = planPostgres(settings, refused);
      expect(plan).toEqual({ kind: 'all-embedded', unreachable: refused.why });
      expect(plan && describePostgresPlan(plan, settings, embedded)).toBe(
        "Postgres: none at 127.0.0.1:5432 (connection refused: nothing listens there), so Shardline's database and the demo's source are on an embedded Postgres at 127.0.0.1:54321 (wal_level = logical, data in .shardline/postgres). To use a server of yours, start it there or set DATABASE_URL in .env, then npm start again.",
      );
    }
    // Also without the demo: Shardline's own database needs a home.
    expect(planPostgres(readStartSettings({ SHARDLINE_DEMO: 'false' }), refused)).toMatchObject({
      kind: 'all-embedded',
    });
  });

  it("says where the data is, and why, when run as root it is kept in the server user's home", () => {
    const settings = readStartSettings({});
    const plan = planPostgres(settings, refused);
    const relocated = {
      ...embedded,
      relocation: {
        dir: '/var/lib/postgresql/shardline-0123456789ab',
        serverUser: 'postgres',
        closedFolder: '/root',
      },
    };
    expect(plan && describePostgresPlan(plan, settings, relocated)).toContain(
      'on an embedded Postgres at 127.0.0.1:54321 (wal_level = logical, data in /var/lib/postgresql/shardline-0123456789ab: npm start runs as root, so Postgres runs as the user "postgres", to whom /root is closed).',
    );
  });

  it('has no plan for a DATABASE_URL someone chose that cannot be reached: that server is the one wanted', () => {
    const settings = readStartSettings({ DATABASE_URL: 'postgresql://shardline@db.internal:5432/shardline' });
    expect(planPostgres(settings, refused)).toBeNull();
  });
});
