// Metadata values as they come from front matter or a web page's head, checked and put in the
// shape the sources table stores.
import { isIsoDate } from '@/lib/dates';

/** An http(s) URL without its #fragment, in the WHATWG serialisation; null if it is not one. */
export function canonicalUrl(value: string, base?: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const DATE_PREFIX = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/;

/**
 * The calendar date an ISO date or timestamp is written with ("2025-04-02T01:00:00+03:00" is
 * 2025-04-02, the publisher's own date), or null when the value is not one.
 */
export function isoDateOf(value: string): string | null {
  const date = DATE_PREFIX.exec(value)?.[1];
  return date && isIsoDate(date) ? date : null;
}

// BCP 47 in its common shapes: "en", "en-GB", "zh-Hant-TW", "uk_UA" (underscore, as some sites write it).
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

export function languageTag(value: string): string | null {
  const tag = value.trim();
  return LANGUAGE_TAG.test(tag) ? tag.replace(/_/g, '-') : null;
}

/** Collapses the whitespace of a one-line value; null when nothing is left. */
export function oneLine(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
