// (e) The export links of a filtered view return exactly the filtered rows.
import { expect, test } from '@playwright/test';
import { csvRecords, expectPageChrome, paramsOf, pathOf, type ApiList, type ApiStance } from './helpers';

for (const view of [
  { name: 'Hungary and Slovakia', search: '?country=HU&country=SK', countries: ['HU', 'SK'], topic: null },
  { name: 'the new Russia strategy', search: '?topic=new-russia-strategy', countries: [], topic: 'new-russia-strategy' },
]) {
  test(`Export CSV and Export JSON of /stances filtered to ${view.name}`, async ({ page, request }) => {
    await page.goto(`/stances${view.search}`);
    await expectPageChrome(page, 'Stances');
    const rows = page.getByTestId('stance-row');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);

    // The links carry the same filters, with limit=all (and format=csv).
    const csvLink = page.getByRole('link', { name: 'Export CSV' });
    const jsonLink = page.getByRole('link', { name: 'Export JSON' });
    const csvHref = (await csvLink.getAttribute('href')) ?? '';
    const jsonHref = (await jsonLink.getAttribute('href')) ?? '';
    for (const href of [csvHref, jsonHref]) {
      expect(pathOf(href), href).toBe('/api/stances');
      const params = paramsOf(href);
      expect(params.getAll('country')).toEqual(view.countries);
      expect(params.get('topic')).toBe(view.topic);
      expect(params.get('limit')).toBe('all');
    }
    expect(paramsOf(csvHref).get('format')).toBe('csv');
    expect(paramsOf(jsonHref).get('format') ?? 'json').toBe('json');

    // CSV: text/csv, one record per shown row, and nothing outside the filter.
    const csv = await request.get(csvHref);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv\b/);
    const records = csvRecords(await csv.text());
    expect(records).toHaveLength(shown);
    for (const r of records) {
      if (view.countries.length) expect(view.countries).toContain(r.countryCode);
      if (view.topic) expect(r.topic).toBe(view.topic);
    }
    if (view.countries.length) {
      for (const c of view.countries) expect(records.some((r) => r.countryCode === c), `a ${c} record`).toBe(true);
    }
    // Same stances as the table, in the same order.
    const tableIds = await rows.evaluateAll((trs) =>
      trs.map((tr) => new URLSearchParams((tr.querySelector('a[href^="/quotes?"]')?.getAttribute('href') ?? '').split('?')[1]).get('stance')),
    );
    expect(records.map((r) => r.id)).toEqual(tableIds);

    // JSON: the same items, all on one page.
    const json = await request.get(jsonHref);
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toMatch(/^application\/json\b/);
    const body = (await json.json()) as ApiList<ApiStance>;
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((s) => String(s.id))).toEqual(records.map((r) => r.id));
  });
}
