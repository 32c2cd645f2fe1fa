// Quote extraction and attribution: every quotation in an article, its exact place in the body,
// who said it and whom they speak for. Pure and deterministic; the NLP model and the ranker's
// weights load once per process.
import type { Article, ExtractedQuote, Span } from './types';
import type { ExtractOptions } from './options';
import type { Weights } from './attribute';
import type { Doc } from './document';
import type { Mention } from './mentions';
import { runPipeline, type Attributed } from './pipeline';
import { articleContext, indexActors, toSpeaker } from './speaker';
import { dateNear, mayHoldDate } from './dates';
import { calibrate, topProbability } from './confidence';
import rankerWeights from './model/ranker.json';

export type { KnownActor, ExtractOptions } from './options';
export type { Article, ExtractedQuote } from './types';

/** Stored with every suggestion; bump when the extractor's output can change. */
export const EXTRACTOR_VERSION = 'extract-1.0.0';

const weights: Weights = { bias: rankerWeights.bias, weights: rankerWeights.weights as Record<string, number> };

export function extractQuotes(article: Article, options: ExtractOptions = {}): ExtractedQuote[] {
  return extractWith(article, options, weights, true);
}

/**
 * extractQuotes with given ranker weights; uncalibrated, `confidence` is the ranker's own
 * probability (the training script fits the calibration on that).
 */
export function extractWith(article: Article, options: ExtractOptions, ranker: Weights, calibrated: boolean): ExtractedQuote[] {
  const { doc, mentions, entities, quotes } = runPipeline(article, ranker, options);
  const actors = indexActors(options.knownActors);
  const context = articleContext(mentions);
  const out: ExtractedQuote[] = [];
  for (const a of quotes) {
    const chosen = a.best >= 0 ? a.candidates[a.best]! : null;
    const entity = chosen && chosen.entity !== null ? entities.list[chosen.entity]! : null;
    // A transcript line names its speaker: "WALLACE: Let’s start with …".
    const label = a.kind === 'direct' ? transcriptLabel(a.text) : null;
    if (label) {
      out.push({
        start: a.q.span.start,
        end: a.q.span.end,
        text: a.text,
        kind: 'direct',
        speaker: { name: label.name, kind: 'person', countryCode: context.country, organisation: null },
        confidence: TRANSCRIPT_CONFIDENCE,
        cue: null,
        speakerMention: { start: a.q.span.start + label.start, end: a.q.span.start + label.end },
        saidAt: null,
      });
      continue;
    }
    let speaker = chosen ? toSpeaker(chosen.mention, entity, mentions, actors, context) : null;
    if (chosen && speaker && speaker.kind === 'person') {
      // "Trump and Ryan issued a statement": both speak.
      const other = coordinated(doc, mentions, chosen.mention);
      if (other) {
        const otherEntity = entities.ofMention.get(other.id);
        const otherName = otherEntity !== undefined ? entities.list[otherEntity]!.name : other.text;
        const [first, second] = other.start < chosen.mention.start ? [otherName, speaker.name] : [speaker.name, otherName];
        speaker = { ...speaker, name: `${first} and ${second}` };
      }
    }
    out.push({
      start: a.q.span.start,
      end: a.q.span.end,
      text: a.text,
      kind: a.kind,
      speaker,
      confidence: !speaker ? 0 : calibrated ? calibrate(a.scores, a.best, a.kind) : topProbability(a.scores, a.best),
      cue: cueSpan(doc, a.cueTok),
      speakerMention: chosen ? { start: chosen.mention.start, end: chosen.mention.end } : null,
      saidAt: saidAt(doc, a, article.publishedAt),
    });
  }
  return out;
}

// Transcript labels are rare and right when present; no calibration data singles them out.
const TRANSCRIPT_CONFIDENCE = 0.9;
const TRANSCRIPT_LABEL = /^((?:[A-Z][A-Z'’.-]+)(?: [A-Z][A-Z'’.-]+){0,2}):\s/;

/** "WALLACE: …", "SEN. GRAHAM: …" at the start of a quotation, not "Q:" or "A:". */
function transcriptLabel(text: string): { name: string; start: number; end: number } | null {
  const m = TRANSCRIPT_LABEL.exec(text);
  if (!m || m[1]!.replace(/[^A-Z]/g, '').length < 3) return null;
  return { name: m[1]!, start: 0, end: m[1]!.length };
}

/** The person joined to `m` by "and" ("Blumenthal and Cohen"), if any. */
function coordinated(doc: Doc, mentions: readonly Mention[], m: Mention): Mention | null {
  const t = doc.tokens;
  const after = mentions[m.id + 1];
  if (after && after.kind === 'person' && !after.modifier && t[m.tokEnd]?.lower === 'and' && after.tokStart === m.tokEnd + 1) return after;
  const before = mentions[m.id - 1];
  if (before && before.kind === 'person' && !before.modifier && t[m.tokStart - 1]?.lower === 'and' && before.tokEnd === m.tokStart - 1) return before;
  return null;
}

function cueSpan(doc: Doc, tok: number | null): Span | null {
  if (tok === null) return null;
  const t = doc.tokens[tok]!;
  // "according to", "went on": the particle belongs to the cue.
  const next = doc.tokens[tok + 1];
  const end = next && (t.lower === 'according' || /^(on|out|back|in|up)$/.test(next.lower)) && next.sent === t.sent ? next.end : t.end;
  return { start: t.start, end };
}

/** The date written next to the statement's cue (or in its own sentence), quoted words left out. */
function saidAt(doc: Doc, a: Attributed, publishedAt: string | null): string | null {
  const anchor = a.cueTok ?? a.q.openTok;
  const t = doc.tokens[anchor];
  if (!t) return null;
  const s = doc.sentences[t.sent];
  if (!s) return null;
  const sentence = doc.body.slice(s.start, s.end);
  if (!mayHoldDate(sentence)) return null;
  const chars = sentence.split('');
  const blank = (from: number, to: number) => {
    for (let i = Math.max(from, s.start); i < Math.min(to, s.end); i++) chars[i - s.start] = ' ';
  };
  for (const m of doc.marked) blank(m.start, m.end);
  blank(a.q.span.start, a.q.span.end);
  return dateNear(chars.join(''), t.start - s.start, publishedAt);
}
