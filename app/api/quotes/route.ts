import { listEndpoint } from '@/lib/api';
import { quoteCsv } from '@/lib/exports';
import { getQuotes, QUOTE_SORTS } from '@/lib/queries/quotes';

export const GET = listEndpoint({ defaultLimit: 100, sortKeys: QUOTE_SORTS }, (q) => getQuotes(q.filters, q.paging), quoteCsv, 'quotes');
