// (c) The filter form works from the keyboard alone: Tab reaches it, arrow keys choose,
// Enter on "Apply filters" submits.
import { expect, test, type Page } from '@playwright/test';
import { expectPageChrome } from './helpers';

type Focused = { tag: string; name: string | null; text: string; inFilterForm: boolean };

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement;
    const form = el?.closest('form');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('name') ?? null,
      text: (el?.textContent ?? '').trim().slice(0, 60),
      inFilterForm: !!form && !!form.querySelector('button[type="submit"], button:not([type])') && /^get$/i.test(form.getAttribute('method') ?? 'get'),
    };
  });

/** Presses Tab until `done` holds for the focused element; returns the path taken. */
async function tabUntil(page: Page, done: (f: Focused) => boolean, max = 60): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    if (done(f)) return path;
  }
  throw new Error(`Tab never reached the target in ${max} presses; went through:\n${path.map((f) => `${f.tag}[name=${f.name}] ${f.text}`).join('\n')}`);
}

test('Tab reaches the filter form and Enter on "Apply filters" submits it', async ({ page }) => {
  await page.goto('/stances');
  await expectPageChrome(page, 'Stances');
  await page.locator('body').focus();

  // The first stop inside the form is the country picker's search box: type, then Tab to the
  // only country left and tick it with the space bar.
  const toForm = await tabUntil(page, (f) => f.inFilterForm);
  expect(toForm.at(-1)).toMatchObject({ tag: 'input' });
  await expect(page.getByRole('searchbox', { name: 'Find a country' })).toBeFocused();
  await page.keyboard.type('hung');
  await page.keyboard.press('Tab');
  const hungary = page.getByRole('checkbox', { name: /Hungary/ });
  await expect(hungary).toBeFocused();
  await page.keyboard.press('Space');
  await expect(hungary).toBeChecked();

  // Choose a topic with the arrow keys.
  await tabUntil(page, (f) => f.tag === 'select' && f.name === 'topic', 5);
  const topic = page.getByLabel('Topic', { exact: true });
  await expect(topic).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const chosen = await topic.inputValue();
  expect(chosen).not.toBe('');

  // On to the submit button, and press it with Enter.
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Apply filters', 20);
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/stances' && u.searchParams.get('topic') === chosen);
  expect(new URL(page.url()).searchParams.getAll('country')).toEqual(['HU']);

  const title = (await page.getByLabel('Topic', { exact: true }).locator('option:checked').textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  const rows = page.getByTestId('stance-row');
  for (const row of await rows.all()) {
    await expect(row).toContainText(title);
    await expect(row).toHaveAttribute('data-country', 'HU');
  }
});
