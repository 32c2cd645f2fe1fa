// Speaker attribution: every quotation's candidate speakers (mentions around it) are described by
// features — where they stand relative to the quotation and its speech cue, what kind of mention
// they are, whether they spoke the previous quotation — and ranked by a logistic model trained on
// annotated news (see lib/extract/train/). The best candidate is the speaker mention; pronouns and
// definite descriptions are then resolved to the entity they stand for.
import type { Doc } from './document';
import type { MarkedSpan } from './marks';
import type { Mention } from './mentions';
import type { Token } from './nlp';
import { cueAt } from './cues';
import { resolveMention, type Entities, type ResolveContext } from './entities';

export type QuoteInfo = {
  /** Index into doc.marked. */
  idx: number;
  span: MarkedSpan;
  openTok: number;
  closeTok: number;
  sent: number;
  para: number;
  /** Nothing but punctuation outside the marks in the quotation's sentence. */
  standalone: boolean;
  /** The quoted words end with , ? ! or a dash: a cue usually follows. */
  trailing: boolean;
};

export type Candidate = { mention: Mention; entity: number | null; features: string[]; cueTok: number | null };

const ADVERB_SKIP = new Set(['also', 'later', 'then', 'again', 'once', 'further', 'repeatedly', 'recently', 'previously', 'earlier', 'today', 'yesterday', 'tonight', 'now', 'simply', 'flatly', 'bluntly', 'publicly', 'privately', 'separately', 'frequently', 'often', 'has', 'had', 'have', 'would', 'will', 'could', 'did', 'does', 'do', 'was', 'is', 'once', 'even', 'just', 'still', 'quickly', 'immediately', 'finally', 'eventually', 'has', 'recently', 'subsequently']);
const PREPOSITIONS = new Set(['to', 'with', 'by', 'for', 'of', 'about', 'at', 'from', 'against', 'on', 'in', 'into', 'like', 'than', 'toward', 'towards', 'over', 'under', 'between', 'among', 'behind', 'after', 'before', 'via', 'including', 'unlike', 'as', 'at']);
const TELL_LEMMAS = new Set(['tell', 'ask', 'inform', 'assure', 'reassure', 'remind', 'urge', 'warn', 'thank', 'invite', 'instruct', 'advise', 'order', 'direct', 'encourage', 'congratulate']);
const DAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|earlier|later|last|this|next|week|month|year|morning|afternoon|evening|night|on|in|at|during|a|an|the|statement|interview|speech|email|e-mail|tweet|post|letter|conference|briefing|call|phone|television|tv|radio|video|written|press|news|,)$/;

export function quoteInfo(doc: Doc, idx: number): QuoteInfo {
  const span = doc.marked[idx]!;
  const { tokens } = doc;
  let openTok = lowerBound(tokens, span.open);
  if (openTok >= tokens.length) openTok = tokens.length - 1;
  const para = span.paragraph;
  const paraEnd = doc.paraTok[para]!.end;
  let closeTok: number;
  if (span.close !== null) {
    closeTok = lowerBound(tokens, span.close);
    if (closeTok >= tokens.length || tokens[closeTok]!.start > span.close) closeTok = Math.max(openTok, closeTok - 1);
  } else {
    closeTok = Math.max(openTok, paraEnd - 1);
  }
  const sent = tokens[openTok]?.sent ?? 0;
  const lastInside = span.close !== null ? doc.body.slice(span.start, span.end).trimEnd().slice(-1) : '';
  const trailing = /[,?!—–\-…:]/.test(lastInside) || (span.close !== null && /^[\s]*[,—–-]/.test(doc.body.slice(span.close + 1, span.close + 3)));
  const s = doc.sentences[sent];
  let standalone = true;
  if (s) {
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const t = tokens[k]!;
      if (k >= openTok && k <= closeTok) continue;
      if (t.quote >= 0 && t.quote !== idx) {
        standalone = false;
        break;
      }
      if (t.mark === null && t.quote < 0 && /[\p{L}\p{N}]/u.test(t.text)) {
        standalone = false;
        break;
      }
    }
  }
  return { idx, span, openTok, closeTok, sent, para, standalone, trailing };
}

