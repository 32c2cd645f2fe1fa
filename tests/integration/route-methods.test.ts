// The proxy answers 405 from a table of the methods each API route accepts (edge/methods.ts),
// because it cannot see the route handlers. This keeps the table true: for every
// app/api/**/route.ts, the table's methods are exactly what the module exports, plus the HEAD
// and OPTIONS that Next implements.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedMethods } from '@/edge/methods';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const API_DIR = join(process.cwd(), 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  );
}

/** A URL path the route answers: each [param] or [...param] segment filled with a sample. */
function samplePath(file: string): string {
  const segments = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return `/${segments.map((s) => (s.startsWith('[') ? 'sample' : s)).join('/')}`;
}

describe('edge/methods.ts agrees with the route handlers', () => {
  const files = routeFiles(API_DIR);

  it('finds the API routes', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`${relative(process.cwd(), file)}`, async () => {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof module[m] === 'function');
      const expected = new Set(exported);
      if (expected.has('GET')) expected.add('HEAD');
      expected.add('OPTIONS');
      expect(allowedMethods(samplePath(file), false).sort()).toEqual([...expected].sort());
    });
  }
});
