import { slugParam, writeRoute } from '@/app/api/_http/write';
import { restoreRecord } from '@/lib/write/operations';

/** Admins undo a soft delete. */
export const POST = writeRoute('topic:restore', (p: { slug: string }) => restoreRecord({ type: 'topic', slug: slugParam(p.slug) }));