function lowerBound(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type MentionIndex = { atTok: Int32Array; endTok: Int32Array; modifierTok: Uint8Array };

export function indexMentions(doc: Doc, mentions: readonly Mention[]): MentionIndex {
  const atTok = new Int32Array(doc.tokens.length).fill(-1);
  const endTok = new Int32Array(doc.tokens.length + 1).fill(-1);
  const modifierTok = new Uint8Array(doc.tokens.length + 1);
  for (const m of mentions) {
    if (m.modifier) for (let k = m.tokStart; k < m.tokEnd; k++) modifierTok[k] = 1;
    if (m.modifier || m.kind === 'place') continue;
    for (let k = m.tokStart; k < m.tokEnd; k++) if (atTok[k] === -1) atTok[k] = m.id;
    endTok[m.tokEnd] = m.id;
  }
  return { atTok, endTok, modifierTok };
}

/** "…,” said X" / "…,” X said" / "…,” X, a spokesman, said": the mention after the quotation. */
function postSubject(doc: Doc, idx: MentionIndex, q: QuoteInfo): { mention: number; cue: number } | null {
  const { tokens } = doc;
  const s = doc.sentences[q.sent];
  if (!s) return null;
  const end = Math.min(s.tokEnd, tokens.length);
  let j = q.closeTok + 1;
  while (j < end && /^[,—–\-;]$/.test(tokens[j]!.text)) j++;
  // Adverbs and auxiliaries before an inverted cue: "…,” also said X".
  let k = j;
  while (k < end && ADVERB_SKIP.has(tokens[k]!.lower)) k++;
  // "“…” ― Christina Lastra.": a dash and a name closing the sentence attribute the quotation.
  const dash = tokens[q.closeTok + 1];
  if (dash && /^(―|—|–|-|--)$/.test(dash.text)) {
    const id = idx.atTok[q.closeTok + 2];
    if (id !== undefined && id >= 0) {
      let e = q.closeTok + 2;
      while (e < end && idx.atTok[e] === id) e++;
      if (e >= end || /^[.,;)(]$/.test(tokens[e]!.text)) return { mention: id, cue: q.closeTok + 1 };
    }
  }
  const cue = cueAt(tokens, k);
  if (cue) {
    // Inverted: said X — the mention follows at once, after a day, "in a statement", or the words
    // that describe it ("said Clinton's top foreign policy aide Jake Sullivan").
    for (let m = k + 1; m < end && m <= k + 10; m++) {
      const id = idx.atTok[m]!;
      if (id >= 0) {
        const prev = tokens[m - 1]!;
        if (PREPOSITIONS.has(prev.lower) && m !== k + 1 && !idx.modifierTok[m - 2]) return null;
        return { mention: id, cue: k };
      }
      const t = tokens[m]!;
      if (t.quote >= 0 || t.mark) return null;
      if (idx.modifierTok[m] || DAYS.test(t.lower) || t.cap || t.lower === "'s" || t.lower === '’s') continue;
      if (!PREPOSITIONS.has(t.lower) && (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'DET' || t.pos === 'NUM')) continue;
      return null;
    }
    return null;
  }
  // "…” former Obama adviser David Axelrod asked": words describing the mention may come first.
  let d = j;
  while (d < end && d < j + 8 && idx.atTok[d] === -1) {
    const t = tokens[d]!;
    if (t.quote >= 0 || t.mark) break;
    if (idx.modifierTok[d] || t.lower === "'s" || t.lower === '’s' || ((t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'DET') && !PREPOSITIONS.has(t.lower))) d++;
    else break;
  }
  if (idx.atTok[d] !== undefined && idx.atTok[d]! >= 0) j = d;
  const id = idx.atTok[j];
  if (id === undefined || id < 0) return null;
  // Mention first: find its end, skip an appositive between commas, then the cue.
  let m = j;
  while (m < end && idx.atTok[m] === id) m++;
  if (tokens[m]?.text === ',') {
    // An appositive, possibly long, closed by a comma right before the cue.
    for (let c = m + 1; c < end && c < m + 45; c++) {
      const u = tokens[c]!;
      if (u.mark !== null || endsClause(u)) break;
      if (u.text === ',' && cueAfterAdverbs(tokens, c + 1, end)) {
        m = c + 1;
        break;
      }
    }
  }
  while (m < end && (ADVERB_SKIP.has(tokens[m]!.lower) || (tokens[m]!.pos === 'ADV' && !cueAt(tokens, m)))) m++;
  // "X on Tuesday said", "X in a statement said".
  let guard = 0;
  while (m < end && guard < 6 && !cueAt(tokens, m) && DAYS.test(tokens[m]!.lower)) {
    m++;
    guard++;
  }
  if (cueAt(tokens, m)) return { mention: id, cue: m };
  return null;
}

/** "X said: “…”" / "X told reporters that “…”" / "According to X, “…”": the mention before. */
function preSubject(doc: Doc, idx: MentionIndex, q: QuoteInfo): { mention: number; cue: number } | null {
  const { tokens } = doc;
  const s = doc.sentences[q.sent];
  if (!s) return null;
  // The nearest cue before the quotation, not beyond another quotation. Weak cues ("continued",
  // "thinks") count only right before the quotation.
  let c = -1;
  for (let k = q.openTok - 1; k >= s.tokStart; k--) {
    const t = tokens[k]!;
    if (t.mark === 'close') break;
    const cue = cueAt(tokens, k);
    // A weak cue only right before the quotation: "he continued:", "proposed we “…”" — not
    // "will continue to be “…”".
    const between = tokens.slice(k + 1, q.openTok);
    if (cue && (!cue.weak || (between.length <= 2 && between.every((u) => u.pos !== 'VERB' && u.pos !== 'AUX')))) {
      c = k;
      break;
    }
  }
  if (c < 0) return null;
  const cue = cueAt(tokens, c)!;
  if (cue.lemma === 'according') {
    for (let k = c + 2; k < q.openTok && k <= c + 4; k++) if (idx.atTok[k]! >= 0) return { mention: idx.atTok[k]!, cue: c };
    return null;
  }
  // Inverted before a colon: "Said Trump: …", "…, said X: “…”" — a mention right after the cue.
  const after = idx.atTok[c + 1];
  if (after !== undefined && after >= 0 && !(cue.lemma === 'tell' || TELL_LEMMAS.has(cue.lemma))) {
    const mention = after;
    let e = c + 1;
    while (e < q.openTok && idx.atTok[e] === mention) e++;
    if (e <= q.openTok && /^[:,]$/.test(tokens[e]?.text ?? '') && !precededBySubject(doc, idx, c, s.tokStart)) return { mention, cue: c };
  }
  // Passive: "was asked by host Bill Maher", "is quoted by Reuters as saying".
  const beforeCue = tokens[c - 1];
  if (beforeCue && /^(was|were|is|are|been|being)$/.test(beforeCue.lower) && tokens[c + 1]?.lower === 'by') {
    const agent = idx.atTok[c + 2];
    if (agent !== undefined && agent >= 0) return { mention: agent, cue: c };
  }
  // "…, calling X “…”", "…, saying …": a participle after a comma has the sentence's subject.
  if (beforeCue?.text === ',' && /ing$/.test(tokens[c]!.lower)) {
    for (let k2 = s.tokStart; k2 < c; k2++) {
      const id = idx.atTok[k2]!;
      if (id < 0) continue;
      const prev = tokens[k2 - 1];
      if (prev && PREPOSITIONS.has(prev.lower) && k2 > s.tokStart) {
        while (k2 < c && idx.atTok[k2] === id) k2++;
        continue;
      }
      return { mention: id, cue: c };
    }
    return null;
  }
  // Subject: scan back from the cue over adverbs, auxiliaries, time phrases and an appositive.
  let k = c - 1;
  let guard = 0;
  while (k >= s.tokStart && guard < 25) {
    guard++;
    const t = tokens[k]!;
    if (t.mark === 'close') return null;
    const id = idx.endTok[k + 1];
    if (id !== undefined && id >= 0) {
      const m = id;
      // Not the object of a preposition ("in a statement to Reuters").
      const first = tokens[idxStart(doc, idx, m, k)]!;
      const before = tokens[first.i - 1];
      if (before && PREPOSITIONS.has(before.lower) && before.lower !== 'according') {
        k = first.i - 2;
        continue;
      }
      return { mention: m, cue: c };
    }
    if (t.text === ',') {
      // ", a spokesman for the ministry," — skip back to the opening comma of an appositive.
      let b = k - 1;
      while (b >= s.tokStart && b > k - 20 && tokens[b]!.text !== ',' && tokens[b]!.mark === null) b--;
      if (b >= s.tokStart && tokens[b]!.text === ',') {
        k = b - 1;
        continue;
      }
      return null;
    }
    if (ADVERB_SKIP.has(t.lower) || t.pos === 'ADV' || t.pos === 'AUX' || DAYS.test(t.lower) || t.pos === 'PART' || (t.cap && /day$/.test(t.lower))) {
      k--;
      continue;
    }
    // A reduced relative between subject and verb: "A letter from the Legion obtained by AP warns".
    const participle = t.pos === 'VERB' && /(ed|en)$/.test(t.lower) && tokens[k + 1]?.lower === 'by';
    if (participle || t.pos === 'NUM' || t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') {
      // Part of a prepositional phrase between subject and verb ("in Iowa on Tuesday").
      k--;
      continue;
    }
    return null;
  }
  return null;
}

function endsClause(t: Token): boolean {
  return t.text === '.' || t.text === ';' || t.text === '!' || t.text === '?';
}

function cueAfterAdverbs(tokens: readonly Token[], k: number, end: number): boolean {
  while (k < end && (ADVERB_SKIP.has(tokens[k]!.lower) || tokens[k]!.pos === 'ADV')) k++;
  return !!cueAt(tokens, k);
}

function precededBySubject(doc: Doc, idx: MentionIndex, c: number, sentStart: number): boolean {
  for (let k = c - 1; k >= sentStart && k >= c - 3; k--) if (idx.atTok[k]! >= 0) return true;
  return false;
}

function idxStart(doc: Doc, idx: MentionIndex, id: number, k: number): number {
  let s = k;
  while (s > 0 && idx.atTok[s - 1] === id) s--;
  void doc;
  return s;
}

// Feature names are built from a few parts; interned so that scoring looks up the same strings.
const interned = new Map<string, Map<string | number, Map<string, string>>>();
function feat(prefix: string, part: string | number, suffix = ''): string {
  let byPart = interned.get(prefix);
  if (!byPart) interned.set(prefix, (byPart = new Map()));
  let bySuffix = byPart.get(part);
  if (!bySuffix) byPart.set(part, (bySuffix = new Map()));
  let v = bySuffix.get(suffix);
  if (v === undefined) bySuffix.set(suffix, (v = prefix + part + suffix));
  return v;
}

function bucket(n: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && n > edges[b]!) b++;
  return b;
}

