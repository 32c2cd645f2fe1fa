// Path segments must be valid percent-encoded UTF-8. Next decodes route params itself and,
// when that fails, answers a bare 500 with nothing logged; the proxy checks first.

/** The first path segment that does not percent-decode to valid UTF-8, or null if all do. */
export function malformedSegment(pathname: string): string | null {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}
