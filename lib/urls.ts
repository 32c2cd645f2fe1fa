// Every internal link is built here, so pages and API share one URL grammar (lib/listing/params.ts).

export type LinkParams = Record<string, string | number | readonly (string | number)[] | null | undefined>;

/** A path with its query: repeated parameters for lists, nothing for empty values. */
export function href(path: string, params: LinkParams | URLSearchParams = {}): string {
  const search = params instanceof URLSearchParams ? params : new URLSearchParams();
  if (!(params instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined && v !== '') search.append(key, String(v));
    }
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const stancesHref = (params: LinkParams = {}) => href('/stances', params);
export const quotesHref = (params: LinkParams = {}) => href('/quotes', params);
export const apiHref = (resource: 'stances' | 'quotes' | 'sources' | 'actors' | 'topics', params: LinkParams | URLSearchParams = {}) => href(`/api/${resource}`, params);

/** The source page with one quote highlighted and scrolled to. */
export const quoteInSourceHref = (sourceId: number, quoteId: number) => `/sources/${sourceId}?quote=${quoteId}#quote-${quoteId}`;

export const actorHref = (slug: string) => `/actors/${slug}`;
export const topicHref = (slug: string) => `/topics/${slug}`;
export const sourceHref = (id: number) => `/sources/${id}`;
/** A camp, described on its topic's page. */
export const campHref = (topicSlug: string, campSlug: string) => `/topics/${topicSlug}#camp-${campSlug}`;
