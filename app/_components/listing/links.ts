// The URLs a listing page builds from its view: the filters as they stand, with and without the
// sort, and the export links that carry exactly the same filters.
import type { ListingRequest } from '@/lib/listing/params';
import type { FilterDef } from '@/lib/listing/types';
import { sortParamOf, viewParams } from '@/lib/listing/view';
import { apiHref } from '@/lib/urls';

type Resource = Parameters<typeof apiHref>[0];

export function listingLinks<F extends Record<string, FilterDef<any>>>(spec: { filters: F }, view: { request: ListingRequest<F> }, resource: Resource) {
  const params = viewParams(spec, view);
  const sort = sortParamOf(view.request);
  const current = new URLSearchParams(params);
  if (sort) current.set('sort', sort);
  const json = new URLSearchParams(current);
  json.set('limit', 'all');
  const csv = new URLSearchParams(json);
  csv.set('format', 'csv');
  return { params, sort, current, exports: { csv: apiHref(resource, csv), json: apiHref(resource, json) } };
}
