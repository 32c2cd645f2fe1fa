// Page contract: titles, headings, navigation, the source reader and the quotes list;
// plus a screenshot of each main page for humans (nothing is asserted on pixels).
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiJson, expectPageChrome, squish, type ApiList, type ApiQuote } from './helpers';

const MAIN_PAGES = [
  { name: 'overview', path: '/', h1: 'Where the allies stand' },
  { name: 'stances', path: '/stances', h1: 'Stances' },
  { name: 'stances-hu-sk', path: '/stances?country=HU&country=SK', h1: 'Stances' },
  { name: 'quotes', path: '/quotes', h1: 'Quotes' },
  { name: 'sources', path: '/sources', h1: 'Sources' },
  { name: 'source-1', path: '/sources/1', h1: 'US actions are holding back NATO in discussing relations with Russia' },
  { name: 'source-2-quote', path: '/sources/2?quote=22#quote-22', h1: 'NATO is considering developing a new strategy for Russia: Media get details' },
  { name: 'actor-united-states', path: '/actors/united-states', h1: 'United States' },
  { name: 'topic-new-russia-strategy', path: '/topics/new-russia-strategy', h1: 'New NATO strategy toward Russia' },
] as const;

for (const p of MAIN_PAGES) {
  test(`${p.path}: title, one h1 "${p.h1}", main navigation`, async ({ page }) => {
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(200);
    await expectPageChrome(page, p.h1);
  });
}

test('screenshots of the main pages in test-results/screens/', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync('test-results/screens', { recursive: true });
  for (const p of MAIN_PAGES) {
    await page.goto(p.path);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `test-results/screens/${p.name}.png`, fullPage: !p.path.includes('#') });
  }
});

for (const sourceId of [1, 2]) {
  test(`/sources/${sourceId} marks every coded quote at its offsets`, async ({ page, request }) => {
    await page.goto(`/sources/${sourceId}`);
    const quotes = await apiJson<ApiList<ApiQuote>>(request, `/api/quotes?source=${sourceId}&limit=all`);
    expect(quotes.items.length).toBeGreaterThan(0);
    // One anchored <mark id="quote-N"> per quote, holding exactly the quote's words.
    const ids = await page.locator('mark[id^="quote-"]').evaluateAll((ms) => ms.map((m) => m.id));
    expect(ids.sort()).toEqual(quotes.items.map((q) => `quote-${q.id}`).sort());
    for (const q of quotes.items) {
      expect(squish(await page.locator(`mark#quote-${q.id}`).textContent()), `mark for quote ${q.id}`).toBe(squish(q.text));
    }
    // Without ?quote= nothing is active.
    await expect(page.locator('mark[data-active="true"]')).toHaveCount(0);
  });
}

test('a shared quote link, loaded directly, opens the article scrolled to the active quote', async ({ page, request }) => {
  const stances = await apiJson<ApiList<{ evidence: number[] }>>(request, '/api/stances?actor=united-states&topic=new-russia-strategy&from=2025-01-01');
  const evidence = stances.items[0]?.evidence ?? [];
  expect(evidence.length, 'evidence of the 2025 US stance').toBeGreaterThan(0);
  // The quote furthest into its article, so that showing it takes a scroll.
  const quotes = await apiJson<ApiList<ApiQuote>>(request, '/api/quotes?limit=all');
  const quote = quotes.items.filter((q) => evidence.includes(q.id)).sort((a, b) => b.start - a.start)[0];
  expect(quote).toBeDefined();
  await page.goto(`/sources/${quote?.sourceId}?quote=${quote?.id}#quote-${quote?.id}`);
  const mark = page.locator(`mark#quote-${quote?.id}`);
  await expect(mark).toHaveAttribute('data-active', 'true');
  await expect(mark).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY), 'the page scrolled to the quote').toBeGreaterThan(0);
  await expect(page.locator('mark[data-active="true"]')).toHaveCount(1);
});

test('/sources/1 keeps the body verbatim, teaser line included; /sources/2 shows its date as unknown', async ({ page, request }) => {
  const source1 = await apiJson<{ body: string; publishedAt: string | null }>(request, '/api/sources/1');
  expect(source1.publishedAt).toBe('2025-04-02');
  const lastLine = source1.body.trim().split('\n').at(-1) ?? '';
  expect(lastLine).toContain('Rutte');
  await page.goto('/sources/1');
  await expect(page.locator('main')).toContainText(squish(lastLine));
  await expect(page.locator('main')).toContainText('2 Apr 2025');

  const source2 = await apiJson<{ publishedAt: string | null; originalPublishedAt: string | null }>(request, '/api/sources/2');
  expect(source2.publishedAt).toBeNull();
  expect(source2.originalPublishedAt).toBe('2024-10-11');
  await page.goto('/sources/2');
  await expect(page.locator('main')).toContainText(/date unknown/i);
  await expect(page.locator('main')).toContainText('11 Oct 2024');
});

test('/quotes has the same filter form as /stances and lists quote rows', async ({ page, request }) => {
  await page.goto('/quotes');
  await expectPageChrome(page, 'Quotes');
  const form = page.locator('form[method="get" i]').filter({ has: page.getByRole('button', { name: 'Apply filters' }) });
  await expect(form).toHaveCount(1);
  await expect(form.getByLabel('Country', { exact: true })).toHaveAttribute('multiple', '');
  for (const label of ['Topic', 'Camp', 'Position', 'Evidence kind']) {
    await expect(form.getByLabel(label, { exact: true }), label).toHaveCount(1);
  }
  for (const label of ['From', 'To']) await expect(form.getByLabel(label, { exact: true })).toHaveAttribute('type', 'date');

  const all = await apiJson<ApiList<ApiQuote>>(request, '/api/quotes?limit=all');
  await expect(page.getByTestId('quote-row')).toHaveCount(Math.min(all.items.length, 50));

  await form.getByLabel('Evidence kind', { exact: true }).selectOption('direct');
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((u) => u.pathname === '/quotes' && u.searchParams.get('kind') === 'direct');
  const direct = all.items.filter((q) => q.kind === 'direct');
  await expect(page.getByTestId('quote-row')).toHaveCount(direct.length);
});

test('/stances has the full filter form', async ({ page }) => {
  await page.goto('/stances');
  const form = page.locator('form[method="get" i]').filter({ has: page.getByRole('button', { name: 'Apply filters' }) });
  await expect(form).toHaveCount(1);
  await expect(form.getByLabel('Country', { exact: true })).toHaveAttribute('name', 'country');
  await expect(form.getByLabel('Country', { exact: true })).toHaveAttribute('multiple', '');
  await expect(form.getByLabel('Topic', { exact: true })).toHaveAttribute('name', 'topic');
  for (const label of ['Camp', 'Position', 'Evidence kind']) await expect(form.getByLabel(label, { exact: true }), label).toHaveCount(1);
  for (const label of ['From', 'To']) await expect(form.getByLabel(label, { exact: true })).toHaveAttribute('type', 'date');
});