export type AttributionState = {
  /** The mention chosen for the previous quotation. */
  lastMention?: Mention;
  /** Entity that spoke each quotation so far (by quote idx). */
  speakerOf: Map<number, number | null>;
  speakers: ResolveContext['speakers'];
  /** Chain id -> entity. */
  chainSpeaker: Map<number, number | null>;
};

export function newState(): AttributionState {
  return { speakerOf: new Map(), speakers: [], chainSpeaker: new Map() };
}

/** Candidates of one quotation with their features. */
export function candidates(
  doc: Doc,
  mentions: readonly Mention[],
  entities: Entities,
  idx: MentionIndex,
  q: QuoteInfo,
  state: AttributionState,
): Candidate[] {
  const { tokens } = doc;
  const post = postSubject(doc, idx, q);
  const pre = preSubject(doc, idx, q);
  let gov: number | null = null;
  if (post && (q.trailing || !pre)) gov = post.mention;
  else if (pre) gov = pre.mention;
  const ctx: ResolveContext = { mentions, entities, speakers: state.speakers, cache: new Map(), tokens: doc.tokens };
  const lastSpeaker = state.speakers[state.speakers.length - 1];
  const prevSpeaker = lastSpeaker && q.para - lastSpeaker.para <= 2 ? lastSpeaker.entity : null;
  const chainSpeaker = q.span.continued ? state.chainSpeaker.get(q.span.chain) ?? null : null;
  const sentence = doc.sentences[q.sent];
  const prevSentence = doc.sentences[q.sent - 1];
  const prevEndsColon = !!prevSentence && tokens[prevSentence.tokEnd - 1]?.text === ':' ;
  const sentHasCue = sentence ? hasCue(tokens, sentence.tokStart, sentence.tokEnd) : false;
  const paraFirstSent = doc.sentences.findIndex((s) => s.para === q.para);
  const prevParaLastSent = paraFirstSent > 0 ? paraFirstSent - 1 : -1;

  const out: Candidate[] = [];
  const inWindow = mentions.filter((m) => !m.modifier && m.kind !== 'place' && m.para >= q.para - 2 && m.para <= q.para);
  // A run of quote-only paragraphs keeps its speaker however long it runs: the mention chosen for
  // the previous quotation stays a candidate.
  if (state.lastMention && q.standalone && !inWindow.includes(state.lastMention)) inWindow.unshift(state.lastMention);
  // Distances in tokens outside the quotation.
  const sameSentence = inWindow.filter((m) => m.sent === q.sent);
  const byDistance = [...sameSentence].sort((a, b) => distance(q, a) - distance(q, b));
  for (const m of inWindow) {
    // Mentions after the quotation only in its own sentence.
    if (m.start > q.span.start && m.sent !== q.sent) continue;
    if (m.tokStart >= q.openTok && m.tokEnd <= q.closeTok) continue;
    const f: string[] = [];
    const kind = m.kind === 'pronoun' ? feat('pron_', m.head) : m.kind;
    f.push(feat('k:', kind));
    const sentDiff = q.sent - m.sent;
    const paraDiff = q.para - m.para;
    f.push(feat('para:', Math.min(paraDiff, 2)));
    f.push(feat('sent:', sentDiff < 0 ? 'next' : Math.min(sentDiff, 3)));
    const after = m.start > q.span.start;
    if (sentDiff === 0) {
      f.push(after ? 'pos:after' : 'pos:before');
      f.push(feat('dist:', bucket(distance(q, m), [1, 3, 6, 10, 20])));
      const rank = byDistance.indexOf(m);
      f.push(feat('rank:', Math.min(rank, 2)));
      f.push(feat('k:', kind, '|same'));
    }
    if (gov === m.id) f.push('gov', feat('gov|k:', kind));
    if (post?.mention === m.id) f.push('gov:post');
    if (pre?.mention === m.id) f.push('gov:pre');
    if (pre?.mention === m.id && cueAt(tokens, pre.cue)?.lemma === 'according') f.push('gov:according');
    if (gov === m.id) {
      const cue = cueAt(tokens, post?.mention === m.id ? post.cue : pre!.cue);
      f.push(!cue ? 'gov:dash' : cue.say ? 'gov:say' : 'gov:othercue');
    }
    const before = tokens[m.tokStart - 1];
    if (before && PREPOSITIONS.has(before.lower)) f.push(before.lower === 'to' && tokens[m.tokStart - 2]?.lower === 'according' ? 'prep:according' : 'prep');
    if (before && before.lower === 'by') f.push('prep:by');
    const beforeCue = before ? cueAt(tokens, before.i) : null;
    if (beforeCue && TELL_LEMMAS.has(beforeCue.lemma)) f.push('obj:tell');
    if (m.possessive) f.push('poss');
    if (cueFollows(tokens, idx, m)) f.push('cue:after');
    if (beforeCue && !TELL_LEMMAS.has(beforeCue.lemma)) f.push('cue:before');
    if (isSentenceSubject(mentions, m)) f.push('subj');
    const e = resolveMention(m, ctx);
    if (e !== null && prevSpeaker !== null && e === prevSpeaker) f.push('prevspk', feat('prevspk|para:', Math.min(paraDiff, 2)));
    if (e !== null && chainSpeaker !== null && e === chainSpeaker) f.push('chainspk');
    if (e === null && (m.kind === 'pronoun' || m.kind === 'role')) f.push('unresolved');
    if (q.standalone) {
      f.push(feat('sa|k:', kind), feat('sa|para:', Math.min(paraDiff, 2)));
      if (f.includes('prevspk')) f.push('sa|prevspk');
      if (prevEndsColon && m.sent === q.sent - 1) f.push('sa|colon');
      if (m.sent === prevParaLastSent) f.push('sa|lastsent');
      if (isSentenceSubject(mentions, m) && m.sent === prevParaLastSent) f.push('sa|lastsent|subj');
    }
    if (!sentHasCue && sentDiff === 0) f.push('nocue|same');
    if (!sentHasCue && f.includes('prevspk')) f.push('nocue|prevspk');
    if (prevEndsColon && m.sent === q.sent - 1) f.push('colon');
    if (m.sent === q.sent - 1 && sentenceCueSubject(doc, idx, mentions, m)) f.push('prevsent|cuesubj');
    if (e !== null) {
      const ent = entities.list[e]!;
      f.push(feat('sal:', bucket(ent.mentions.length, [1, 3])));
    }
    if (m.kind === 'pronoun' && (m.head === 'i' || m.head === 'we')) f.push('firstperson');
    const cueTok = post?.mention === m.id ? post.cue : pre?.mention === m.id ? pre.cue : null;
    out.push({ mention: m, entity: e, features: f, cueTok });
  }
  return out;
}

