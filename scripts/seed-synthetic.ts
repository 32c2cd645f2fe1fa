// npm run seed:synthetic -- --quotes N [--seed S] [--force]
// Fills the database at DATABASE_PATH with synthetic coverage of N quotes (see scripts/synthetic/).
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { databasePath } from '@/db/sqlite/connection';
import { createSyntheticDatabase } from './synthetic/database';
import { DEFAULT_SEED } from './synthetic/generate';
import { progressReporter } from './synthetic/progress';
import { parseCount } from './synthetic/args';

const USAGE = 'usage: npm run seed:synthetic -- --quotes N [--seed S] [--force]   (writes DATABASE_PATH, default data/standpoint.db)';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quotes: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      force: { type: 'boolean', default: false },
      'no-worker': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.quotes === undefined) throw new Error(`--quotes is required\n${USAGE}`);
  const quotes = parseCount(values.quotes, '--quotes');
  const path = databasePath();
  console.error(`Generating ${quotes.toLocaleString('en')} synthetic quotes into ${path} (seed "${values.seed}")`);
  const progress = progressReporter('quotes');
  let report;
  try {
    report = await createSyntheticDatabase(path, {
      quotes,
      seed: values.seed,
      force: values.force,
      worker: !values['no-worker'],
      onProgress: progress.update,
      onStep: (step) => {
        progress.stop();
        console.error(`  ${step}…`);
      },
    });
  } finally {
    progress.stop();
  }
  const s = report.seconds;
  const mb = statSync(path).size / 1e6;
  console.error(
    [
      `Done: ${path}, ${mb.toFixed(0)} MB`,
      `  ${report.quotes} quotes (${report.acceptedQuotes} accepted), ${report.sources} sources, ${report.actors} actors, ${report.topics} topics,`,
      `  ${report.stances} stances with ${report.evidence} evidence links, ${report.camps} camps`,
      `  time: ${s.total.toFixed(1)} s total = load ${s.load.toFixed(1)} s + indexes ${s.indexes.toFixed(1)} s + full-text ${s.fts.toFixed(1)} s + statistics ${s.analyze.toFixed(1)} s`,
      `  rate: ${Math.round(report.quotesPerSecond)} quotes/s overall, ${Math.round(report.loadQuotesPerSecond)} quotes/s while loading rows`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`seed:synthetic: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
