// Whole responses kept in memory until the data changes, so that a page read again costs a
// lookup instead of a render. The key is the request; every entry carries the data's change
// token (db/sqlite/change-token.ts), and an entry from before any write is never served. Pages
// carry a per-response CSP nonce: a stored page is served with a fresh one, swapped in for the
// nonce it was rendered with, in the body and in the headers.
import { randomBytes } from 'node:crypto';

export type StoredResponse = {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  /** The nonce the page was rendered with, or null when it has none. */
  nonce: string | null;
  /** The body cut at each occurrence of the nonce, found once when stored (see withFreshNonce). */
  pieces?: Buffer[];
};

type Entry = StoredResponse & { token: string; key: string };

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  get(key: string, token: string): StoredResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.token !== token) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    // Re-inserted: Map order is insertion order, so the oldest key is the least recently used.
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, token: string, response: StoredResponse): void {
    if (response.body.length > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, { ...response, token, key });
    this.bytes += response.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=_-]+)'/;

export function nonceOf(headers: [string, string | string[]][]): string | null {
  const csp = headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  const match = typeof csp === 'string' ? NONCE_IN_CSP.exec(csp) : null;
  return match?.[1] ?? null;
}

/** The body cut where the nonce occurs, so that a fresh one is spliced in without re-encoding. */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce, 'utf8');
  const pieces: Buffer[] = [];
  let at = 0;
  for (let found = body.indexOf(needle, at); found !== -1; found = body.indexOf(needle, at)) {
    pieces.push(body.subarray(at, found));
    at = found + needle.length;
  }
  pieces.push(body.subarray(at));
  return pieces;
}

/** The stored response with a fresh nonce in place of the one it was rendered with. */
export function withFreshNonce(stored: StoredResponse): { headers: [string, string | string[]][]; body: Buffer } {
  if (!stored.nonce) return { headers: stored.headers, body: stored.body };
  const fresh = randomBytes(16).toString('base64');
  const swap = (text: string) => text.split(stored.nonce!).join(fresh);
  const headers = stored.headers.map(([name, value]): [string, string | string[]] => [name, Array.isArray(value) ? value.map(swap) : swap(value)]);
  const pieces = (stored.pieces ??= cutAtNonce(stored.body, stored.nonce));
  if (pieces.length === 1) return { headers, body: stored.body };
  const freshBytes = Buffer.from(fresh, 'utf8');
  const parts: Buffer[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(freshBytes);
    parts.push(piece);
  });
  return { headers, body: Buffer.concat(parts) };
}

/**
 * Renders under way, one per key and data token: a request that finds one waits for its result
 * instead of rendering the same page again.
 */
export class RendersUnderWay<T> {
  private readonly running = new Map<string, { token: string; result: Promise<T | null> }>();

  /** The result of the render of `key` at `token` under way, if there is one. */
  join(key: string, token: string): Promise<T | null> | undefined {
    const render = this.running.get(key);
    return render && render.token === token ? render.result : undefined;
  }

  /** Registers a render; the function returned settles it (null: nothing to share) and may be called again harmlessly. */
  start(key: string, token: string): (result: T | null) => void {
    let settle!: (result: T | null) => void;
    const render = { token, result: new Promise<T | null>((resolve) => (settle = resolve)) };
    this.running.set(key, render);
    return (result) => {
      if (this.running.get(key) === render) this.running.delete(key);
      settle(result);
    };
  }
}
