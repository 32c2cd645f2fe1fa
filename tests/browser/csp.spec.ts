// Under the Content-Security-Policy the pages still hydrate and draw their charts, with no
// violation and no console error; and the policy is enforced (an injected inline script
// does not run).
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  '/',
  '/stances',
  '/stances?country=HU&country=SK',
  '/quotes',
  '/sources',
  '/sources/2?quote=24#quote-24',
  '/actors',
  '/actors/united-states',
  '/topics',
  '/topics/new-russia-strategy',
];

type Watch = { violations: () => Promise<string[]>; consoleErrors: string[] };

/** Records CSP violations (from the page's own event) and console errors from the first byte. */
async function watch(page: Page): Promise<Watch> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

/** True once React has hydrated the document (it attaches its fiber to DOM nodes). */
async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber')));
}

for (const path of PAGES) {
  test(`${path}: hydrates with no CSP violation and no console error`, async ({ page }) => {
    const seen = await watch(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => hydrated(page), { message: 'React hydrated the page' }).toBe(true);
    expect(await seen.violations(), 'CSP violations').toEqual([]);
    expect(seen.consoleErrors, 'console errors').toEqual([]);
  });
}

for (const path of ['/', '/topics/new-russia-strategy']) {
  test(`${path}: the charts render under the policy`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(path);
    // Recharts draws in the browser only (it measures its container first), so an SVG with
    // bars or sectors means client-side JavaScript ran.
    await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    const drawnShapes = () =>
      page.evaluate(
        () =>
          // Tremor draws each bar as a rect in a .recharts-bar-rectangle group; donuts as sectors.
          [...document.querySelectorAll<SVGGraphicsElement>('svg.recharts-surface .recharts-bar-rectangle > *, svg.recharts-surface path.recharts-sector')].filter((shape) => {
            const box = shape.getBBox();
            return box.width > 0 && box.height > 0;
          }).length,
      );
    await expect.poll(drawnShapes, { message: 'bars or sectors with a size' }).toBeGreaterThan(0);
    expect(await seen.violations(), 'CSP violations').toEqual([]);
    expect(seen.consoleErrors, 'console errors').toEqual([]);
  });
}

test('client-side navigation works under the policy', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  await expect.poll(() => hydrated(page)).toBe(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page).toHaveURL(/\/quotes$/);
  await expect(page.locator('h1')).toHaveText('Quotes');
  expect(await seen.violations()).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test('the policy is enforced: injected markup cannot run script', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  // What an HTML injection would smuggle in: an inline event handler. (A <script> element
  // created by script is another matter: 'strict-dynamic' trusts scripts that trusted
  // scripts add, which is what lets Next load its chunks.)
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__injectedRan = true">');
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => seen.violations()).toEqual([expect.stringMatching(/^script-src-attr blocked inline/)]);
});
