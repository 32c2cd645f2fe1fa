// Slugs derived from names, for records created without one (proposed speakers, new actors,
// topics and camps from the API).
import { aliasKey } from '@/lib/actors/alias-key';

/** "Péter Szijjártó" → "peter-szijjarto": the alias key with anything but letters and digits as dashes. */
export function slugFor(name: string, fallback: string): string {
  const slug = aliasKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** `base`, else `base-2`, `base-3`, …: the first that `taken` says is free. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken(slug)) return slug;
  }
}
