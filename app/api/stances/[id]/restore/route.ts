import { idParam, writeRoute } from '@/app/api/_http/write';
import { restoreRecord } from '@/lib/write/operations';

/** Admins undo a soft delete. */
export const POST = writeRoute('stance:restore', (p: { id: string }) => restoreRecord({ type: 'stance', id: idParam(p.id) }));
