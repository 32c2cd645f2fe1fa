// Where to go after signing in: a path of this site only, never another site ("//evil.example",
// "/\evil.example" and absolute URLs fall back to the front page).
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  try {
    const url = new URL(value, 'http://localhost');
    return url.host === 'localhost' ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
