import 'server-only';
// Route handlers for writes: authorise from the request (401/403 before anything else is read),
// then the path's id or slug (400 when malformed), then the JSON body, then the write. Success
// answers the record, 201 for a creation.
import { NextResponse } from 'next/server';
import type { ZodType } from 'zod';
import { ValidationError } from '@/lib/write/errors';
import { authorizeRequest, readJsonBody } from '@/lib/write/perform';
import type { WriteAction } from '@/lib/write/principal';
import type { WriteSpec } from '@/lib/write/writer';
import { handle } from './errors';

type Context<P> = { params: Promise<P> };

/** A numeric id from the path. */
export function idParam(raw: string, name = 'id'): number {
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw ValidationError.field(name, `${JSON.stringify(raw.slice(0, 50))} is not an id`);
  return n;
}

/** A slug from the path. */
export function slugParam(raw: string, name = 'slug'): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) || raw.length > 200) throw ValidationError.field(name, `${JSON.stringify(raw.slice(0, 50))} is not a slug`);
  return raw;
}

/** The body, or for DELETE and restore without one, `?version=N` from the query. */
async function bodyOrQueryVersion(request: Request): Promise<unknown> {
  const body = await readJsonBody(request);
  const version = new URL(request.url).searchParams.get('version');
  if (version !== null && body && typeof body === 'object' && Object.keys(body).length === 0) {
    const n = Number(version);
    if (!/^\d{1,9}$/.test(version)) throw ValidationError.field('version', `${JSON.stringify(version.slice(0, 20))} is not a version number`);
    return { version: n };
  }
  return body;
}

export function writeRoute<P, S extends ZodType, R, X>(
  action: WriteAction,
  spec: (params: P) => WriteSpec<S, R, X>,
  options: { created?: boolean } = {},
): (request: Request, context?: Context<P>) => Promise<Response> {
  return (request, context) =>
    handle(async () => {
      const writer = await authorizeRequest(request, action);
      const made = spec((await context?.params) ?? ({} as P));
      const record = await writer.writeAsync(made, await bodyOrQueryVersion(request));
      return NextResponse.json(record, { status: options.created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } });
    });
}
