import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What axe-core reports that the console must not have: the rest is advice. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
/** The WCAG 2.1 A and AA rules: what "accessible" means in most procurement checklists. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical WCAG violations axe-core finds on the page as it is now, one line
 * each, prefixed with `where`: empty when the page passes.
 */
export async function blockingViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${where}: ${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}`,
      ),
    );
}
