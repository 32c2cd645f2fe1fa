// Plain text as scraped (see ../shared/seeds/): an optional header line
// ` date YYYY-MM-DD Title - Publisher`, an optional dateline line `Kyiv • UNN`, then the body.
// A title line directly above a dateline is the headline and is taken out of the body too.
import { isIsoDate } from '@/lib/dates';
import type { ArticleFields, FormatResult } from './format';

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$/u;
// "Kyiv • UNN", "Brussels · Reuters": a place and an agency around a bullet, nothing more.
const DATELINE = /^\s*(\p{Lu}[\p{L}\p{M}'’. -]{0,40}?)\s+[•·]\s+([\p{L}\p{N}][\p{L}\p{M}\p{N}'’.& -]{0,40}?)\s*$/u;
// "Title - Publisher": the last dash or bar with a short publisher after it.
const TITLE_PUBLISHER = /^(.*\S)\s+[-–—|]\s+(\S.{0,59})$/u;
const MAX_TITLE = 300;

export function parseDateline(line: string | undefined): { dateline: string; agency: string } | null {
  const match = line === undefined ? null : DATELINE.exec(line);
  return match ? { dateline: line!.trim(), agency: match[2]!.trim() } : null;
}

function splitTitle(text: string): { title: string | null; publisher: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { title: null, publisher: null };
  const match = TITLE_PUBLISHER.exec(trimmed);
  if (match && match[2]!.split(/\s+/).length <= 6) return { title: match[1]!, publisher: match[2]!.trim() };
  return { title: trimmed, publisher: null };
}

/** `text` is already normalised (LF line breaks, no trailing spaces). */
export function readPlainText(text: string): FormatResult {
  const lines = text.split('\n');
  const fields: ArticleFields = { title: null, publisher: null, url: null, publishedAt: null, language: null, dateline: null };
  let first = 0;

  const header = HEADER.exec(lines[0] ?? '');
  if (header) {
    const date = header[1]!;
    if (!isIsoDate(date)) return { ok: false, problem: `the header line has an impossible date "${date}"` };
    fields.publishedAt = date;
    Object.assign(fields, splitTitle(header[2]!));
    first = 1;
  } else if (lines.length > 2 && parseDateline(lines[1]) && lines[0]!.trim().length <= MAX_TITLE) {
    fields.title = lines[0]!.trim();
    first = 1;
  }

  const dateline = parseDateline(lines[first]);
  if (dateline) {
    fields.dateline = dateline.dateline;
    fields.publisher ??= dateline.agency;
    first += 1;
  }

  const body = lines.slice(first).join('\n');
  if (!body.trim()) return { ok: false, problem: first > 0 ? 'no article text after the header' : 'no text' };
  return { ok: true, fields, body };
}
