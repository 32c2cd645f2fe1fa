// A page whose data fails must answer 5xx, so monitors and crawlers see the failure, and show
// an accessible message rather than a stack. Runs its own server on a damaged copy of the
// database: the quotes table's first page is overwritten, which start-up's cheap checks do
// not read, so the app opens the file and fails only when a page reads quotes.
import { expect, test } from '@playwright/test';
import { corruptPage, rootPage } from '../support/sqlite-files';
import { wcagAxe } from './axe';
import { expectServerError, rawRequest } from './raw-http';
import { seededDatabase, startOwnApp, type OwnApp } from './own-app';

let app: OwnApp;
let database: ReturnType<typeof seededDatabase>;

test.beforeAll(async () => {
  database = seededDatabase();
  corruptPage(database.path, rootPage(database.path, 'quotes'));
  app = await startOwnApp(database.path);
});
test.afterAll(async () => {
  await app?.stop();
  database?.cleanup();
});

test('the API answers 500 when the quotes cannot be read, with the security headers', async () => {
  await expectServerError(app.baseURL, '/api/quotes');
  const response = await rawRequest(app.baseURL, 'GET', '/api/quotes');
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
});

test('/api/health answers 503 naming the damaged table', async () => {
  const response = await rawRequest(app.baseURL, 'GET', '/api/health');
  expect(response.status).toBe(503);
  expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { status: 503, message: expect.stringMatching(/table quotes cannot be read/) } });
});

test('a page whose data fails shows an accessible error message', async ({ page }) => {
  await page.goto(`${app.baseURL}/quotes`);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Back to the overview' })).toHaveAttribute('href', '/');
  const results = await wcagAxe(page).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

// Pages read their data before they send anything, so a failure is a 5xx status, not an error
// streamed into a 200. (The overview reads only maintained totals, not the quotes table.)
for (const path of ['/quotes', '/sources/1', '/actors/united-states']) {
  test(`${path} answers 5xx when its data fails`, async () => {
    await expectServerError(app.baseURL, path);
  });
}
