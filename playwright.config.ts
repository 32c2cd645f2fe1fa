// Browser tests run against the built app (`next start`) on its own port and its own
// freshly seeded database, in Debian's Chromium (Playwright cannot download browsers here).
import { defineConfig } from '@playwright/test';
import { BASE_URL, DATABASE_PATH, PORT } from './tests/browser/server-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Debian's Chromium, headless, quiet.
const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // The analysts' journey writes to the shared database: it runs after the readers' tests,
      // which expect the seed as it is.
      testIgnore: /analyst-workspace\.spec\.ts$/,
      use: { browserName: 'chromium', launchOptions: LAUNCH },
    },
    {
      name: 'workspace',
      testMatch: /analyst-workspace\.spec\.ts$/,
      dependencies: ['chromium'],
      use: { browserName: 'chromium', launchOptions: LAUNCH },
    },
  ],
  webServer: {
    // Start from an empty database every run, so the seed is the only data. `npm start`
    // migrates and seeds it, builds if .next/BUILD_ID is missing, then runs `next start`.
    // Playwright signals the whole process group on teardown, so next-server goes too.
    command: `rm -f "${DATABASE_PATH}" "${DATABASE_PATH}-wal" "${DATABASE_PATH}-shm" && exec npm start`,
    url: `${BASE_URL}/api/health`,
    // DEMO_ACCOUNTS: the demo analyst, admin and viewer of the README (seeds/demo-accounts.ts).
    env: { PORT: String(PORT), DATABASE_PATH, NEXT_TELEMETRY_DISABLED: '1', DEMO_ACCOUNTS: 'on' },
    timeout: 600_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
