import 'server-only';
// The write helper for requests: route handlers pass the Request, server actions nothing at all.
// The helper resolves the principal itself (session cookie or API token), refuses 401 without
// credentials and 403 for a cookie-authenticated write from another site or a role without the
// right, all before the body is read; then validates and writes through the Writer (one
// immediate transaction with its audit entries).
import type { ZodType } from 'zod';
import { getDb } from '@/db/client';
import { assertSameOrigin } from '@/lib/auth/origin';
import { principalFromHeaders } from '@/lib/auth/principal';
import { ConflictError, UnauthenticatedError, ValidationError, WriteError } from './errors';
import type { WriteAction } from './principal';
import { Writer, type WriteSpec } from './writer';

async function authorize(headers: Headers, url: string, via: 'page' | 'api', action: WriteAction): Promise<Writer> {
  const principal = await principalFromHeaders(headers, via);
  if (!principal) throw new UnauthenticatedError();
  // A token is sent on purpose; a cookie is sent by the browser whoever asks, so check who asked.
  if (principal.door !== 'api-token') assertSameOrigin(headers, url);
  const writer = Writer.forResolvedPrincipal(getDb(), principal);
  writer.authorize(action);
  return writer;
}

/** A Writer for the request's own principal, allowed to do `action`; throws 401/403 otherwise. */
export function authorizeRequest(request: Request, action: WriteAction): Promise<Writer> {
  return authorize(request.headers, request.url, 'api', action);
}

/** The JSON body, or a 400 naming the problem. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The body is not valid JSON');
  }
}

/**
 * One write from a route handler: authorise (before reading the body), read the JSON body (or
 * `input`, for bodies of another kind), validate, write. Throws WriteErrors for the HTTP layer.
 */
export async function performWrite<S extends ZodType, R, P>(
  request: Request,
  spec: WriteSpec<S, R, P>,
  input: () => Promise<unknown> = () => readJsonBody(request),
): Promise<R> {
  const writer = await authorizeRequest(request, spec.action);
  return writer.writeAsync(spec, await input());
}

async function actionHeaders(): Promise<{ headers: Headers; url: string }> {
  const { headers } = await import('next/headers');
  const list = new Headers(await headers());
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost';
  return { headers: list, url: `${list.get('x-forwarded-proto') ?? 'http'}://${host}/` };
}

/** A Writer for the signed-in person of a server action (door "page"); throws 401/403 otherwise. */
export async function authorizeServerAction(action: WriteAction): Promise<Writer> {
  const { headers, url } = await actionHeaders();
  return authorize(headers, url, 'page', action);
}

/** What a server action hands back to its form: the record, or errors keyed by field. */
export type ActionResult<R> =
  | { ok: true; record: R }
  | {
      ok: false;
      status: number;
      message: string;
      /** Messages by field path ("evidence", "scaleLabels.2"): shown next to the field. */
      fieldErrors: Record<string, string[]>;
      /** On a version conflict, the record as it is now. */
      current?: unknown;
    };

export function failureOf(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof WriteError) {
    const fieldErrors: Record<string, string[]> = {};
    const fields = error instanceof ValidationError ? error.fields : error instanceof ConflictError && error.field ? [{ field: error.field, message: error.message }] : [];
    for (const { field, message } of fields) (fieldErrors[field || '_'] ??= []).push(message);
    return { ok: false, status: error.status, message: error.message, fieldErrors, ...(error instanceof ConflictError && error.current !== undefined ? { current: error.current } : {}) };
  }
  console.error('Write failed', error);
  return { ok: false, status: 500, message: 'The change could not be saved because of an internal error; nothing was saved', fieldErrors: {} };
}

/**
 * One write from a server action, with the principal from the action's own request. Never
 * throws for a refused write: the form shows the result next to its fields.
 */
export async function performServerAction<S extends ZodType, R, P>(spec: WriteSpec<S, R, P>, input: unknown): Promise<ActionResult<R>> {
  try {
    const writer = await authorizeServerAction(spec.action);
    return { ok: true, record: await writer.writeAsync(spec, input) };
  } catch (error) {
    return failureOf(error);
  }
}
