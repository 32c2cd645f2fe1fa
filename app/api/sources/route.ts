import { listEndpoint } from '@/lib/api';
import { sourceCsv } from '@/lib/exports';
import { getSources } from '@/lib/queries/catalog';

export const GET = listEndpoint({ defaultLimit: 100, sortKeys: ['date'] }, (q) => getSources(q.filters, q.paging), sourceCsv, 'sources');
