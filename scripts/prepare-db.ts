// `npm start` runs this first: apply migrations, then seed the database if it is empty.
import { applyMigrations, databasePath, openDatabase } from './connection';
import { seedIfEmpty } from '@/seeds/load';

const path = databasePath();
const db = openDatabase(path);
try {
  applyMigrations(db);
  const result = seedIfEmpty(db);
  console.log(result.seeded ? `Seeded ${path}: ${JSON.stringify(result.counts)}` : `Database ${path} already has data; not seeding.`);
} catch (error) {
  console.error(`Could not prepare ${path}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
