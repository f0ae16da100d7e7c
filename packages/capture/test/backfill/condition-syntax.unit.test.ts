import { describe, expect, it } from 'vitest';
import { conditionSyntaxProblem } from '../../src';

describe('a backfill condition', () => {
  it('may be any single expression, with anything inside its literals and quoted names', () => {
    for (const condition of [
      "status = 'open' AND created_at > '2026-01-01'",
      "label = 'a;b' OR label = 'it''s -- not a comment' OR label = '/* nor this */'",
      "note = E'a\\'); DROP TABLE items; --'",
      '"odd;name" = 1 AND "quote""d" IS NULL',
      'body = $$a ) ; -- $$ OR body = $tag$ ) $tag$',
      '(a > 1 AND (b < 2 OR c IN (1, 2, 3)))',
      'price$usd > 10',
      "coalesce(label, '') <> '' AND selection_id IS NOT NULL",
    ]) {
      expect({ condition, problem: conditionSyntaxProblem(condition) }).toEqual({ condition, problem: null });
    }
  });

  it('refuses what could end the expression, hide its end, or read more than the table', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['true; DELETE FROM items', /remove the ";"/],
      ['true -- ) OR (true', /comments/],
      ['true /* ) */', /comments/],
      ['true) OR (true', /closes a parenthesis that was never opened/],
      ['(true', /1 "\(" is not closed/],
      ["label = 'open", /string literal is not closed/],
      ["note = E'a\\'", /string literal is not closed/],
      ['"label = 1', /quoted identifier is not closed/],
      ['body = $$x', /dollar-quoted string is not closed: end it with \$\$/],
      ['id > $1', /parameters/],
      ['id IN (SELECT id FROM other)', /subqueries/],
      ['EXISTS (select 1)', /subqueries/],
    ];
    for (const [condition, problem] of cases) {
      expect(conditionSyntaxProblem(condition), condition).toMatch(problem);
    }
  });
});
