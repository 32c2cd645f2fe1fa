import { slugParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord, updateTopic } from '@/lib/write/operations';

type Params = { slug: string };

export const PATCH = writeRoute('topic:update', (p: Params) => updateTopic(slugParam(p.slug)));
export const DELETE = writeRoute('topic:delete', (p: Params) => deleteRecord({ type: 'topic', slug: slugParam(p.slug) }));
