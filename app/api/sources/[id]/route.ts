import { NextResponse } from 'next/server';
import { errorResponse, handle } from '@/app/api/_http/errors';
import { parseSourceId } from '@/lib/ids';
import { getSource } from '@/lib/queries/catalog';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: raw } = await context.params;
  return handle(async () => {
    const id = parseSourceId(raw);
    if (id === null) return errorResponse(400, `Bad parameter id: ${JSON.stringify(raw)} is not a source id`, [{ param: 'id', message: 'is not a source id' }]);
    const source = await getSource(id);
    if (!source) return errorResponse(404, `No source with id ${id}`);
    return NextResponse.json(source);
  });
}
