import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLICATION_SESSION_SETTINGS, sessionOptionsString } from '../../src/values/session-settings';

describe('replication session settings', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function show(
    options: string,
    names: string[],
    replication = false,
  ): Promise<Record<string, string>> {
    const client = new pg.Client({
      connectionString: database.url,
      options,
      ...(replication ? { replication: 'database' } : {}),
    });
    await client.connect();
    try {
      // Only a walsender answers IDENTIFY_SYSTEM: proof the settings were checked where they matter.
      if (replication) expect((await client.query('IDENTIFY_SYSTEM')).rows).toHaveLength(1);
      const shown: Record<string, string> = {};
      for (const name of names) {
        const result = await client.query(`SHOW ${name}`);
        shown[name] = String(Object.values(result.rows[0] as object)[0]);
      }
      return shown;
    } finally {
      await client.end();
    }
  }

  it('escapes the space in DateStyle for the libpq options string', () => {
    expect(sessionOptionsString()).toBe(
      '-c DateStyle=ISO,\\ YMD -c TimeZone=UTC -c IntervalStyle=iso_8601 -c extra_float_digits=3 ' +
        '-c bytea_output=hex -c client_encoding=UTF8 -c lc_monetary=C',
    );
  });

  it('are what a connection opened with the options string reports', async () => {
    const names = Object.keys(REPLICATION_SESSION_SETTINGS);
    expect(await show(sessionOptionsString(), names)).toEqual({
      DateStyle: 'ISO, YMD',
      TimeZone: 'UTC',
      IntervalStyle: 'iso_8601',
      extra_float_digits: '3',
      bytea_output: 'hex',
      client_encoding: 'UTF8',
      lc_monetary: 'C',
    });
  });

  it('apply to a walsender session, where pgoutput runs the output functions', async () => {
    const names = [
      'DateStyle',
      'TimeZone',
      'IntervalStyle',
      'extra_float_digits',
      'bytea_output',
      'lc_monetary',
    ];
    expect(await show(sessionOptionsString(), names, true)).toEqual({
      DateStyle: 'ISO, YMD',
      TimeZone: 'UTC',
      IntervalStyle: 'iso_8601',
      extra_float_digits: '3',
      bytea_output: 'hex',
      lc_monetary: 'C',
    });
  });

  it('differ from what a plain connection gets, so the test above proves the options took effect', async () => {
    const shown = await show('-c IntervalStyle=postgres -c extra_float_digits=1', [
      'IntervalStyle',
      'extra_float_digits',
    ]);
    expect(shown).toEqual({ IntervalStyle: 'postgres', extra_float_digits: '1' });
  });

  it('keeps spaces and backslashes inside a value verbatim', async () => {
    const options = sessionOptionsString({ application_name: 'orders reader \\ 2' });
    expect(options).toBe('-c application_name=orders\\ reader\\ \\\\\\ 2');
    expect(await show(options, ['application_name'])).toEqual({ application_name: 'orders reader \\ 2' });
  });
});
