import { NextResponse } from 'next/server';
import { databaseHealthProblem } from '@/db/sqlite/health';
import { getTableCounts, type TableCounts } from '@/lib/queries/overview';

let lastLoggedProblem: string | null = null;

// 200 { ok: true, counts } when the schema matches the migrations, every table reads and the
// last quick_check found the file sound; 503 with the reason otherwise. The counts are the
// totals the database keeps (constant time), never whole-table counts.
export async function GET(): Promise<Response> {
  let problem = await databaseHealthProblem();
  let counts: TableCounts | undefined;
  if (!problem) {
    try {
      counts = await getTableCounts();
    } catch (error) {
      problem = `counting rows failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (problem || !counts) {
    // Once per distinct problem, not once per probe.
    if (problem !== lastLoggedProblem) console.error(`Health check failed: ${problem}`);
    lastLoggedProblem = problem;
    return NextResponse.json(
      { ok: false, error: { status: 503, message: `Database unavailable: ${problem}` } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  lastLoggedProblem = null;
  return NextResponse.json({ ok: true, counts }, { headers: { 'Cache-Control': 'no-store' } });
}
