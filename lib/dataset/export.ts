// npm run export: the whole dataset as one deterministic JSON document (lib/dataset/document.ts),
// read inside one read transaction (a consistent snapshot while the app serves and writes), written
// beside the destination and renamed into place, with memory flat however many rows.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '@/db/sqlite/connection';
import { fsyncFile, fsyncParent } from '@/db/sqlite/backup/files';
import { SafekeepingError } from '@/db/sqlite/backup/inspect';
import { appliedMigrationHashes } from '@/db/sqlite/schema-check';
import { FORMAT, FORMAT_VERSION, serialiseRow } from './document';
import { checkDatabaseTables, datasetTables, DatasetPolicyError } from './tables';

export type ExportReport = {
  file: string;
  bytes: number;
  rows: Record<string, number>;
  /** Values inside JSON columns left out because their key looks like a secret, per `table.column`. */
  leftOut: Record<string, number>;
  seconds: number;
};

type Written = { rows: Record<string, number>; leftOut: Record<string, number> };

/** Buffers small strings into large writes. */
class FileWriter {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
    this.parts = [];
    this.size = 0;
  }
}

/** Writes the dataset of `db` to `write`; returns the row count per table and what was left out. */
export function writeDataset(db: Db, write: (text: string) => void): Written {
  const client = db.$client;
  checkDatabaseTables(client);
  const tables = datasetTables();
  const rows: Record<string, number> = {};
  const leftOut: Record<string, number> = {};
  // One read transaction: every table from the same snapshot, whoever writes meanwhile.
  client.exec('BEGIN');
  try {
    const hashes = appliedMigrationHashes(client) ?? [];
    if (!hashes.length) throw new SafekeepingError('the database has no migrations applied');
    const hasSequences = client.prepare(`select 1 from sqlite_schema where type = 'table' and name = 'sqlite_sequence'`).get() !== undefined;
    const sequenceRows = hasSequences ? (client.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[]) : [];
    const sequenceOf = new Map(sequenceRows.map((r) => [r.name, r.seq]));
    const sequences: Record<string, number> = {};
    for (const table of tables) {
      const seq = sequenceOf.get(table.name);
      if (table.autoIncrement && seq !== undefined) sequences[table.name] = seq;
    }
    const header = JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, schema: { migrations: hashes.length, lastMigration: hashes[hashes.length - 1] }, sequences });
    write(`${header.slice(0, -1)},"tables":{\n`);
    tables.forEach((table, t) => {
      const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
      const statement = client
        .prepare(`select ${table.columns.map((c) => quoted(c.name)).join(', ')} from ${quoted(table.name)} order by ${table.key.map(quoted).join(', ')}`)
        .raw(true)
        .safeIntegers(true);
      write(`${JSON.stringify(table.name)}:[\n`);
      let count = 0;
      let pending: string | null = null;
      for (const values of statement.iterate() as IterableIterator<unknown[]>) {
        if (pending !== null) write(`${pending},\n`);
        pending = serialiseRow(
          table,
          values,
          () => `tables.${table.name}[${count}]`,
          (column, n) => (leftOut[`${table.name}.${column}`] = (leftOut[`${table.name}.${column}`] ?? 0) + n),
        );
        count++;
      }
      if (pending !== null) write(`${pending}\n`);
      write(t === tables.length - 1 ? ']\n' : '],\n');
      rows[table.name] = count;
    });
    write('}}\n');
  } finally {
    client.exec('COMMIT');
  }
  return { rows, leftOut };
}

export function exportDataset(db: Db, file: string, options: { force?: boolean } = {}): ExportReport {
  const started = performance.now();
  const path = resolve(file);
  const refuse = (problem: string) => new SafekeepingError(`Cannot export to ${path}: ${problem}`, problem);
  if (existsSync(path)) {
    if (!statSync(path).isFile()) throw refuse('it exists and is not a file');
    if (!options.force) throw refuse('it exists; pass --force to replace it');
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  // Users' names and emails and the audit log are personal data: readable by the owner only.
  const fd = openSync(partial, 'w', 0o600);
  let written: Written;
  const writer = new FileWriter(fd);
  try {
    try {
      written = writeDataset(db, (text) => writer.write(text));
      writer.flush();
    } finally {
      closeSync(fd);
    }
    fsyncFile(partial);
    renameSync(partial, path);
    fsyncParent(path);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof SafekeepingError) throw error;
    if (error instanceof DatasetPolicyError) throw refuse(error.message);
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  return { file: path, bytes: writer.bytes, ...written, seconds: (performance.now() - started) / 1000 };
}
