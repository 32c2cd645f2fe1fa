// (d) axe-core, WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations on the main pages.
import { expect, test } from '@playwright/test';
import { wcagAxe } from './axe';

const PAGES = [
  '/',
  '/stances',
  '/stances?country=HU&country=SK',
  '/quotes',
  '/sources',
  '/sources/1',
  '/sources/2?quote=22#quote-22',
  '/actors',
  '/actors/united-states',
  '/topics',
  '/topics/new-russia-strategy',
  '/stances/1',
  '/sign-in',
];

type Violation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown; failureSummary?: string }[] };

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${JSON.stringify(n.target)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n'),
    )
    .join('\n');
}

for (const path of PAGES) {
  test(`axe: no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status(), `${path} status`).toBe(200);
    await page.waitForLoadState('networkidle');
    const results = await wcagAxe(page).analyze();
    // Compared by rule id so that a failure prints the readable report, not a JSON diff.
    const report = describe(results.violations);
    expect(results.violations.map((v) => v.id), `axe violations on ${path}:\n${report}`).toEqual([]);
  });
}
