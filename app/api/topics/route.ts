import { listEndpoint } from '@/lib/api';
import { topicCsv } from '@/lib/exports';
import { getTopics } from '@/lib/queries/catalog';

// Topics are few: one page holds them all, so the list never has a next cursor.
export const GET = listEndpoint({ defaultLimit: 100, sortKeys: [] }, () => ({ items: getTopics(), nextCursor: null }), topicCsv, 'topics');
