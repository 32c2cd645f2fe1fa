// The production server (`npm start`): Next's request handler behind a response cache, in one
// worker process per core. Pages are server-rendered, and a render costs far more than serving
// a stored response; the cache keeps public reads until the next write to the database, which
// any worker, or the ingest command, may make (see response-cache.ts).
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import next from 'next';
import { databasePath } from '../db/sqlite/connection';
import { changeToken } from '../db/sqlite/change-token';
import { CLIENT_IP_HEADER } from '../lib/auth/config';
import { cacheableRequest, cacheableResponse } from './cacheable';
import { nonceOf, RendersUnderWay, ResponseCache, withFreshNonce, type StoredResponse } from './response-cache';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));
const cacheEnabled = process.env.STANDPOINT_RESPONSE_CACHE !== 'off';

if (cluster.isPrimary && workers > 1) {
  console.log(`Standpoint on http://${hostname}:${port}, ${workers} workers, response cache ${cacheEnabled ? 'on' : 'off'}`);
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) {
      console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      cluster.fork();
    }
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  void serve();
}

async function serve(): Promise<void> {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = new ResponseCache(Number(process.env.STANDPOINT_RESPONSE_CACHE_MB ?? 128) * 1024 * 1024, 4 * 1024 * 1024);
  const rendering = new RendersUnderWay<StoredResponse>();
  let client: Database.Database | null = null;
  // The token of the data now, or null when the database cannot be read (then nothing is cached).
  const token = (): string | null => {
    try {
      client ??= new Database(databasePath(), { readonly: true, fileMustExist: true });
      return changeToken(client);
    } catch {
      client = null;
      return null;
    }
  };

  const server = createServer((request, response) => {
    // The client's address for sign-in rate limiting, from the socket; a value the client sent
    // is dropped, so nobody escapes the limit by naming other addresses (lib/auth/config.ts).
    request.headers[CLIENT_IP_HEADER] = request.socket.remoteAddress ?? undefined;
    const current = cacheEnabled && cacheableRequest(request) ? token() : null;
    if (current === null || request.method !== 'GET') {
      response.setHeader('X-Standpoint-Cache', 'bypass');
      void handle(request, response);
      return;
    }
    const key = request.url!;
    const serve = (stored: StoredResponse, state: 'hit' | 'shared') => {
      const { headers, body } = withFreshNonce(stored);
      for (const [name, value] of headers) response.setHeader(name, value);
      response.setHeader('X-Standpoint-Cache', state);
      response.setHeader('Content-Length', body.length);
      response.writeHead(stored.status);
      response.end(body);
    };
    const stored = cache.get(key, current);
    if (stored) {
      serve(stored, 'hit');
      return;
    }
    // One render per page and data version: requests that arrive while it runs wait for it
    // (after a write, every reader of a popular page would otherwise render it at once).
    const running = rendering.join(key, current);
    if (running) {
      void running.then((shared) => {
        if (shared) serve(shared, 'shared');
        else {
          response.setHeader('X-Standpoint-Cache', 'miss');
          void handle(request, response);
        }
      });
      return;
    }
    const finish = rendering.start(key, current);
    response.on('close', () => finish(null));
    response.setHeader('X-Standpoint-Cache', 'miss');
    capture(response, cache.maxEntryBytes, (body) => {
      const headers = response.getHeaders();
      // Only if nothing was written meanwhile: the response must be the data as of `current`.
      if (body && cacheableResponse(response.statusCode, headers) && token() === current) {
        const list = Object.entries(headers)
          .filter(([name]) => !['x-standpoint-cache', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
          .map(([name, value]): [string, string | string[]] => [name, Array.isArray(value) ? value : String(value)]);
        const entry: StoredResponse = { status: response.statusCode, headers: list, body, nonce: nonceOf(list) };
        cache.set(key, current, entry);
        finish(entry);
      } else finish(null);
    });
    void handle(request, response);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`Standpoint on http://${hostname}:${port}, response cache ${cacheEnabled ? 'on' : 'off'}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

/** Copies what the app writes, up to `limit` bytes, and hands it over when the response ends. */
function capture(response: ServerResponse<IncomingMessage>, limit: number, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let whole = true;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!whole || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      whole = false;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as typeof response.write;
  response.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    const result = end(...args);
    done(whole ? Buffer.concat(chunks) : null);
    return result;
  }) as typeof response.end;
}
