// Scraping junk inside an article body: teasers for other articles, share buttons, "Read also"
// lists. It stays in the body (so offsets stay true and the analyst sees what was scraped) and is
// marked, so that nothing in it is ever stored as evidence.
import type { Span } from '@/lib/extract/types';

type Line = Span & { text: string };

function linesOf(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of body.split('\n')) {
    lines.push({ start, end: start + text.length, text });
    start += text.length + 1;
  }
  return lines;
}

// "…what the NATO Secretary General said12.02.25, 15:54 • 24764 views": a teaser for another
// article, its headline glued to its date, time and view count.
const TEASER = /\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s*\d{1,2}:\d{2}\s*[•·|]\s*\d[\d\s,.]*\s*views?\s*$/iu;

const SHARE_WORD = String.raw`(?:share(?:\s+(?:this(?:\s+(?:article|story|page|post))?|on\s+\p{L}+))?|tweet|copy\s+(?:the\s+)?link|copy\s+url|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|viber|messenger|reddit|pinterest|flipboard)`;
const SEPARATOR = String.raw`[\s|•·,/:]*`;
const SHARE_LINE = new RegExp(String.raw`^${SEPARATOR}(?:${SHARE_WORD}${SEPARATOR})+$`, 'iu');
// A line of platform names alone ("Facebook", "Email") may be prose; a share bar names the act.
const SHARE_ACT = /\b(?:share|tweet|copy\s+(?:the\s+)?link|copy\s+url)\b/i;

const RELATED_HEAD = String.raw`(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|news|stories|content|coverage|reading|topics))?|more\s+on\s+(?:this|the\s+topic)(?:\s+topic)?|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|most\s+read|popular\s+now)`;
const BULLET = String.raw`(?:[-*•·–—]|\d+[.)])\s+`;
// "Read also: Hungary blocks …" on a line of its own.
const RELATED_LINE = new RegExp(String.raw`^\s*(?:${BULLET})?${RELATED_HEAD}\s*[:：—–-]\s*\S`, 'iu');
// "Read also" alone, heading the list that follows it.
const RELATED_HEADING = new RegExp(String.raw`^\s*${RELATED_HEAD}\s*[:：]?\s*$`, 'iu');
const LIST_ITEM = new RegExp(String.raw`^\s*${BULLET}\S`, 'u');
const MAX_HEADLINE = 160;
// A paragraph of the article ends a sentence; a linked headline usually does not.
const ENDS_SENTENCE = /[.!…"”’»)]$/u;

function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_HEADLINE && !ENDS_SENTENCE.test(t);
}

/** Junk spans of a normalised body, sorted and merged; each covers whole lines. */
export function findJunk(body: string): Span[] {
  const lines = linesOf(body);
  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) continue;
    if (TEASER.test(line.text) || RELATED_LINE.test(line.text) || (SHARE_LINE.test(line.text) && SHARE_ACT.test(line.text))) {
      spans.push({ start: line.start, end: line.end });
      continue;
    }
    if (RELATED_HEADING.test(line.text)) {
      // The heading and the headlines listed under it, across blank lines, up to the first
      // paragraph that reads like article text.
      let last = i;
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j]!;
        if (!next.text.trim()) continue;
        if (LIST_ITEM.test(next.text) || isHeadlineLike(next.text)) last = j;
        else break;
      }
      spans.push({ start: line.start, end: lines[last]!.end });
      i = last;
    }
  }
  return merge(spans);
}

function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    // Spans one line break apart are one block of junk.
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** True when [start, end) touches a junk span. */
export function overlapsJunk(junk: readonly Span[], start: number, end: number): boolean {
  return junk.some((j) => start < j.end && end > j.start);
}
