import { NextResponse } from 'next/server';
import { errorResponse, handle } from '@/app/api/_http/errors';
import { idParam, writeRoute } from '@/app/api/_http/write';
import { checkApiReader } from '@/lib/auth/guard';
import { parseSourceId } from '@/lib/ids';
import { getSource } from '@/lib/queries/catalog';
import { deleteRecord } from '@/lib/write/operations';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: raw } = await context.params;
  return handle(async () => {
    const reader = await checkApiReader(request);
    const id = parseSourceId(raw);
    if (id === null) return errorResponse(400, `Bad parameter id: ${JSON.stringify(raw)} is not a source id`, [{ param: 'id', message: 'is not a source id' }]);
    const source = await getSource(id);
    if (!source) return errorResponse(404, `No source with id ${id}`);
    return NextResponse.json(source, reader ? { headers: { 'Cache-Control': 'private, no-store' } } : undefined);
  });
}

/** Deletes the source and, with it, its quotes; refused while any of them is evidence. */
export const DELETE = writeRoute('source:delete', (p: { id: string }) => deleteRecord({ type: 'source', id: idParam(p.id) }));
