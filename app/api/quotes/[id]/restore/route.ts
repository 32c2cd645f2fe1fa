import { idParam, writeRoute } from '@/app/api/_http/write';
import { restoreRecord } from '@/lib/write/operations';

/** Admins undo a soft delete. */
export const POST = writeRoute('quote:restore', (p: { id: string }) => restoreRecord({ type: 'quote', id: idParam(p.id) }));
