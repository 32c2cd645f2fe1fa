// The extraction engine as the ingest pipeline uses it in the app and the API (tests pass fakes).
import { EXTRACTOR_VERSION, extractQuotes } from '@/lib/extract';
import type { Extractor } from './store';

export const realExtractor: Extractor = { version: EXTRACTOR_VERSION, extract: extractQuotes };
