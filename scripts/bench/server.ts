// Starts the built app as `npm start` serves it (server/index.ts: Next behind the response cache,
// one worker per core unless WEB_CONCURRENCY says otherwise) on 127.0.0.1 against a given
// database, and stops it by the PID it was started with. `exec` makes that PID the server's
// primary process, not a shell; stopping it stops its workers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { timedGet } from './http';

export type Server = { pid: number; port: number; base: string; log: string; stop: () => Promise<void> };
export type StartOptions = { database: string; env: Record<string, string | undefined>; log: string; readyTimeoutMs?: number };

/** A server that can be replaced by a fresh one with the same settings (after a timeout). */
export class Live {
  private constructor(
    public server: Server,
    private readonly options: StartOptions,
  ) {}

  static async start(options: StartOptions): Promise<Live> {
    const live = new Live(await startServer(options), options);
    running.add(live);
    return live;
  }

  async restart(): Promise<void> {
    await this.server.stop();
    this.server = await startServer(this.options);
  }

  async stop(): Promise<void> {
    running.delete(this);
    await this.server.stop();
  }
}

const running = new Set<Live>();

/** Stops every server this process started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((live) => live.stop()));
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds the app unless a build exists (.next/BUILD_ID), with the build's output on stderr. */
export function ensureBuild(log: (line: string) => void): void {
  if (existsSync('.next/BUILD_ID')) return;
  log('No build found (.next/BUILD_ID): running next build…');
  const result = spawnSync('node_modules/.bin/next', ['build'], { stdio: ['ignore', process.stderr, process.stderr], env: process.env });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status})`);
}

export async function startServer(options: StartOptions): Promise<Server> {
  const port = await freePort();
  const out = openSync(options.log, 'a');
  const child: ChildProcess = spawn('sh', ['-c', 'exec node --import tsx server/index.ts'], {
    stdio: ['ignore', out, out],
    env: { ...serverEnv(options), HOSTNAME: '127.0.0.1', PORT: String(port) },
  });
  closeSync(out);
  const pid = child.pid;
  if (!pid) throw new Error('could not start the server');
  let exited: number | null = null;
  const exit = new Promise<void>((done) =>
    child.on('exit', (code) => {
      exited = code ?? -1;
      done();
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited !== null) return;
    process.kill(pid, 'SIGTERM');
    const killed = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
    if (!killed && exited === null) {
      process.kill(pid, 'SIGKILL');
      await exit;
    }
  };
  // Ready when it answers anything over HTTP (even an error: the app is up).
  const deadline = performance.now() + (options.readyTimeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (exited !== null) throw new Error(`the server exited with code ${exited}; see ${options.log}:\n${tail(options.log)}`);
    const probe = await timedGet(base, '/api/health', { timeoutMs: 30_000 });
    if (probe.ok || probe.status !== undefined) return { pid, port, base, log: options.log, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)} s; see ${options.log}:\n${tail(options.log)}`);
}

/** The bench's own environment, with the database and the given variables; undefined removes one. */
function serverEnv(options: StartOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_PATH: resolve(options.database) };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function residentBytes(pid: number): number | null {
  const ids = [pid];
  const all: number[] = [];
  while (ids.length) {
    const id = ids.pop()!;
    all.push(id);
    try {
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        if (children) ids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // Gone, or not Linux.
    }
  }
  let total = 0;
  let found = false;
  for (const id of all) {
    try {
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
      if (kb) {
        total += Number(kb) * 1024;
        found = true;
      }
    } catch {
      // Exited in the meantime.
    }
  }
  return found ? total : null;
}
