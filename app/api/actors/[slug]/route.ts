import { slugParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord, updateActor } from '@/lib/write/operations';

type Params = { slug: string };

export const PATCH = writeRoute('actor:update', (p: Params) => updateActor(slugParam(p.slug)));
export const DELETE = writeRoute('actor:delete', (p: Params) => deleteRecord({ type: 'actor', slug: slugParam(p.slug) }));
