// A second instance of the built app, on its own port and database, for tests that need a
// database the shared server must not have (a broken one) or need to read the server's log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type OwnApp = {
  baseURL: string;
  databasePath: string;
  /** Everything the server wrote to stdout and stderr so far. */
  log: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A freshly created, migrated and seeded database file in its own temp directory. */
export function seededDatabase(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'standpoint-own-app-'));
  const path = join(dir, 'standpoint.db');
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/prepare-db.ts'], {
    env: { ...process.env, DATABASE_PATH: path },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`prepare-db failed: ${run.stderr}`);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `next start` (the build in .next) on `databasePath` and waits until it answers. */
export async function startOwnApp(databasePath: string): Promise<OwnApp> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      // Any answer will do: a broken database makes health answer 503.
      await fetch(`${baseURL}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer within 60 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { baseURL, databasePath, log: () => output, stop };
}
