// Headers every response carries. The Content-Security-Policy holds a fresh nonce per request:
// Next reads it from the request's CSP header and puts it on the scripts it inlines, so no
// script needs 'unsafe-inline'.

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers that predate CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** 128 random bits, base64: unguessable, and valid in a CSP nonce source. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) are trusted too.
    // Dev mode needs eval for React's error overlay; production builds never eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // Tremor and Recharts position tooltips and size charts with inline style attributes,
    // which no nonce can cover. Styles cannot run code; a nonce here would switch
    // 'unsafe-inline' off, so there is none.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
