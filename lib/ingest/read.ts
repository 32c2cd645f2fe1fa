// One file in, one Article out (or one line saying what is wrong with the file). The format is
// detected from the content (and the .html extension), the body normalised once, and the
// scraping junk in it marked.
import type { Article } from '@/lib/extract/types';
import { decodeText } from './decode';
import type { FormatResult, InputFormat } from './format';
import { hasFrontMatter, readFrontMatter } from './front-matter';
import { looksLikeHtml, readHtml } from './html';
import { findJunk } from './junk';
import { normaliseText } from './normalise';
import { readPlainText } from './plain-text';

export type ReadResult = { ok: true; article: Article; format: InputFormat } | { ok: false; problem: string };

export function detectFormat(fileName: string, text: string): InputFormat {
  if (hasFrontMatter(text)) return 'front-matter';
  if (looksLikeHtml(fileName, text)) return 'html';
  return 'text';
}

const READERS: Record<InputFormat, (text: string) => FormatResult> = {
  text: readPlainText,
  'front-matter': readFrontMatter,
  html: readHtml,
};

/** Never throws: any input that is not an article comes back as { ok: false, problem }. */
export function readArticle(fileName: string, bytes: Uint8Array): ReadResult {
  try {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const text = normaliseText(decoded.text);
    if (!text) return { ok: false, problem: 'no text (the file holds only whitespace)' };
    const format = detectFormat(fileName, text);
    const read = READERS[format](text);
    if (!read.ok) return read;
    const body = normaliseText(read.body);
    if (!body) return { ok: false, problem: 'no article text' };
    return { ok: true, format, article: { ...read.fields, body, junk: findJunk(body) } };
  } catch (error) {
    // A parser bug must cost one file, not the batch; the message says it is ours.
    return { ok: false, problem: `could not be read (internal error: ${error instanceof Error ? error.message : String(error)})` };
  }
}
