// Shared plumbing for the JSON API: one filter grammar, one error shape, never a stack trace.
import 'server-only';
import { NextResponse } from 'next/server';
import { toCsv, type CsvColumn } from './csv';
import { BadParamError } from './errors';
import { parseQuery, type ParseOptions, type ParsedQuery } from './filters';
import { findUnknownReferences } from './queries/catalog';
import type { Page } from './queries/keyset';

export type ApiError = { error: { status: number; message: string; param?: string; details?: { param: string; message: string }[] } };

export function errorResponse(status: number, message: string, details?: { param: string; message: string }[]): NextResponse<ApiError> {
  return NextResponse.json(
    { error: { status, message, ...(details?.[0] ? { param: details[0].param, details } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Runs a handler, mapping bad parameters to 400 and anything unexpected to a bare 500. */
export function handle(work: () => Response): Response {
  try {
    return work();
  } catch (error) {
    if (error instanceof BadParamError) {
      return errorResponse(400, `Bad parameter ${error.param}: ${error.message}`, [{ param: error.param, message: error.message }]);
    }
    console.error('API error', error);
    return errorResponse(500, 'Internal error');
  }
}

/** Parses a list request; returns a 400 response naming the first bad parameter instead. */
export function parseListRequest(request: Request, options: ParseOptions): ParsedQuery | Response {
  const query = parseQuery(new URL(request.url).searchParams, options);
  const problems = [...query.errors, ...findUnknownReferences(query.filters)];
  if (problems.length) {
    return errorResponse(400, problems.map((p) => `Bad parameter ${p.param}: ${p.message}`).join('; '), problems);
  }
  return query;
}

export function listResponse<T>(page: Page<T>, format: 'json' | 'csv', columns: readonly CsvColumn<T>[], name: string): Response {
  if (format === 'csv') {
    return new Response(toCsv(page.items, columns), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="standpoint-${name}.csv"`,
        ...(page.nextCursor ? { 'X-Next-Cursor': page.nextCursor } : {}),
      },
    });
  }
  return NextResponse.json(page);
}

/** A list endpoint: parse, query, format. */
export function listEndpoint<T>(options: ParseOptions, query: (q: ParsedQuery) => Page<T>, columns: readonly CsvColumn<T>[], name: string) {
  return (request: Request): Response =>
    handle(() => {
      const parsed = parseListRequest(request, options);
      if (parsed instanceof Response) return parsed;
      return listResponse(query(parsed), parsed.format, columns, name);
    });
}
