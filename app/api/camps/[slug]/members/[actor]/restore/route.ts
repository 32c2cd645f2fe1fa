import { slugParam, writeRoute } from '@/app/api/_http/write';
import { restoreRecord } from '@/lib/write/operations';

type Params = { slug: string; actor: string };

/** Admins undo a soft delete: the latest deleted membership of the actor in the camp. */
export const POST = writeRoute('camp-member:restore', (p: Params) => restoreRecord({ type: 'camp-member', camp: slugParam(p.slug), actor: slugParam(p.actor, 'actor') }));
