// (a) The analyst's path: overview matrix → filtered stances → a quote in its article → permalink.
import { expect, test } from '@playwright/test';
import { apiJson, expectPageChrome, paramsOf, squish, type ApiActor, type ApiList, type ApiQuote, type ApiStance } from './helpers';

const TOPIC_TITLES = [
  'New NATO strategy toward Russia',
  'NATO-Russia Founding Act (1997)',
  'Contacts with the Kremlin',
  'US-led Ukraine talks',
  'Naming Russia as a threat',
];

test('overview shows the stance matrix: 32 allies and NATO by topic, with Tremor charts', async ({ page, request }) => {
  await page.goto('/');
  await expectPageChrome(page, 'Where the allies stand');

  const matrix = page.locator('table').filter({ has: page.locator('caption', { hasText: 'Stance matrix' }) });
  await expect(matrix).toHaveCount(1);

  // Columns: one per topic.
  const header = matrix.locator('thead tr').first();
  for (const title of TOPIC_TITLES) await expect(header).toContainText(title);
  await expect(header.locator('th')).toHaveCount(1 + TOPIC_TITLES.length);

  // Rows: the 32 allies and NATO, each named in its first cell.
  const actors = await apiJson<ApiList<ApiActor>>(request, '/api/actors?limit=all');
  const allies = actors.items.filter((a) => a.kind === 'state' && a.natoAccessionYear !== null);
  expect(allies).toHaveLength(32);
  const rows = matrix.locator('tbody tr');
  await expect(rows).toHaveCount(33);
  // A row's first cell names it, optionally followed by its country code.
  const rowNames = (await rows.locator(':scope > :first-child').allTextContents()).map(squish);
  const names = (name: string, code: string | null) => (n: string) => n === name || (code !== null && (n === `${name}${code}` || n === `${name} ${code}`));
  for (const a of [...allies, { name: 'NATO', countryCode: null }]) {
    expect(rowNames.filter(names(a.name, a.countryCode)), `matrix rows named ${a.name} in ${JSON.stringify(rowNames)}`).toHaveLength(1);
  }

  // A cell with a stance shows its label and links to the filtered stances.
  const hungary = rows.filter({ hasText: 'Hungary' });
  const hungaryLink = hungary.getByRole('link', { name: /engage actively/ });
  await expect(hungaryLink).toHaveCount(1);
  const href = (await hungaryLink.getAttribute('href')) ?? '';
  expect(href.startsWith('/stances?')).toBe(true);
  expect(paramsOf(href).getAll('country')).toEqual(['HU']);
  expect(paramsOf(href).get('topic')).toBe('kremlin-contacts');

  // The United States' latest position on the new strategy is the 2025 one.
  const us = rows.filter({ hasText: 'United States' });
  await expect(us.getByRole('link', { name: /holding back \/ undecided/ })).toHaveCount(1);

  // Cells without a stance say so; Albania has none at all.
  const albania = rows.filter({ hasText: 'Albania' });
  await expect(albania.getByText('No sourced position')).toHaveCount(TOPIC_TITLES.length);
  // 33 rows × 5 topics, less the 9 latest stances in the seed (US 4, HU 1, SK 1, NATO 3).
  await expect(matrix.getByText('No sourced position')).toHaveCount(33 * 5 - 9);

  // Tremor charts (recharts SVG) are rendered.
  await expect(page.locator('.recharts-wrapper svg.recharts-surface').first()).toBeVisible();
});

