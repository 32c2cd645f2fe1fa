// `npm start` runs this first: open the database (refusing a file that is not ours, or is
// damaged), apply the migrations, then seed it if it is empty. Every failure is one line on
// stderr naming the file and the problem, and exit code 1.
import { databasePath } from '@/db/connection';
import { DatabaseStartupError, openAppDatabase } from '@/db/open-app-db';
import { createDemoAccounts, demoAccountsWanted } from '@/seeds/demo-accounts';
import { seedIfEmpty } from '@/seeds/load';

async function main(): Promise<number> {
  const path = databasePath();
  let db;
  try {
    db = openAppDatabase(path, { quickCheck: true });
  } catch (error) {
    console.error(error instanceof DatabaseStartupError ? error.message : `Cannot use the database ${path}: ${String(error)}`);
    return 1;
  }
  try {
    const result = seedIfEmpty(db);
    console.log(result.seeded ? `Seeded ${path}: ${JSON.stringify(result.counts)}` : `Database ${path} already has data; not seeding.`);
    if (demoAccountsWanted()) {
      const created = await createDemoAccounts(db);
      if (created.length) console.log(`DEMO_ACCOUNTS=on: created ${created.join(', ')} with the passwords in the README; never do this for a real deployment.`);
    }
    return 0;
  } catch (error) {
    console.error(`Could not seed ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    db.$client.close();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
