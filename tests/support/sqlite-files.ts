// Damaging and fingerprinting real SQLite files, for the start-up and health tests.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** The page size from the file header (bytes 16–17, big-endian; 1 means 65536). */
export function pageSize(path: string): number {
  const header = readFileSync(path).subarray(16, 18);
  const size = header.readUInt16BE(0);
  return size === 1 ? 65536 : size;
}

/** The first page of a table's or index's b-tree. */
export function rootPage(path: string, name: string): number {
  const client = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = client.prepare(`select rootpage from sqlite_schema where name = ?`).get(name) as { rootpage: number } | undefined;
    if (!row || row.rootpage < 2) throw new Error(`no b-tree named ${name} in ${path}`);
    return row.rootpage;
  } finally {
    client.close();
  }
}

/** Overwrites one whole page (1-based) with a byte pattern, as a disk or a bad copy might. */
export function corruptPage(path: string, page: number): void {
  const bytes = readFileSync(path);
  const size = pageSize(path);
  if (page * size > bytes.length) throw new Error(`${path} has no page ${page}`);
  bytes.fill(0xa5, (page - 1) * size, page * size);
  writeFileSync(path, bytes);
}

/** Overwrites bytes at an offset. */
export function overwriteBytes(path: string, offset: number, data: Buffer): void {
  const bytes = readFileSync(path);
  data.copy(bytes, offset);
  writeFileSync(path, bytes);
}

/** Content hash, modification time and the SQLite side files: enough to prove nothing was written. */
export function fingerprint(path: string): { sha256: string; mtimeMs: number; sideFiles: string[] } {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: statSync(path).mtimeMs,
    sideFiles: ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(path + suffix)),
  };
}
