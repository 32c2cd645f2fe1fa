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
import { ConflictError, PayloadTooLargeError, UnauthenticatedError, ValidationError, WriteError } from './errors';
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

/** JSON bodies above this are refused (413): the largest is an article of at most 5 MB. */
export const MAX_JSON_BYTES = 6 * 1024 * 1024;

/**
 * The body's bytes, read up to `limit`: a larger body is refused (413) as soon as it is seen to be
 * larger, by its Content-Length or while streaming, and is never held whole in memory.
 */
export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = () => new PayloadTooLargeError(`The body is larger than the limit of ${(limit / 1024 / 1024).toFixed(0)} MB`);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The JSON body ({} when empty), or a 400 naming the problem. */
export async function readJsonBody(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBodyCapped(request, MAX_JSON_BYTES));
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new ValidationError('The body is not UTF-8 text');
  }
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
 * A server action that is more than one write spec (an upload: read the file, extract, store):
 * `work` gets a Writer for the action's own principal, already allowed to do `action`.
 */
export async function runServerAction<R>(action: WriteAction, work: (writer: Writer) => R | Promise<R>): Promise<ActionResult<R>> {
  try {
    return { ok: true, record: await work(await authorizeServerAction(action)) };
  } catch (error) {
    return failureOf(error);
  }
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
