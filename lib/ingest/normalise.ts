// The one normalisation every body goes through before it is hashed and stored, so that the same
// article saved with other line endings, composed accents or trailing spaces is the same source.
import { createHash } from 'node:crypto';

// CRLF and lone CR, and the Unicode line and paragraph separators, all become LF.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const TRAILING_SPACE = /[^\S\n]+$/gm;

export function normaliseText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').normalize('NFC').replace(TRAILING_SPACE, '').trim();
}

/** sha256 (hex) of a normalised body: the identity of an article (sources.body_sha256). */
export function bodySha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
