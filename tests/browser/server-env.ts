// Where the browser suite's server runs and which database it uses: read by playwright.config.ts
// and by tests that act on that database directly (the account command line).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PORT = Number(process.env.BROWSER_TEST_PORT ?? 3107);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// Outside test-results/, which Playwright empties at the start of a run.
export const DATABASE_PATH = join(tmpdir(), `standpoint-browser-${PORT}`, 'standpoint.db');

/** The demo analyst the suite's database is made with (DEMO_ACCOUNTS=on; seeds/demo-accounts.ts). */
export const DEMO_ANALYST = { email: 'analyst@example.org', password: 'standpoint-analyst' } as const;
