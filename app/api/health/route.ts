import { NextResponse } from 'next/server';
import { errorResponse, handle } from '@/app/api/_http/errors';
import { getTableCounts } from '@/lib/queries/overview';

export function GET(): Promise<Response> {
  return handle(async () => {
    try {
      return NextResponse.json({ ok: true, counts: await getTableCounts() }, { headers: { 'Cache-Control': 'no-store' } });
    } catch {
      return errorResponse(503, 'Database unavailable');
    }
  });
}
