import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHelpers, eventually, openCodeField } from './console-helpers';
import type { ConsoleServer } from './console-server';
import { type ConsoleWorld, ENGINE_WAIT_MS, startConsoleWorld, stopConsoleWorld } from './console-world';

/** A phone held upright (an iPhone 14's CSS pixels). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Where the main navigation leads an admin, by link name. */
const DESTINATIONS = [
  ['Sinks', '/sinks'],
  ['Sources', '/sources'],
  ['Transforms', '/transforms'],
  ['Alerts', '/alerts'],
  ['Audit', '/audit'],
  ['Access', '/access'],
] as const;
/** The sink's record size limit: the row with a long note goes over it and raises an alert. */
const RECORD_LIMIT_BYTES = 2048;
/** A string only CodeMirror's code has (its content element's class): tells its chunk apart. */
const EDITOR_MARKER = 'cm-content';

const world: Partial<ConsoleWorld> = {};
let page: Page;
let server: ConsoleServer;
let sinkId: string;

const { openSink, showTab, expectRowCount, createOrdersSink } = consoleHelpers(world);

beforeAll(async () => {
  let source: ConsoleWorld['source'];
  ({ page, server, source } = await startConsoleWorld(world));
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text)');
  sinkId = await createOrdersSink({
    name: 'orders-stream-with-a-name-long-enough-to-wrap-on-a-phone',
    maxRecordSizeBytes: RECORD_LIMIT_BYTES,
  });
  // Wide rows: the message table is wider than a phone, and must scroll inside its card. The
  // third is over the record limit: it fails, and the engine opens an alert.
  await source.query(
    `INSERT INTO orders (id, customer, note) VALUES (1, 'Ada', repeat('wide ', 60)), (2, 'Grace', NULL),
      (3, 'Edsger', repeat('x', ${RECORD_LIMIT_BYTES + 500}))`,
  );
});

afterAll(() => stopConsoleWorld(world));

/** Whether the page is wider than the window: a person would have to scroll sideways. */
function overflowsSideways(): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

async function expectNoSidewaysScroll(): Promise<void> {
  const { scrollWidth, innerWidth } = await overflowsSideways();
  expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** Opens the menu; a click that lands before the page has hydrated does nothing, so click until it opens. */
async function openMenu(): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu' });
  await eventually(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return button.getAttribute('aria-expanded');
  }).toBe('true');
}

describe('the console on a phone', () => {
  beforeAll(() => page.setViewportSize(PHONE));
  afterAll(() => page.setViewportSize(DESKTOP));

  it('folds the navigation into a menu that reaches every page, and closes on Escape', async () => {
    await page.goto(`${server.url}/sinks`);
    await page.getByTestId('sink-row').first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const button = page.getByRole('button', { name: 'Menu' });
    expect(await nav.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expectNoSidewaysScroll();

    await openMenu();
    for (const [name] of DESTINATIONS) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByTestId('sign-out').isVisible()).toBe(true);
    expect(await page.getByTestId('signed-in-as').isVisible()).toBe(true);
    await expectNoSidewaysScroll();

    await page.keyboard.press('Escape');
    await eventually(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    // Focus goes back to the button, so a keyboard user is where they were.
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    for (const [name, path] of DESTINATIONS) {
      await openMenu();
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(`${server.url}${path}`);
      // Following a link closes the menu: the new page is what the person wanted to see.
      await eventually(() => button.getAttribute('aria-expanded')).toBe('false');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoSidewaysScroll();
    }
  });

  it('shows the count of open alerts on the folded menu, where the Alerts link is out of sight', async () => {
    await page.goto(`${server.url}/sinks`);
    await eventually(() => page.getByTestId('menu-alerts-count').textContent(), ENGINE_WAIT_MS).toBe('1');
    expect(await page.getByTestId('menu-alerts-count').isVisible()).toBe(true);
    expect(await page.getByTestId('active-alerts-count').isVisible()).toBe(false);
  });

  it("scrolls a sink's wide message table inside its card, not the page", async () => {
    await openSink(sinkId);
    await showTab('tab-delivered');
    await expectRowCount(2, ENGINE_WAIT_MS);
    await expectNoSidewaysScroll();
    const frame = page.getByTestId('message-table').locator('xpath=..');
    const { scrollWidth, clientWidth } = await frame.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(clientWidth).toBeLessThanOrEqual(PHONE.width);
    // The table is wider than the phone: its card scrolls to show the rest.
    expect(scrollWidth).toBeGreaterThan(clientWidth);
  });
});

describe('the new-sink form', () => {
  it('shows its fields before the code editor is downloaded, and loads it when the filter is opened', async () => {
    const scripts: string[] = [];
    const onRequest = (request: { resourceType(): string; url(): string }) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${server.url}/sinks/new`);
      const form = page.getByTestId('sink-form');
      await form.getByTestId('sink-name').waitFor();
      await page.waitForLoadState('networkidle');
      const editorChunks = async (urls: string[]) => {
        const found: string[] = [];
        for (const url of urls) {
          if ((await (await page.request.get(url)).text()).includes(EDITOR_MARKER)) found.push(url);
        }
        return found;
      };
      const beforeOpening = [...scripts];
      expect(beforeOpening.length).toBeGreaterThan(0);
      expect(await editorChunks(beforeOpening)).toEqual([]);
      expect(await form.getByTestId('sink-filter-open').isVisible()).toBe(true);

      const editor = await openCodeField(form, 'sink-filter');
      // Opened by a click, the editor takes the focus: the person can type the filter at once.
      await eventually(() => editor.evaluate((element) => element === document.activeElement)).toBe(true);
      const loadedOnOpening = scripts.filter((url) => !beforeOpening.includes(url));
      expect((await editorChunks(loadedOnOpening)).length).toBeGreaterThan(0);
    } finally {
      page.off('request', onRequest);
    }
  });
});

describe('the icon', () => {
  it('is linked from every page and served without a session', async () => {
    for (const path of ['/sinks', '/sign-in']) {
      await page.goto(`${server.url}${path}`);
      const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
      expect(href, `${path} links no icon`).toBeTruthy();
      // Fetched without the session cookie, as a browser on the sign-in page would.
      const response = await fetch(new URL(href ?? '', server.url), { redirect: 'manual' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/svg+xml');
    }
  });
});
