import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { consoleHelpers, eventually } from './console-helpers';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

// The sink page's activity chart (issue 18, point 3): each series named in its legend, a time
// axis and a count axis, values on hover, and a range of an hour, a day or a week.

/** The sink's record size limit: a row with a long note goes over it and fails every attempt. */
const RECORD_LIMIT_BYTES = 2048;

const world: Partial<ConsoleWorld> = {};
let source: ConsoleWorld['source'];
let page: Page;
let sinkId: string;

const { openSink, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  ({ source, page } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  sinkId = await createOrdersSink({
    name: 'orders-chart',
    maxRecordSizeBytes: RECORD_LIMIT_BYTES,
  });
});

afterAll(() => stopConsoleWorld(world));

/** The chart's own words for what it shows: "3 messages delivered, 2 failed and 0 throttled …". */
async function summary(): Promise<string> {
  return (await page.getByTestId('throughput-summary').textContent()) ?? '';
}

function totalsOf(text: string): { delivered: number; failed: number } {
  const match = /^([\d,]+) messages delivered, ([\d,]+) failed/.exec(text);
  return { delivered: Number(match?.[1]?.replace(/,/g, '')), failed: Number(match?.[2]?.replace(/,/g, '')) };
}

/** Chooses a range; a click before the page hydrated does nothing, so it clicks until it takes. */
async function chooseRange(range: '1h' | '24h' | '7d'): Promise<void> {
  const chart = page.locator(`[data-testid="throughput-chart"][data-range="${range}"]`);
  await eventually(async () => {
    if ((await chart.count()) === 0) await page.getByTestId(`range-${range}`).click();
    return chart.count();
  }).toBe(1);
}

async function axisTicks(axis: 'x' | 'y'): Promise<string[]> {
  return page
    .locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`)
    .allTextContents();
}

describe('the activity chart in a browser', () => {
  it('names each series, has a time and a count axis, shows values on hover and follows the range', async () => {
    await source.query(`INSERT INTO orders (id, customer) VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger')`);
    await source.query(`INSERT INTO orders (id, customer, note) VALUES (4, 'Barbara', $1)`, [
      'x'.repeat(RECORD_LIMIT_BYTES + 500),
    ]);
    await openSink(sinkId);
    const chart = page.getByTestId('throughput-chart');
    await chart.waitFor();

    // Three delivered, and the oversize one's failed attempts, counted apart.
    await eventually(async () => totalsOf(await summary()), ENGINE_WAIT_MS).toEqual({
      delivered: 3,
      failed: expect.any(Number),
    });
    await eventually(async () => totalsOf(await summary()).failed, ENGINE_WAIT_MS).toBeGreaterThan(0);
    expect(await summary()).toMatch(/in the last hour, per minute$/);

    expect(await chart.locator('.recharts-legend-item-text').allTextContents()).toEqual([
      'Delivered',
      'Failed attempts',
      'Throttled attempts',
    ]);
    // A time axis (hours and minutes for the last hour) and a count axis with its unit.
    const hourTicks = await axisTicks('x');
    expect(hourTicks.length).toBeGreaterThan(2);
    for (const tick of hourTicks) expect(tick).toMatch(/^\d{2}:\d{2}$/);
    const counts = (await axisTicks('y')).map((tick) => Number(tick.replace(/,/g, '')));
    expect(counts[0]).toBe(0);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('.recharts-label').allTextContents()).toContain('per minute');

    // Hovering the delivered bar shows its bucket's values.
    const deliveredBar = chart.locator('.recharts-bar-rectangle').first();
    await deliveredBar.hover();
    const tooltip = chart.locator('.recharts-tooltip-wrapper');
    await eventually(() => tooltip.textContent()).toMatch(/\(per minute\)Delivered : [1-3]/);
    expect(await tooltip.textContent()).toMatch(/Failed attempts : \d+Throttled attempts : 0/);
    // Readable as well as there: the values in the tooltip meet the contrast minimum.
    expect(await blockingViolations(page, 'chart tooltip')).toEqual([]);

    // A day, per quarter hour: the same totals, another axis.
    await chooseRange('24h');
    expect(await summary()).toMatch(/in the last 24 hours, per 15 minutes$/);
    expect(totalsOf(await summary()).delivered).toBe(3);
    expect(await chart.locator('.recharts-label').allTextContents()).toContain('per 15 minutes');
    for (const tick of await axisTicks('x')) expect(tick).toMatch(/^\d{2}:(00|15|30|45)$/);

    // A week, per hour: days on the time axis.
    await chooseRange('7d');
    expect(await summary()).toMatch(/in the last 7 days, per hour$/);
    expect(totalsOf(await summary()).delivered).toBe(3);
    const weekTicks = await axisTicks('x');
    expect(weekTicks.length).toBeGreaterThan(2);
    for (const tick of weekTicks)
      expect(tick).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}, \d{2}:\d{2}$/);

    await chooseRange('1h');
    expect(await summary()).toMatch(/in the last hour, per minute$/);
  });
});
