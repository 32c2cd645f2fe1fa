// Another process with its own SQLite connection, as the server or a second worker would have:
// for tests of what happens to a database while someone else holds it open or writes into it.
import { spawn, type ChildProcess } from 'node:child_process';

export type SqliteProcess = {
  child: ChildProcess;
  /** Resolves with the first line the process prints (it prints when its connection is ready). */
  ready: Promise<string>;
  /** Everything printed so far. */
  output: () => string;
  /** Closes the process's stdin (its signal to finish) and resolves with its exit code. */
  stop: () => Promise<number | null>;
};

/**
 * Runs `body` in a new Node process where `Database` is better-sqlite3 from this project and
 * `input` is the given value; `process.stdin` ending means "stop".
 */
export function startSqliteProcess(body: string, input: unknown): SqliteProcess {
  const source = `
const { createRequire } = require('node:module');
const { join } = require('node:path');
const Database = createRequire(join(process.cwd(), 'package.json'))('better-sqlite3');
const input = JSON.parse(process.env.SQLITE_PROCESS_INPUT);
${body}
`;
  const child = spawn(process.execPath, ['-e', source], { env: { ...process.env, SQLITE_PROCESS_INPUT: JSON.stringify(input) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    void exited.then((code) => reject(new Error(`the process exited (${code}) before it was ready: ${err}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    output: () => out + err,
    stop: () => {
      child.stdin!.end();
      return exited;
    },
  };
}

/** Holds the database open (a read done, idle after it) until stopped, as a running server does. */
export function holdOpen(path: string): SqliteProcess {
  return startSqliteProcess(
    `
const db = new Database(input.path);
db.pragma('journal_mode = WAL');
db.prepare('select count(*) from sqlite_schema').get();
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.close(); process.exit(0); });
`,
    { path },
  );
}
