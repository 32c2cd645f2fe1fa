import { slugParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord } from '@/lib/write/operations';

type Params = { slug: string; actor: string };

export const DELETE = writeRoute('camp-member:delete', (p: Params) => deleteRecord({ type: 'camp-member', camp: slugParam(p.slug), actor: slugParam(p.actor, 'actor') }));
