import { listEndpoint } from '@/lib/api';
import { stanceCsv } from '@/lib/exports';
import { getStances, STANCE_SORTS } from '@/lib/queries/stances';

export const GET = listEndpoint({ defaultLimit: 100, sortKeys: STANCE_SORTS }, (q) => getStances(q.filters, q.paging), stanceCsv, 'stances');
