// TRACE never reaches proxy.ts: Next builds a fetch Request for the proxy, and fetch forbids
// TRACE (as it does CONNECT and TRACK, which Node's HTTP parser already refuses), so Next
// answers 500 and logs a stack trace. This answers such requests in the Node server itself,
// before Next, with the same 405 and headers the proxy gives any other unsupported method.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { allowedMethods } from './methods';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from './security-headers';

/** Methods that fetch's Request constructor rejects (the Fetch standard's forbidden methods). */
export const FETCH_FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function answerForbiddenMethod(request: IncomingMessage, response: ServerResponse): void {
  let pathname = '/';
  try {
    pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    // An unparsable target still gets the answer; `Allow` then describes the pages.
  }
  const body = JSON.stringify({ error: { status: 405, message: `Method ${request.method} is not allowed here` } });
  response.writeHead(405, {
    ...STATIC_SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(newNonce(), { dev: false }),
    Allow: allowedMethods(pathname, false).join(', '),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

let installed = false;

/** Intercepts forbidden methods on every HTTP server of this process, once. */
export function installForbiddenMethodGuard(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (FETCH_FORBIDDEN_METHODS.has(request.method ?? '')) {
        answerForbiddenMethod(request, response);
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof Server.prototype.emit;
}
