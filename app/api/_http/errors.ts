// The JSON API's one error shape, and the wrapper that maps failures to it: bad parameters and
// bodies 400 (naming the parameter or field), 401, 403, 404, 409 (with the current record), 413,
// 503 when the database stays busy; anything unexpected a bare 500 (logged here, never shown).
import { NextResponse } from 'next/server';
import { BadParamError } from '@/lib/errors';
import { BusyError, ConflictError, UnauthenticatedError, ValidationError, WriteError } from '@/lib/write/errors';
import { explainDriverError } from '@/lib/write/writer';

export type ParamProblem = { param: string; message: string };
export type ApiError = { error: { status: number; message: string; param?: string; details?: ParamProblem[]; current?: unknown } };

export function errorResponse(status: number, message: string, details?: ParamProblem[], extra: { current?: unknown; headers?: Record<string, string> } = {}): NextResponse<ApiError> {
  return NextResponse.json(
    { error: { status, message, ...(details?.[0] ? { param: details[0].param, details } : {}), ...(extra.current !== undefined ? { current: extra.current } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store', ...extra.headers } },
  );
}

/** A refused write or read, in the API's error shape. */
export function writeErrorResponse(error: WriteError): NextResponse<ApiError> {
  if (error instanceof ValidationError) {
    const details = error.fields.map((f) => ({ param: f.field || 'body', message: f.message }));
    return errorResponse(400, error.message, details.length ? details : undefined);
  }
  if (error instanceof ConflictError) {
    return errorResponse(409, error.message, error.field ? [{ param: error.field, message: error.message }] : undefined, { current: error.current });
  }
  if (error instanceof UnauthenticatedError) return errorResponse(401, error.message, undefined, { headers: { 'WWW-Authenticate': 'Bearer' } });
  if (error instanceof BusyError) return errorResponse(503, error.message, undefined, { headers: { 'Retry-After': '1' } });
  return errorResponse(error.status, error.message);
}

export function badParams(problems: ParamProblem[]): NextResponse<ApiError> {
  return errorResponse(400, problems.map((p) => `Bad parameter ${p.param}: ${p.message}`).join('; '), problems);
}

export async function handle(work: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadParamError) return badParams([{ param: error.param, message: error.message }]);
    // A driver error that escaped the write helper still never shows: a constraint is 400/409, a lock 503.
    const explained = explainDriverError(error);
    if (explained instanceof WriteError) return writeErrorResponse(explained);
    console.error('API error', error);
    return errorResponse(500, 'Internal error');
  }
}
