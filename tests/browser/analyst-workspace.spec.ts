// The analysts' workspace, end to end on the suite's server and database: an analyst signs in,
// uploads an article (with a duplicate and a bad file in the batch), reviews its suggestions
// (accepts one, corrects a span by selecting words, rejects one, with the keyboard), codes a new
// dated stance citing the accepted quote, and finds it in the stance table, the actor's history
// and the audit log. A viewer, made with the account command line, sees no edit controls, and
// the same write sent from the viewer's session is refused and changes nothing.
//
// Runs in the "workspace" project, after the readers' tests (it changes the shared database).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { wcagAxe } from './axe';
import { apiJson, type ApiList, type ApiStance } from './helpers';
import { BASE_URL, DATABASE_PATH, DEMO_ANALYST } from './server-env';

test.describe.configure({ mode: 'serial' });

const ARTICLE = join(process.cwd(), 'tests/fixtures/browser/journey-article.txt');
const SEED_ARTICLE = join(process.cwd(), 'seeds/000_2b7cb4218ea99be8.txt');
const VIEWER = { email: 'viewer-e2e@example.org', password: 'viewer-e2e-password' };
// Sign-in is rate-limited (5 a minute per address): each person signs in once, then the session is reused.
const STATE_DIR = mkdtempSync(join(tmpdir(), 'standpoint-workspace-'));
const ANALYST_STATE = join(STATE_DIR, 'analyst.json');

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await wcagAxe(page).analyze();
  const report = results.violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  expect(results.violations.map((v) => v.id), `axe violations on ${what}:\n${report}`).toEqual([]);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in with your email address' });
  await form.getByRole('textbox', { name: 'Email address' }).fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByTestId('account')).toContainText(`Signed in as ${email}`);
}

/** Selects `text` inside `root` as a person dragging over it would: a DOM Range over the text nodes. */
async function selectInArticle(page: Page, text: string): Promise<void> {
  await page.getByTestId('review-article').evaluate((root, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const whole = nodes.map((n) => n.data).join('');
    const start = whole.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the article`);
    const at = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('offset past the end');
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

const currentQuote = (page: Page) => page.getByTestId('current-quote');

/** A screenshot for people to look at, beside those of pages.spec.ts; nothing is asserted on pixels. */
async function screen(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/workspace-${name}.png`, fullPage: true });
}

