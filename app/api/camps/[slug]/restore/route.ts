import { slugParam, writeRoute } from '@/app/api/_http/write';
import { restoreRecord } from '@/lib/write/operations';

/** Admins undo a soft delete. */
export const POST = writeRoute('camp:restore', (p: { slug: string }) => restoreRecord({ type: 'camp', slug: slugParam(p.slug) }));
