// Requests exactly as written: any method (TRACE included) and a path that is sent as is,
// malformed percent-escapes and all, which fetch() and Playwright's request would refuse or
// normalise.
import { request as httpRequest } from 'node:http';
import { expect } from '@playwright/test';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function rawRequest(baseURL: string, method: string, path: string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asserts that `path` answers a server error status, with no stack trace in the body. */
export async function expectServerError(baseURL: string, path: string): Promise<void> {
  const response = await rawRequest(baseURL, 'GET', path);
  expect(response.status, `${path} answered ${response.status}; body starts ${JSON.stringify(response.body.slice(0, 200))}`).toBeGreaterThanOrEqual(500);
  expect(response.body, 'no stack trace in the response').not.toMatch(/\n\s+at [\w.<]+ \(/);
}