function distance(q: QuoteInfo, m: Mention): number {
  if (m.tokEnd <= q.openTok) return q.openTok - m.tokEnd;
  if (m.tokStart > q.closeTok) return m.tokStart - q.closeTok - 1;
  return 0;
}

function hasCue(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (cueAt(tokens, k)) return true;
  return false;
}

function cueFollows(tokens: readonly Token[], idx: MentionIndex, m: Mention): boolean {
  let k = m.tokEnd;
  let guard = 0;
  while (k < tokens.length && guard < 4 && (ADVERB_SKIP.has(tokens[k]!.lower) || tokens[k]!.pos === 'ADV')) {
    k++;
    guard++;
  }
  void idx;
  return !!cueAt(tokens, k);
}

function isSentenceSubject(mentions: readonly Mention[], m: Mention): boolean {
  for (let k = m.id - 1; k >= 0; k--) {
    const b = mentions[k]!;
    if (b.sent !== m.sent) break;
    if (!b.modifier && b.kind !== 'place' && !b.afterPreposition) return false;
  }
  return true;
}

/** The mention is the subject of a speech cue in its sentence ("Trump said …", "… said Trump"). */
function sentenceCueSubject(doc: Doc, idx: MentionIndex, mentions: readonly Mention[], m: Mention): boolean {
  return cueFollows(doc.tokens, idx, m) || !!cueAt(doc.tokens, m.tokStart - 1);
}

export type Weights = { bias: number; weights: Record<string, number> };

export function score(features: readonly string[], w: Weights): number {
  let s = w.bias;
  for (const f of features) s += w.weights[f] ?? 0;
  return s;
}
