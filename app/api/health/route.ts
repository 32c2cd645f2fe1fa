import { NextResponse } from 'next/server';
import { errorResponse, handle } from '@/lib/api';
import { getTableCounts } from '@/lib/queries/overview';

export function GET(): Response {
  return handle(() => {
    try {
      return NextResponse.json({ ok: true, counts: getTableCounts() }, { headers: { 'Cache-Control': 'no-store' } });
    } catch {
      return errorResponse(503, 'Database unavailable');
    }
  });
}
