import { slugParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord } from '@/lib/write/operations';

/** Deletes the camp and, with it, its live members (restored with it). */
export const DELETE = writeRoute('camp:delete', (p: { slug: string }) => deleteRecord({ type: 'camp', slug: slugParam(p.slug) }));
