import { createDatabase } from '@shardline/db';
import { freePort, redisUrl } from '@shardline/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { postgresAnswers, redisProbe } from '../src/engine-checks';
import { checkReadiness } from '../src/readiness';

const logger = pino({ level: 'silent' });

describe("the engine's readiness checks", () => {
  it('say Postgres does not answer, and why, when the database cannot be reached', async () => {
    // Nothing listens on the port: the connection is refused at once.
    const unreachable = createDatabase({
      url: `postgresql://shardline@127.0.0.1:${await freePort()}/shardline`,
    });
    try {
      const report = await checkReadiness({ postgres: postgresAnswers(unreachable) });
      expect(report.ready).toBe(false);
      expect(report.notReady).toEqual(['postgres']);
      expect(report.checks.postgres).toMatch(/^Postgres does not answer: .*ECONNREFUSED/);
    } finally {
      await unreachable.close();
    }
  });

  it('say Redis does not answer when it cannot be reached, and ok when it answers', async () => {
    const down = redisProbe(`redis://127.0.0.1:${await freePort()}`, logger);
    const up = redisProbe(redisUrl(), logger);
    try {
      await expect
        .poll(async () => (await checkReadiness({ redis: down.check })).checks.redis)
        .toMatch(/^Redis does not answer: .*ECONNREFUSED/);
      await expect.poll(async () => (await checkReadiness({ redis: up.check })).checks.redis).toBe('ok');
    } finally {
      down.close();
      up.close();
    }
  });

  it('are ready only when every check answers; one that hangs counts as not answering', async () => {
    const report = await checkReadiness(
      {
        hanging: () => new Promise(() => {}),
        failing: async () => Promise.reject(new Error('broken')),
        fine: async () => {},
      },
      300,
    );
    expect(report).toEqual({
      ready: false,
      notReady: ['hanging', 'failing'],
      checks: { hanging: 'no answer within 300 ms', failing: 'broken', fine: 'ok' },
    });
    expect(await checkReadiness({ fine: async () => {} })).toEqual({
      ready: true,
      notReady: [],
      checks: { fine: 'ok' },
    });
  });
});
