// The JSON API's one error shape, and the wrapper that maps failures to it: bad parameters
// 400, anything unexpected a bare 500 (logged here, never shown).
import { NextResponse } from 'next/server';
import { BadParamError } from '@/lib/errors';

export type ParamProblem = { param: string; message: string };
export type ApiError = { error: { status: number; message: string; param?: string; details?: ParamProblem[] } };

export function errorResponse(status: number, message: string, details?: ParamProblem[]): NextResponse<ApiError> {
  return NextResponse.json(
    { error: { status, message, ...(details?.[0] ? { param: details[0].param, details } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export function badParams(problems: ParamProblem[]): NextResponse<ApiError> {
  return errorResponse(400, problems.map((p) => `Bad parameter ${p.param}: ${p.message}`).join('; '), problems);
}

export async function handle(work: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadParamError) return badParams([{ param: error.param, message: error.message }]);
    console.error('API error', error);
    return errorResponse(500, 'Internal error');
  }
}