test('analyst: sign in, upload, review, code a stance, find it in the table, the actor’s history and the audit log', async ({ page, request }) => {
  // Signing in: a wrong password is reported next to the password field, with focus there.
  await page.goto('/sign-in');
  await expectNoAxeViolations(page, '/sign-in');
  const form = page.getByRole('form', { name: 'Sign in with your email address' });
  await form.getByRole('textbox', { name: 'Email address' }).fill(DEMO_ANALYST.email);
  await form.getByLabel('Password').fill('not-the-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  const password = form.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/email or the password is wrong/);
  await expect(password).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Email address' })).toHaveValue(DEMO_ANALYST.email);
  await password.fill(DEMO_ANALYST.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${BASE_URL}/`);
  const account = page.getByTestId('account');
  await expect(account).toContainText(`Signed in as ${DEMO_ANALYST.email}`);
  await expect(account).toContainText('analyst');
  await page.context().storageState({ path: ANALYST_STATE });

  // Upload a batch: the new article, an article already stored (a seed) and a file that is no article.
  await page.getByRole('navigation', { name: 'Analysis' }).getByRole('link', { name: 'Add sources' }).click();
  await expect(page.locator('h1')).toHaveText('Add sources');
  await expectNoAxeViolations(page, '/sources/new');
  await page.getByLabel('Article files').setInputFiles([
    { name: 'journey-article.txt', mimeType: 'text/plain', buffer: readFileSync(ARTICLE) },
    { name: 'seed-article.txt', mimeType: 'text/plain', buffer: readFileSync(SEED_ARTICLE) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
  ]);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('Uploaded 3 of 3 files')).toBeVisible();
  await expect(page.locator('#upload-progress')).toHaveAttribute('value', '3');
  const results = page.getByTestId('upload-results').locator('tbody tr');
  await expect(results).toHaveCount(3);
  await expect(results.nth(0)).toContainText('journey-article.txt');
  await expect(results.nth(0).locator('td').nth(1)).toHaveText('new');
  await expect(results.nth(0)).toContainText('4 suggested quotes');
  await expect(results.nth(1).locator('td').nth(1)).toHaveText('duplicate');
  await expect(results.nth(2).locator('td').nth(1)).toHaveText('failed');
  await expect(results.nth(2)).toContainText('PNG image');
  await expect(page.getByTestId('upload-summary')).toHaveText(/1 new, 1 duplicate, 1 failed; 4 suggested quotes to review/);
  await expect(page.getByTestId('upload-summary')).toBeFocused();
  await expectNoAxeViolations(page, '/sources/new after an upload');
  await screen(page, 'upload');

  // Review the new article's suggestions, in the order of the text.
  await results.nth(0).getByRole('link', { name: 'Review its suggestions' }).click();
  await expect(page).toHaveURL(/\/review\?source=\d+&sort=source$/);
  const sourceId = Number(new URL(page.url()).searchParams.get('source'));
  const queue = page.getByTestId('review-queue').getByRole('link');
  // Two direct quotes of Szijjarto, then the US official's reported statement and the direct
  // quote inside it.
  await expect(queue).toHaveCount(4);
  await expect(currentQuote(page).getByTestId('current-quote-text')).toHaveText('Budapest will keep its channels to Moscow open, whatever Brussels says.');
  await expect(page.getByTestId('review-article')).toContainText('Hungarian Foreign Minister Peter Szijjarto said on Tuesday');
  await expect(page.getByTestId('shortcuts')).toContainText('a accept');
  await expectNoAxeViolations(page, '/review');
  await screen(page, 'review');
  const firstHeading = await currentQuote(page).getByRole('heading', { level: 2 }).textContent();
  const acceptedId = Number(/Quote (\d+)/.exec(firstHeading ?? '')![1]);

  // Shortcuts do not fire while typing in a field.
  const speakerSearch = currentQuote(page).getByRole('searchbox', { name: 'Find speaker by name or alias' });
  await speakerSearch.fill('');
  await speakerSearch.pressSequentially('ar');
  await expect(speakerSearch).toHaveValue('ar');
  await expect(page).toHaveURL(/\/review\?source=\d+&sort=source$/);

  // a: accept the first suggestion; the queue moves on to the next one and says what happened.
  await page.getByRole('heading', { name: 'Review queue' }).click();
  await page.keyboard.press('a');
  const notice = page.getByTestId('saved-notice');
  await expect(notice).toHaveText(new RegExp(`Quote ${acceptedId} accepted`));
  await expect(notice).toBeFocused();
  await expect(queue).toHaveCount(3);
  const codeStanceHref = await notice.getByRole('link', { name: `Code a stance citing quote ${acceptedId}` }).getAttribute('href');
  const quote2 = currentQuote(page).getByTestId('current-quote-text');
  await expect(quote2).toHaveText('Talking to the Kremlin is not a crime, it is diplomacy,');

  // Correct the second one's span by selecting its words in the article (without the trailing comma).
  await selectInArticle(page, 'Talking to the Kremlin is not a crime, it is diplomacy');
  await page.getByTestId('use-selection').click();
  await expect(page.getByTestId('span-preview')).toHaveText('New words: Talking to the Kremlin is not a crime, it is diplomacy');
  await screen(page, 'review-span');
  await page.getByRole('button', { name: 'Save span' }).click();
  await expect(notice).toHaveText(/span corrected/);
  await expect(quote2).toHaveText('Talking to the Kremlin is not a crime, it is diplomacy');
  const correctedId = Number(/Quote (\d+)/.exec((await currentQuote(page).getByRole('heading', { level: 2 }).textContent()) ?? '')![1]);
  const corrected = await apiJson<{ items: { id: number; start: number; end: number; text: string }[] }>(page.request, `/api/review?source=${sourceId}`);
  const stored = corrected.items.find((q) => q.id === correctedId)!;
  const body = ((await apiJson<{ body: string }>(request, `/api/sources/${sourceId}`)) as { body: string }).body;
  expect(body.slice(stored.start, stored.end)).toBe('Talking to the Kremlin is not a crime, it is diplomacy');

  // j: past the reported statement to the quote inside it; r: reject that one.
  await notice.press('j');
  await expect(currentQuote(page).getByTestId('current-quote-text')).toHaveText('the administration was "watching Budapest closely" but did not want a public quarrel with an ally');
  await page.getByRole('heading', { name: 'Review queue' }).click();
  await page.keyboard.press('j');
  await expect(currentQuote(page).getByTestId('current-quote-text')).toHaveText('watching Budapest closely');
  const rejectedId = Number(/Quote (\d+)/.exec((await currentQuote(page).getByRole('heading', { level: 2 }).textContent()) ?? '')![1]);
  await page.getByRole('heading', { name: 'Review queue' }).click();
  await page.keyboard.press('r');
  await expect(notice).toHaveText(new RegExp(`Quote ${rejectedId} rejected`));
  await expect(queue).toHaveCount(2);

  // Code a new dated stance of Hungary on contacts with the Kremlin, citing the accepted quote.
  await page.goto(codeStanceHref!);
  await expect(page.locator('h1')).toHaveText('New stance');
  const evidence = page.getByTestId('evidence-picker');
  await expect(evidence.getByTestId('chosen-quote')).toHaveCount(1);
  await expect(evidence.getByTestId('chosen-quote')).toContainText('Budapest will keep its channels to Moscow open');
  await expect(evidence.getByTestId('chosen-quote')).toContainText('Hungarian Foreign Minister Peter Szijjarto said on Tuesday that');
  const actorSearch = page.getByRole('searchbox', { name: 'Find actor by name or alias' });
  await actorSearch.fill('hungar');
  await actorSearch.press('Enter');
  await page.getByRole('button', { name: 'Choose Hungary (state, HU)' }).click();
  await expect(page.getByTestId('actor-picker-actor')).toContainText('Actor: Hungary (state, HU)');
  await page.getByLabel('Topic').selectOption('kremlin-contacts');
  await page.getByRole('radio', { name: '+2 engage actively' }).check();
  await page.getByRole('radio', { name: 'high' }).check();
  await page.getByLabel('As of').fill('2025-06-10');
  // Saved without a summary: refused, the problem next to the field, focus on the list of problems.
  await page.getByRole('button', { name: 'Save stance' }).click();
  const summaryField = page.getByRole('textbox', { name: 'Summary' });
  await expect(summaryField).toHaveAttribute('aria-invalid', 'true');
  await expect(summaryField).toHaveAccessibleDescription(/must not be empty/);
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeFocused();
  await expect(evidence.getByTestId('chosen-quote')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: '+2 engage actively' })).toBeChecked();
  await expectNoAxeViolations(page, '/stances/new with errors');
  await screen(page, 'stance-form-errors');
  await summaryField.fill('Keeps its channels to Moscow open against Brussels, calling talks with the Kremlin diplomacy.');
  await page.getByRole('button', { name: 'Save stance' }).click();
  await expect(page).toHaveURL(/\/stances\/\d+\?saved=stance$/);
  const stanceId = Number(/\/stances\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId('saved-notice')).toBeFocused();
  await expect(page.locator('h1')).toHaveText('Hungary on Contacts with the Kremlin, as of 10 Jun 2025');
  await expect(page.getByTestId('record-history').getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('record-history')).toContainText(`stance created by ${DEMO_ANALYST.email} (analyst) through a page`);
  await screen(page, 'stance');

  // In the stance table, beside the earlier judgement, which stays.
  await page.goto('/stances?country=HU&topic=kremlin-contacts');
  const rows = page.getByTestId('stance-row');
  await expect(rows).toHaveCount(2);
  const row = rows.filter({ has: page.locator(`a[href="/stances/${stanceId}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('engage actively');
  await expect(row.getByTestId('evidence-link')).toContainText('Budapest will keep its channels');
  const api = await apiJson<ApiList<ApiStance>>(request, '/api/stances?country=HU&topic=kremlin-contacts&sort=asOf');
  expect(api.items.map((s) => s.asOf)).toEqual(['2024-10-11', '2025-06-10']);
  expect(api.items[1]!.evidence).toEqual([acceptedId]);

  // In the actor's history.
  await page.goto('/actors/hungary');
  const kremlin = page.getByTestId('topic-history').filter({ hasText: 'Contacts with the Kremlin' });
  // Both judgements, in date order: the new one is added, the earlier one stays.
  await expect(kremlin.locator('time')).toHaveText(['11 Oct 2024', '10 Jun 2025']);
  await expectNoAxeViolations(page, '/actors/hungary as an analyst');

  // In the audit log, filtered to the analyst: every change of the journey, with who and how.
  await page.getByRole('navigation', { name: 'Analysis' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Who').selectOption({ label: `${DEMO_ANALYST.email} (analyst)` });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/audit\?user=/);
  const audit = page.getByTestId('audit-row');
  await expect(audit).toHaveCount(5);
  const whats = (await audit.locator('td:nth-child(3)').allTextContents()).map((t) => t.trim());
  expect(whats).toEqual(['stance created', 'quote rejected', 'quote updated', 'quote accepted', 'source added with its suggested quotes']);
  for (const who of await audit.locator('td:nth-child(2)').allTextContents()) expect(who).toContain(`${DEMO_ANALYST.email} (analyst, through a page)`);
  await expect(audit.first().getByRole('link', { name: `stance ${stanceId}`, exact: true })).toHaveAttribute('href', `/stances/${stanceId}`);
  await expect(audit.nth(2)).toContainText('text: Talking to the Kremlin is not a crime, it is diplomacy, → Talking to the Kremlin is not a crime, it is diplomacy');
  await expectNoAxeViolations(page, '/audit');
  await screen(page, 'audit');
});

test('viewer: no edit controls anywhere, and the same writes sent from the viewer’s session are refused', async ({ browser, request }) => {
  // A viewer account, made with the command line against the suite's database.
  const made = execFileSync('npm', ['run', '--silent', 'user:add', '--', '--email', VIEWER.email, '--password', VIEWER.password, '--role', 'viewer'], {
    env: { ...process.env, DATABASE_PATH },
    encoding: 'utf8',
  });
  expect(made).toContain(`created viewer ${VIEWER.email}`);

  const analyst = await browser.newContext({ storageState: ANALYST_STATE });
  const viewer = await browser.newContext();
  try {
    const viewerPage = await viewer.newPage();
    await signIn(viewerPage, VIEWER.email, VIEWER.password);
    await expect(viewerPage.getByTestId('account')).toContainText('viewer');
    await expect(viewerPage.getByRole('navigation', { name: 'Analysis' })).toHaveCount(0);
    for (const path of ['/actors/hungary', '/topics/kremlin-contacts', '/stances/1', '/sources/1', '/stances', '/actors', '/topics', '/sources']) {
      await viewerPage.goto(path);
      await expect(viewerPage.getByTestId('edit-controls'), path).toHaveCount(0);
      await expect(viewerPage.getByTestId('record-history'), path).toHaveCount(0);
      await expect(viewerPage.getByRole('link', { name: /^(Edit (actor|topic)|New (stance|actor|topic|judgement)|Correct this|Record a new|Add a member|Add sources|Review)/ }), path).toHaveCount(0);
    }
    // The analysts' pages send a viewer to sign in as someone who may use them.
    for (const path of ['/review', '/sources/new', '/stances/new', '/audit', '/actors/hungary/edit']) {
      await viewerPage.goto(path);
      await expect(viewerPage).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path).replace(/[/]/g, '\\/')}&denied=1$`));
      await expect(viewerPage.getByRole('alert').filter({ hasText: 'Your account (viewer) may not open' })).toContainText(`may not open ${path}`);
    }

    const stancesOfHungary = async () => (await apiJson<ApiList<ApiStance>>(request, '/api/stances?country=HU&topic=kremlin-contacts')).items.length;
    const before = await stancesOfHungary();
    const quote = (await apiJson<ApiList<{ id: number }>>(request, '/api/quotes?country=HU&limit=1')).items[0]!.id;

    // The JSON API, with the viewer's session cookie, from the app's own origin: 403, nothing written.
    const json = await viewer.request.post('/api/stances', {
      headers: { Origin: BASE_URL },
      data: { actor: 'hungary', topic: 'kremlin-contacts', position: 2, confidence: 'low', asOf: '2025-07-01', summary: 'A viewer’s attempt.', evidence: [quote] },
    });
    expect(json.status(), await json.text()).toBe(403);

    // The page's own server action: an analyst fills in the form, the request is caught on its way
    // and sent again from the viewer's session (refused, nothing written), then from the
    // analyst's (saved: the request itself was a valid write).
    const analystPage = await analyst.newPage();
    await analystPage.goto(`/stances/new?actor=hungary&topic=kremlin-contacts&evidence=${quote}`);
    await analystPage.getByRole('radio', { name: '+1 keep selective contacts' }).check();
    await analystPage.getByRole('radio', { name: 'low' }).check();
    await analystPage.getByLabel('As of').fill('2025-07-01');
    await analystPage.getByRole('textbox', { name: 'Summary' }).fill('A judgement sent twice.');
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    await analystPage.route('**/stances/new**', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await analystPage.getByRole('button', { name: 'Save stance' }).click();
    await expect.poll(() => captured !== null).toBe(true);
    const replay = (context: typeof viewer) =>
      context.request.post(`/stances/new?actor=hungary&topic=kremlin-contacts&evidence=${quote}`, {
        headers: {
          'Next-Action': captured!.headers['next-action']!,
          'Next-Router-State-Tree': captured!.headers['next-router-state-tree'] ?? '',
          'Content-Type': captured!.headers['content-type']!,
          Accept: 'text/x-component',
          Origin: BASE_URL,
        },
        data: captured!.body,
        maxRedirects: 0,
      });
    const refused = await replay(viewer);
    expect(await refused.text()).toContain(`${VIEWER.email} (viewer) may not stance:create`);
    expect(await stancesOfHungary()).toBe(before);
    const saved = await replay(analyst);
    expect(saved.status(), await saved.text()).toBeLessThan(400);
    expect(await stancesOfHungary()).toBe(before + 1);
  } finally {
    await analyst.close();
    await viewer.close();
  }
});

test('analysts’ forms: actor and topic edits keep the version, and a conflicting save shows the record as it is now', async ({ browser }) => {
  const context = await browser.newContext({ storageState: ANALYST_STATE });
  try {
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto('/actors/slovakia/edit');
    await second.goto('/actors/slovakia/edit');
    await expectNoAxeViolations(first, '/actors/slovakia/edit');
    // One tab saves an alias; the other, opened at the same version, saves another change.
    await first.getByLabel('Also written as').fill('the Slovak Republic\nSlovensko');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await expect(first).toHaveURL(/\/actors\/slovakia\?saved=actor$/);
    await expect(first.locator('main header')).toContainText(/also written as (the Slovak Republic, Slovensko|Slovensko, the Slovak Republic)/);
    await second.getByLabel('NATO member since').fill('2004');
    await second.getByLabel('Also written as').fill('Slovak Republic');
    await second.getByRole('button', { name: 'Save changes' }).click();
    const conflict = second.getByTestId('conflict');
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('changed by someone else');
    await expect(conflict).toContainText('Also written as nowthe Slovak Republic, Slovensko');
    await expect(second.getByLabel('Also written as')).toHaveValue('Slovak Republic');
    await expectNoAxeViolations(second, '/actors/slovakia/edit with a conflict');
    await screen(second, 'actor-conflict');
    // Saving again applies the second tab's values over the current version.
    await second.getByRole('button', { name: 'Save changes' }).click();
    await expect(second).toHaveURL(/\/actors\/slovakia\?saved=actor$/);
    await expect(second.locator('main header')).toContainText('also written as Slovak Republic');

    // A field error comes back next to its field, with the values typed kept.
    await first.goto('/topics/kremlin-contacts/edit');
    await first.getByRole('textbox', { name: '+2' }).fill('');
    await first.getByLabel('Question').fill('Should allies keep talking to the Kremlin at all?');
    await first.getByRole('button', { name: 'Save changes' }).click();
    const plusTwo = first.getByRole('textbox', { name: '+2' });
    await expect(plusTwo).toHaveAttribute('aria-invalid', 'true');
    await expect(plusTwo).toHaveAccessibleDescription(/must not be empty/);
    await expect(first.getByLabel('Question')).toHaveValue('Should allies keep talking to the Kremlin at all?');
    await expectNoAxeViolations(first, '/topics/kremlin-contacts/edit with an error');
  } finally {
    await context.close();
  }
});

test('axe: the analysts’ pages as an analyst sees them', async ({ browser }: { browser: Browser }) => {
  const context = await browser.newContext({ storageState: ANALYST_STATE });
  try {
    const page = await context.newPage();
    for (const path of ['/review', '/actors/new', '/topics/new', '/stances/new', '/stances/1', '/stances/1/edit', '/topics/kremlin-contacts', '/sources/1', '/camps/kremlin-engagement/members/new']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page, path);
    }
  } finally {
    await context.close();
  }
});
