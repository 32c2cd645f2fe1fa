// (b) Positions move over time: the United States on a new NATO strategy toward Russia,
// pushing for it in October 2024 and holding back by April 2025. History is kept, not overwritten.
import { expect, test } from '@playwright/test';
import { apiJson, expectPageChrome, paramsOf, pathOf, type ApiList, type ApiStance } from './helpers';

const TOPIC = 'New NATO strategy toward Russia';
const PUSH = 'push for a new strategy now';
const HOLD = 'holding back / undecided';

test('the US row on the new Russia strategy shows both dated positions', async ({ page, request }) => {
  await page.goto('/stances?country=US&topic=new-russia-strategy');
  await expectPageChrome(page, 'Stances');

  const rows = page.getByTestId('stance-row');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell', { name: 'US', exact: true })).toHaveCount(1);
    await expect(row.getByRole('link', { name: 'United States', exact: true })).toHaveAttribute('href', '/actors/united-states');
    await expect(row).toContainText(TOPIC);
  }
  const push = rows.filter({ hasText: PUSH });
  const hold = rows.filter({ hasText: HOLD });
  await expect(push).toHaveCount(1);
  await expect(hold).toHaveCount(1);
  await expect(push).toContainText('11 Oct 2024');
  await expect(push).toContainText('high');
  await expect(hold).toContainText('2 Apr 2025');
  await expect(hold).toContainText('medium');

  // Each row's evidence: links into the articles, and a link to all of its quotes.
  const api = await apiJson<ApiList<ApiStance>>(request, '/api/stances?country=US&topic=new-russia-strategy');
  expect(api.items).toHaveLength(2);
  for (const [row, asOf] of [
    [push, '2024-10-11'],
    [hold, '2025-04-02'],
  ] as const) {
    const stance = api.items.find((s) => s.asOf === asOf);
    expect(stance, `API stance as of ${asOf}`).toBeDefined();
    if (!stance) continue;
    const links = row.getByTestId('evidence-link');
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      const m = /^\/sources\/\d+\?quote=(\d+)#quote-(\d+)$/.exec(href);
      expect(m, `evidence href ${href}`).not.toBeNull();
      expect(m?.[1]).toBe(m?.[2]);
      expect(stance.evidence).toContain(Number(m?.[1]));
    }
    const all = row.getByRole('link', { name: `All ${stance.evidence.length} evidence quotes` });
    await expect(all).toHaveCount(1);
    const allHref = (await all.getAttribute('href')) ?? '';
    expect(pathOf(allHref)).toBe('/quotes');
    expect(paramsOf(allHref).get('stance')).toBe(String(stance.id));
  }

  // "All N evidence quotes" lists exactly that stance's quotes.
  const stance2025 = api.items.find((s) => s.asOf === '2025-04-02');
  await hold.getByRole('link', { name: /^All \d+ evidence quotes$/ }).click();
  await page.waitForURL((u) => u.pathname === '/quotes');
  await expectPageChrome(page);
  await expect(page.getByTestId('quote-row')).toHaveCount(stance2025?.evidence.length ?? -1);
});

test('the United States actor page shows the dated history', async ({ page }) => {
  await page.goto('/actors/united-states');
  await expectPageChrome(page, 'United States');
  await expect(page.getByText(TOPIC).first()).toBeVisible();

  // Each position appears with its own date, in the same row or list item.
  const entries = page.locator('tr, li');
  await expect(entries.filter({ hasText: PUSH }).filter({ hasText: '11 Oct 2024' }).filter({ hasNotText: HOLD }).first()).toBeVisible();
  await expect(entries.filter({ hasText: HOLD }).filter({ hasText: '2 Apr 2025' }).filter({ hasNotText: PUSH }).first()).toBeVisible();
});
