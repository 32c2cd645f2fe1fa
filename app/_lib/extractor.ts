import 'server-only';
// The extraction engine the pages store articles with, as `npm run ingest` does.
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import type { Extractor } from '@/lib/ingest/store';

export const extractor: Extractor = { version: EXTRACTOR_VERSION, extract: extractQuotes };
