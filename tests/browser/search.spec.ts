// Searching the evidence: type words on /quotes, see the matches marked and the order named,
// follow a result to its place in the article; and the listings' other promises seen from a
// browser (a stale page link, a form that works without JavaScript).
import { expect, test } from '@playwright/test';
import { apiJson, expectPageChrome, squish, type ApiList, type ApiQuote } from './helpers';

test('search from /quotes: matched words are marked, the order is named, a result opens in its source', async ({ page, request }) => {
  await page.goto('/quotes');
  await expectPageChrome(page, 'Quotes');
  await page.getByLabel('Search quotes and speakers').fill('strategy');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((u) => u.pathname === '/quotes' && u.searchParams.get('q') === 'strategy');

  const expected = await apiJson<ApiList<ApiQuote & { matches: { start: number; end: number }[] }>>(request, '/api/quotes?q=strategy&limit=all');
  expect(expected.items.length).toBeGreaterThan(0);
  const rows = page.getByTestId('quote-row');
  await expect(rows).toHaveCount(expected.items.length);
  await expect(page.getByTestId('result-order')).toHaveText('Ordered by: Most relevant first');
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Text matches strategy');

  // Every result marks the word, and only whole words that match.
  for (const row of await rows.all()) {
    const marks = row.getByTestId('search-match');
    expect(await marks.count()).toBeGreaterThan(0);
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe('strategy');
  }

  // Open the first result in its article: the quote is highlighted there, in view.
  const first = expected.items[0]!;
  await rows.first().getByRole('link', { name: /Open in source/ }).click();
  await page.waitForURL((u) => u.pathname === `/sources/${first.sourceId}` && u.hash === `#quote-${first.id}`);
  const mark = page.locator(`mark#quote-${first.id}`);
  await expect(mark).toHaveAttribute('data-active', 'true');
  await expect(mark).toBeInViewport();
  expect(squish(await mark.textContent())).toBe(squish(first.text));
});

test('a phrase search finds the words in that order only', async ({ page }) => {
  await page.goto('/quotes?q=%22new+strategy%22');
  const marks = page.getByTestId('search-match');
  expect(await marks.count()).toBeGreaterThan(0);
  for (const text of await marks.allTextContents()) expect(squish(text).toLowerCase()).toBe('new strategy');
});

test('search input the grammar cannot use is reported by name, and the page still works', async ({ page }) => {
  const response = await page.goto('/quotes?q=%22%22%28%29');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'not understood' })).toContainText('q: has no words to search for');
  await expect(page.getByTestId('quote-row').first()).toBeVisible();
});

test('a page link from another sort shows the first page with a notice naming cursor', async ({ page }) => {
  await page.goto('/quotes?limit=2&sort=kind');
  const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' });
  const href = (await next.getAttribute('href')) ?? '';
  const cursor = new URL(href, 'http://x').searchParams.get('cursor');
  expect(cursor).toBeTruthy();
  await page.goto(`/quotes?limit=2&sort=date&cursor=${cursor}`);
  await expect(page.getByRole('alert').filter({ hasText: 'cursor' })).toContainText('was made for sort=kind');
  await expect(page.getByTestId('quote-row')).toHaveCount(2);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the country picker is a list of checkboxes that a plain GET form submits', async ({ page }) => {
    await page.goto('/stances');
    const country = page.getByRole('group', { name: 'Country' });
    await expect(country.getByRole('searchbox')).toHaveCount(0);
    await country.getByRole('checkbox', { name: /Hungary/ }).check();
    await country.getByRole('checkbox', { name: /Slovakia/ }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.pathname === '/stances' && u.searchParams.getAll('country').length === 2);
    expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['HU', 'SK']);
    for (const row of await page.getByTestId('stance-row').all()) expect(['HU', 'SK']).toContain(await row.getAttribute('data-country'));
  });
});