test('analyst journey: filter Hungary and Slovakia, follow evidence to the quote, reload the permalink', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stances', exact: true }).click();
  await expect(page).toHaveURL(/\/stances$/);
  await expectPageChrome(page, 'Stances');

  const form = page.locator('form[method="get" i]').filter({ has: page.getByRole('button', { name: 'Apply filters' }) });
  await expect(form).toHaveCount(1);
  // The country picker: type to narrow the list, tick the countries, see them as chips.
  const country = form.getByRole('group', { name: 'Country' });
  const find = country.getByRole('searchbox', { name: 'Find a country' });
  await find.fill('hung');
  await expect(country.getByRole('checkbox')).toHaveCount(1);
  await country.getByRole('checkbox', { name: /Hungary/ }).check();
  await find.fill('slov');
  await country.getByRole('checkbox', { name: /Slovakia/ }).check();
  const chips = country.getByRole('list', { name: 'Chosen countries' }).getByRole('button');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toHaveAccessibleName(/^Hungary ?, remove$/);
  await expect(chips.nth(1)).toHaveAccessibleName(/^Slovakia ?, remove$/);
  await form.getByRole('button', { name: 'Apply filters' }).click();

  await page.waitForURL((url) => url.pathname === '/stances' && url.searchParams.getAll('country').length > 0);
  const url = new URL(page.url());
  expect(url.search).toContain('country=HU&country=SK');
  expect(url.searchParams.getAll('country')).toEqual(['HU', 'SK']);
  // A permalink carries only the filters in force, not the form's empty fields.
  expect([...url.searchParams].filter(([, value]) => value === ''), `empty params in ${url.search}`).toEqual([]);

  // Every row is Hungary or Slovakia, and both are there; the table agrees with the API.
  const rows = page.getByTestId('stance-row');
  const expected = await apiJson<ApiList<ApiStance>>(request, '/api/stances?country=HU&country=SK&limit=all');
  expect(expected.items.length).toBeGreaterThan(0);
  await expect(rows).toHaveCount(expected.items.length);
  const codes: string[] = [];
  for (const row of await rows.all()) {
    const code = squish(await row.locator('td').first().textContent());
    codes.push(code);
  }
  expect(codes.every((c) => c === 'HU' || c === 'SK'), `country cells: ${codes.join(', ')}`).toBe(true);
  expect(codes).toContain('HU');
  expect(codes).toContain('SK');
  const rowTexts = await rows.allTextContents();

  // Follow the first evidence quote of the Hungary row to its place in the article.
  const hungaryRow = rows.filter({ has: page.getByRole('cell', { name: 'HU', exact: true }) }).first();
  await expect(hungaryRow.getByRole('link', { name: 'Hungary', exact: true })).toHaveAttribute('href', '/actors/hungary');
  const evidence = hungaryRow.getByTestId('evidence-link').first();
  const evidenceHref = (await evidence.getAttribute('href')) ?? '';
  const match = /^\/sources\/(\d+)\?quote=(\d+)#quote-(\d+)$/.exec(evidenceHref);
  expect(match, `evidence link href ${evidenceHref}`).not.toBeNull();
  const [, sourceId, quoteId, anchorId] = match ?? [];
  expect(anchorId).toBe(quoteId);

  await evidence.click();
  await page.waitForURL((u) => u.pathname === `/sources/${sourceId}` && u.hash === `#quote-${quoteId}`);
  expect(new URL(page.url()).searchParams.get('quote')).toBe(quoteId);

  const source = await apiJson<{ id: number; title: string }>(request, `/api/sources/${sourceId}`);
  await expectPageChrome(page, source.title);

  const mark = page.locator(`mark#quote-${quoteId}`);
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-active', 'true');
  await expect(mark).toBeInViewport();
  // The highlighted words are exactly the stored quote, located by its offsets.
  const quotes = await apiJson<ApiList<ApiQuote>>(request, `/api/quotes?source=${sourceId}&limit=all`);
  const quote = quotes.items.find((q) => String(q.id) === quoteId);
  expect(quote, `quote ${quoteId} in /api/quotes?source=${sourceId}`).toBeDefined();
  expect(squish(await mark.textContent())).toBe(squish(quote?.text));
  expect(quote?.text).toContain('Hungary and Slovakia');
  // Only the quote that was followed is active.
  await expect(page.locator('mark[data-active="true"]')).toHaveCount(1);

  // The filtered view is a permalink: the same URL shows the same rows and the same form state.
  await page.goto(url.pathname + url.search);
  await expect(page.getByTestId('stance-row')).toHaveCount(expected.items.length);
  expect(await page.getByTestId('stance-row').allTextContents()).toEqual(rowTexts);
  const picker = page.getByRole('group', { name: 'Country' });
  await expect(picker.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(picker.getByRole('checkbox', { name: /Hungary/ })).toBeChecked();
  await expect(picker.getByRole('checkbox', { name: /Slovakia/ })).toBeChecked();
});
