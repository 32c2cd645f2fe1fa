// The URL grammar of the listings, table-driven: what parses to what, what is refused and by
// which parameter name, per listing. References that name nothing are refused like bad values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyListing } from '@/lib/listing/types';
import { actorListing } from '@/lib/listings/actors';
import { quoteListing } from '@/lib/listings/quotes';
import { sourceListing } from '@/lib/listings/sources';
import { stanceListing } from '@/lib/listings/stances';
import { topicListing } from '@/lib/listings/topics';
import { createListingFixture } from '@/tests/fixtures/listings/fixture';
import { parseChecked } from '@/tests/support/listing';

let fx: ReturnType<typeof createListingFixture>;
beforeAll(() => {
  fx = createListingFixture();
});
afterAll(() => fx.cleanup());

const SPECS: Record<string, AnyListing> = { stances: stanceListing, quotes: quoteListing, sources: sourceListing, actors: actorListing, topics: topicListing };
const parse = (listing: string, query: string, surface: 'page' | 'api' = 'api') => parseChecked(SPECS[listing]!, query, fx.db, surface);

describe('values that parse', () => {
  const cases: [listing: string, query: string, filters: Record<string, unknown[]>][] = [
    ['stances', 'country=HU', { country: ['HU'] }],
    ['stances', 'country=hu', { country: ['HU'] }],
    ['stances', 'country=HU&country=SK', { country: ['HU', 'SK'] }],
    ['stances', 'country=HU,SK', { country: ['HU', 'SK'] }],
    ['stances', 'country=HU, SK&country=hu', { country: ['HU', 'SK'] }],
    ['stances', 'country=', { country: [] }],
    ['stances', 'topic=new-strategy', { topic: ['new-strategy'] }],
    ['stances', 'camp=engagement', { camp: ['engagement'] }],
    ['stances', 'position=-2&position=+1&position=0', { position: [-2, 1, 0] }],
    ['stances', 'position=2,2', { position: [2] }],
    ['stances', 'kind=direct', { kind: ['direct'] }],
    ['stances', 'from=2024-02-29&to=2024-02-29', { from: ['2024-02-29'], to: ['2024-02-29'] }],
    ['stances', 'actor=united-states', { actor: ['united-states'] }],
    ['stances', 'source=1', { source: [1] }],
    ['stances', 'stance=3', { stance: [3] }],
    ['quotes', 'country=PL&kind=reported&source=4', { country: ['PL'], kind: ['reported'], source: [4] }],
    ['sources', 'from=2024-01-01&source=2', { from: ['2024-01-01'], source: [2] }],
    ['actors', 'country=US&camp=hawks', { country: ['US'], camp: ['hawks'] }],
  ];
  it.each(cases)('%s ?%s', (listing, query, expected) => {
    const { request, errors } = parse(listing, query);
    expect(errors).toEqual([]);
    for (const [param, values] of Object.entries(expected)) expect((request.filters as Record<string, unknown[]>)[param]).toEqual(values);
  });

  it('ignores keys that are no part of the grammar', () => {
    expect(parse('stances', 'utm_source=mail&fbclid=x').errors).toEqual([]);
  });
});

describe('values refused, by parameter name', () => {
  const cases: [listing: string, query: string, param: string, message: RegExp][] = [
    // Upper-case ASCII only: Unicode case folding would turn "ß" into SS and "ıt" into IT.
    ['stances', 'country=%C3%9F', 'country', /not an ISO 3166-1 alpha-2/],
    ['stances', 'country=%C4%B1t', 'country', /not an ISO 3166-1 alpha-2/],
    ['stances', 'country=HUN', 'country', /not an ISO/],
    ['stances', 'country=H1', 'country', /not an ISO/],
    ['stances', 'country=XX', 'country', /names no country/],
    ['stances', 'topic=Not_A_Slug', 'topic', /not a topic slug/],
    ['stances', 'topic=no-such-topic', 'topic', /names no topic/],
    ['stances', 'topic=new-strategy&topic=founding-act', 'topic', /only once/],
    ['stances', 'camp=no-such-camp', 'camp', /names no camp/],
    ['stances', 'actor=nobody', 'actor', /names no actor/],
    ['stances', 'position=3', 'position', /position from -2 to 2/],
    ['stances', 'position=1.5', 'position', /position from -2 to 2/],
    ['stances', 'kind=paraphrase', 'kind', /evidence kind/],
    ['stances', 'from=2025-02-30', 'from', /YYYY-MM-DD/],
    ['stances', 'to=yesterday', 'to', /YYYY-MM-DD/],
    ['stances', 'from=2025-05-01&to=2025-01-01', 'to', /before from=2025-05-01/],
    // Unknown ids answer like unknown slugs.
    ['stances', 'source=99', 'source', /names no source/],
    ['stances', 'stance=999', 'stance', /names no stance/],
    ['quotes', 'source=0', 'source', /not a source id/],
    ['quotes', 'stance=12345678901234567890', 'stance', /not a stance id/],
    ['stances', 'sort=nonsense', 'sort', /not one of country, actor/],
    ['stances', 'sort=relevance', 'sort', /not one of/],
    ['stances', 'limit=0', 'limit', /1 to 1000/],
    ['stances', 'limit=1001', 'limit', /1 to 1000/],
    ['stances', 'limit=all', 'limit', /./],
    ['stances', 'format=xml', 'format', /json or csv/],
    ['stances', 'cursor=%3Cscript%3E', 'cursor', /not a cursor this server made/],
    // A filter the listing does not have is refused, not ignored.
    ['sources', 'country=HU', 'country', /not a filter of sources/],
    ['sources', 'topic=new-strategy', 'topic', /not a filter of sources/],
    ['sources', 'kind=direct', 'kind', /not a filter of sources/],
    ['actors', 'position=2', 'position', /not a filter of actors/],
    ['topics', 'country=HU', 'country', /not a filter of topics/],
    ['stances', 'q=strategy', 'q', /not a filter of stances/],
    ['quotes', 'q=%22', 'q', /no words/],
    ['quotes', `q=${'a'.repeat(201)}`, 'q', /longer than 200/],
  ];
  it.each(cases)('%s ?%s → %s', (listing, query, param, message) => {
    const { errors } = parse(listing, query, listing === 'stances' && query === 'limit=all' ? 'page' : 'api');
    expect(errors.map((e) => e.param)).toContain(param);
    expect(errors.find((e) => e.param === param)!.message).toMatch(message);
  });

  it('keeps the good values beside a bad one', () => {
    const { request, errors } = parse('stances', 'country=HU,12&position=2&position=9');
    expect(errors.map((e) => e.param)).toEqual(['country', 'position']);
    expect(request.filters.country).toEqual(['HU']);
    expect(request.filters.position).toEqual([2]);
  });

  it('accepts limit=all from the API only', () => {
    expect(parse('stances', 'limit=all', 'api').request.limit).toBeNull();
    expect(parse('stances', 'limit=all', 'page').errors.map((e) => e.param)).toEqual(['limit']);
  });
});
