// File-system steps that make a database file appear whole or not at all: write beside, fsync,
// rename over, fsync the directory. A rename is atomic within one directory, so a reader sees the
// old file or the new one, never half of either.
import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** SQLite's companions of a database file in WAL or rollback mode. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

export function sideFiles(path: string): string[] {
  return SIDE_SUFFIXES.map((suffix) => path + suffix).filter((side) => existsSync(side));
}

/** Removes a file and its side files, ignoring the ones that do not exist. */
export function removeWithSideFiles(path: string): void {
  for (const file of [path, ...SIDE_SUFFIXES.map((suffix) => path + suffix)]) rmSync(file, { force: true });
}

/** Flushes a file's content to the disk, so that a rename never exposes unwritten pages after a crash. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry (a rename or a link) to the disk. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a directory; the rename itself has still happened.
    const code = (error as { code?: string }).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function fsyncParent(path: string): void {
  fsyncDirectory(dirname(path));
}

/** The file's size in bytes, or null when it does not exist. */
export function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** `20251123T202233Z`: a timestamp that sorts, and is safe in a file name on every system. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** Human sizes for the command line: 1.34 GB, 141 MB, 12.3 kB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
