// Every internal link is built here, so pages and API share one URL grammar.
import { toSearchParams, type Filters } from './filters';

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

export const stancesHref = (filters: Partial<Filters> = {}, extra: Record<string, string | number | null | undefined> = {}) =>
  withQuery('/stances', toSearchParams(filters, extra));

export const quotesHref = (filters: Partial<Filters> = {}, extra: Record<string, string | number | null | undefined> = {}) =>
  withQuery('/quotes', toSearchParams(filters, extra));

export const apiHref = (resource: 'stances' | 'quotes', filters: Partial<Filters>, extra: Record<string, string | number | null | undefined> = {}) =>
  withQuery(`/api/${resource}`, toSearchParams(filters, extra));

/** The source page with one quote highlighted and scrolled to. */
export const quoteInSourceHref = (sourceId: number, quoteId: number) => `/sources/${sourceId}?quote=${quoteId}#quote-${quoteId}`;

export const actorHref = (slug: string) => `/actors/${slug}`;
export const topicHref = (slug: string) => `/topics/${slug}`;
export const sourceHref = (id: number) => `/sources/${id}`;
/** A camp, described on its topic's page. */
export const campHref = (topicSlug: string, campSlug: string) => `/topics/${topicSlug}#camp-${campSlug}`;
