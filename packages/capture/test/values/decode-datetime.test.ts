import { describe, expect, it } from 'vitest';
import { REPLICATION_SESSION_SETTINGS, sessionOptionsString } from '../../src/values/session-settings';
import { openValueProbe, useValueProbe } from './value-probe';

describe('decoding dates, times and intervals', () => {
  const values = useValueProbe();

  it.each([
    ["'2026-11-25 10:00:00.123456+00'::timestamptz", '2026-11-25T10:00:00.123456Z'],
    ["'2026-11-25 10:00:00+00'::timestamptz", '2026-11-25T10:00:00Z'],
    ["'2026-11-25 10:00:00.120+00'::timestamptz", '2026-11-25T10:00:00.12Z'],
    ["'2026-11-25 12:00:00.5+02'::timestamptz", '2026-11-25T10:00:00.5Z'],
    ["'2026-01-01 01:30:00 America/New_York'::timestamptz", '2026-01-01T06:30:00Z'],
    ["'2026-01-01 03:00:00+05:30'::timestamptz", '2025-12-31T21:30:00Z'],
    ["'infinity'::timestamptz", 'infinity'],
    ["'-infinity'::timestamptz", '-infinity'],
    ["'0044-03-15 10:00:00+00 BC'::timestamptz", '-0043-03-15T10:00:00Z'],
    ["'0001-01-01 00:00:00+00 BC'::timestamptz", '0000-01-01T00:00:00Z'],
    ["'12026-11-25 10:00:00+00'::timestamptz", '+12026-11-25T10:00:00Z'],
  ])('timestamptz %s is ISO 8601 in UTC', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it('timestamptz text in another session time zone still comes out in UTC', async () => {
    const kolkata = await openValueProbe(
      values.database.url,
      sessionOptionsString({ ...REPLICATION_SESSION_SETTINGS, TimeZone: 'Asia/Kolkata' }),
    );
    try {
      expect(await kolkata.text("'2026-01-01 00:15:30.25+00'::timestamptz")).toMatchObject({
        text: '2026-01-01 05:45:30.25+05:30',
      });
      expect(await kolkata.decode("'2026-01-01 00:15:30.25+00'::timestamptz")).toBe(
        '2026-01-01T00:15:30.25Z',
      );
      // Before standard time the zone's offset had seconds (local mean time).
      expect(await kolkata.decode("'1850-06-01 12:00:00+00'::timestamptz")).toBe('1850-06-01T12:00:00Z');
      expect(await kolkata.decode("'0010-03-01 00:00:00+00 BC'::timestamptz")).toBe('-0009-03-01T00:00:00Z');
    } finally {
      await kolkata.close();
    }
  });

  it.each([
    ["'2026-11-25 10:00:00.123456'::timestamp", '2026-11-25T10:00:00.123456'],
    ["'2026-11-25 10:00:00'::timestamp", '2026-11-25T10:00:00'],
    ["'2026-11-25 10:00:00.000001'::timestamp", '2026-11-25T10:00:00.000001'],
    ["'0044-03-15 10:00:00 BC'::timestamp", '-0043-03-15T10:00:00'],
    ["'294276-12-31 23:59:59.999999'::timestamp", '+294276-12-31T23:59:59.999999'],
    ["'infinity'::timestamp", 'infinity'],
  ])('timestamp %s is ISO 8601 without a zone', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ["'2026-11-25'::date", '2026-11-25'],
    ["'0001-01-01'::date", '0001-01-01'],
    ["'0001-12-31 BC'::date", '0000-12-31'],
    ["'4713-01-01 BC'::date", '-4712-01-01'],
    ["'12026-01-01'::date", '+12026-01-01'],
    ["'-infinity'::date", '-infinity'],
  ])('date %s', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ["'10:00:00.123456'::time", '10:00:00.123456'],
    ["'10:00'::time", '10:00:00'],
    ["'24:00:00'::time", '24:00:00'],
    ["'10:00:00.123456+02'::timetz", '10:00:00.123456+02:00'],
    ["'10:00:00-05:30'::timetz", '10:00:00-05:30'],
    ["'23:59:59.5+00'::timetz", '23:59:59.5+00:00'],
    ["'10:00:00+05:30:15'::timetz", '10:00:00+05:30:15'],
  ])('time and timetz %s', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ["'1 day 2 hours'::interval", 'P1DT2H'],
    ["'0'::interval", 'PT0S'],
    ["'1 year 2 months 3 days 04:05:06.789'::interval", 'P1Y2M3DT4H5M6.789S'],
    ["'-1 year 2 mons 3 days -04:05:06.789'::interval", 'P-10M3DT-4H-5M-6.789S'],
    ["'1.5 months'::interval", 'P1M15D'],
    ["'0.000001 seconds'::interval", 'PT0.000001S'],
  ])('interval %s is an ISO 8601 duration', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it('decodes SQL NULL of every date and time type as null', async () => {
    for (const type of ['timestamptz', 'timestamp', 'date', 'time', 'timetz', 'interval']) {
      expect(await values.probe.decode(`NULL::${type}`)).toBeNull();
    }
  });
});
