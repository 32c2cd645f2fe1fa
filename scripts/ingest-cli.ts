// `npm run ingest -- [--dry-run [--json]] FILE...`: arguments, output and exit code. The
// extractor and the database are given by the caller (scripts/ingest.ts wires the real ones),
// so that tests run this same code with a small fake extractor.
import { MultiBar, Presets } from 'cli-progress';
import type { Db } from '@/db/connection';
import { MAX_FILE_BYTES } from '@/lib/ingest/decode';
import { dryRunFiles, ingestFiles, type FileOutcome } from '@/lib/ingest/run';
import { Ingestor, type Extractor } from '@/lib/ingest/store';
import { systemWriter } from '@/lib/write/writer';

export const USAGE = `usage: npm run ingest -- [--dry-run] [--json] FILE...

Stores each article (plain text, text or Markdown with YAML front matter, or a saved HTML page,
at most ${MAX_FILE_BYTES / 1024 / 1024} MB) with the quotes the extractor suggests, into DATABASE_PATH (default data/standpoint.db).

  --dry-run   store nothing and open no database
  --json      with --dry-run: print only a JSON array, one item per file
  --help      show this help`;

export type Output = { write(text: string): unknown; isTTY?: boolean };

export type CliDeps = {
  extractor: Extractor;
  /** Opens the database, migrated and seeded; called only when something is to be stored. */
  openDb: () => Db;
  stdout: Output;
  stderr: Output;
};

export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

type Options = { dryRun: boolean; json: boolean; help: boolean; files: string[] };

export function parseArgs(argv: readonly string[]): Options | { error: string } {
  const options: Options = { dryRun: false, json: false, help: false, files: [] };
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles || !arg.startsWith('-') || arg === '-') options.files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else return { error: `unknown option ${arg}` };
  }
  if (options.help) return options;
  if (options.json && !options.dryRun) return { error: '--json is only for --dry-run' };
  if (options.files.length === 0) return { error: 'no files given' };
  return options;
}

/**
 * A progress bar on stderr for batches, only on a terminal. Problems go to stderr and notes to
 * stdout; while the bar is drawn, both are printed above it instead.
 */
function progress(deps: Pick<CliDeps, 'stdout' | 'stderr'>, total: number) {
  const { stdout, stderr } = deps;
  if (!stderr.isTTY || total < 2) {
    return { problem: (text: string) => stderr.write(`${text}\n`), note: (text: string) => stdout.write(`${text}\n`), tick: () => {}, stop: () => {} };
  }
  const bars = new MultiBar({ stream: stderr as NodeJS.WriteStream, format: 'ingest [{bar}] {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  const bar = bars.create(total, 0);
  const log = (text: string) => bars.log(`${text}\n`);
  return { problem: log, note: log, tick: () => bar.increment(), stop: () => bars.stop() };
}

export function runIngestCli(argv: readonly string[], deps: CliDeps): number {
  const options = parseArgs(argv);
  if ('error' in options) {
    deps.stderr.write(`ingest: ${options.error}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    deps.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  return options.dryRun ? dryRun(options, deps) : store(options, deps);
}

function dryRun(options: Options, deps: CliDeps): number {
  const bar = progress(deps, options.files.length);
  let failed = 0;
  let articles = 0;
  let quotes = 0;
  // Streamed item by item: a batch of thousands of articles is never held in memory at once.
  if (options.json) deps.stdout.write('[');
  let first = true;
  for (const item of dryRunFiles(options.files, deps.extractor)) {
    if ('error' in item) {
      failed++;
      bar.problem(`${item.file}: ${item.error}`);
    } else {
      articles++;
      quotes += item.quotes.length;
    }
    if (options.json) {
      deps.stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(item)}`);
      first = false;
    }
    bar.tick();
  }
  bar.stop();
  if (options.json) deps.stdout.write('\n]\n');
  else deps.stdout.write(`dry run, nothing stored: ${articles} read, ${failed} failed, ${quotes} quotes found\n`);
  return failed ? EXIT.someFailed : EXIT.ok;
}

function store(options: Options, deps: CliDeps): number {
  let db: Db;
  try {
    db = deps.openDb();
  } catch (error) {
    deps.stderr.write(`ingest: cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  // The command line writes as the system ("system:ingest"), through the door 'cli'.
  const ingestor = new Ingestor(systemWriter(db, 'ingest'), deps.extractor);
  const bar = progress(deps, options.files.length);
  const totals = { new: 0, duplicate: 0, failed: 0, quotesSuggested: 0, actorsProposed: 0, statementsLinked: 0 };
  const count = (outcome: FileOutcome) => {
    if (outcome.status === 'failed') {
      totals.failed++;
      bar.problem(`${outcome.file}: ${outcome.problem}`);
    } else if (outcome.status === 'duplicate') {
      totals.duplicate++;
      bar.note(`${outcome.file}: already stored as source ${outcome.sourceId} (same ${outcome.matchedBy === 'body' ? 'text' : 'URL'}); nothing changed`);
    } else {
      totals.new++;
      totals.quotesSuggested += outcome.quotesSuggested;
      totals.actorsProposed += outcome.actorsProposed;
      totals.statementsLinked += outcome.statementsLinked;
    }
  };
  for (const outcome of ingestFiles(options.files, ingestor)) {
    count(outcome);
    bar.tick();
  }
  bar.stop();
  deps.stdout.write(
    `new ${totals.new}, duplicate ${totals.duplicate}, failed ${totals.failed}; quotes suggested ${totals.quotesSuggested}, actors proposed ${totals.actorsProposed}, statements linked ${totals.statementsLinked}\n`,
  );
  return totals.failed ? EXIT.someFailed : EXIT.ok;
}
