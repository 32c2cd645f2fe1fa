// When a statement was made: "on Tuesday", "last week", "on 3 March" near its speech cue, resolved
// with chrono-node against the publication date and always into the past (news reports what was
// said, not what will be).
import * as chrono from 'chrono-node';

const DATE_WORDS = /\b(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|yesterday|today|tonight|(?:last|this) (?:week|month|year|night|weekend|morning|evening)|ago|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/;

/** Cheap test before any parsing: does the text name a day, a month or a relative date at all? */
export function mayHoldDate(text: string): boolean {
  return DATE_WORDS.test(text);
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The date nearest to `cueAt` (an index into `text`) among the dates written in `text`, or null.
 * Without a publication date only dates that carry their year are trusted.
 */
export function dateNear(text: string, cueAt: number, publishedAt: string | null): string | null {
  if (!DATE_WORDS.test(text)) return null;
  const ref = publishedAt ? new Date(`${publishedAt}T12:00:00Z`) : undefined;
  let results: chrono.ParsedResult[];
  try {
    results = ref ? chrono.parse(text, ref, { forwardDate: false }) : chrono.parse(text, undefined, { forwardDate: false });
  } catch {
    return null;
  }
  let best: { date: string; distance: number } | null = null;
  for (const r of results) {
    const c = r.start;
    if (!ref && !c.isCertain('year')) continue;
    // Times without a day ("at 3 pm") say nothing about the date.
    if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) continue;
    let date = new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!));
    if (ref && date.getTime() > ref.getTime() + 12 * 3600 * 1000) {
      // Into the past: "on Friday" said on a Wednesday is last Friday; "on 25 March" said on 19 March is last year's.
      if (!c.isCertain('day') && c.isCertain('weekday')) date = new Date(date.getTime() - 7 * 86400 * 1000);
      else if (!c.isCertain('year')) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
      else continue;
    }
    const distance = Math.min(Math.abs(r.index - cueAt), Math.abs(r.index + r.text.length - cueAt));
    if (!best || distance < best.distance) best = { date: iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), distance };
  }
  return best?.date ?? null;
}
