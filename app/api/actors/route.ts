import { listEndpoint } from '@/lib/api';
import { actorCsv } from '@/lib/exports';
import { getActors } from '@/lib/queries/catalog';

export const GET = listEndpoint({ defaultLimit: 100, sortKeys: ['country'] }, (q) => getActors(q.filters, q.paging), actorCsv, 'actors');
