// Finds the text between quote marks, paragraph by paragraph. Handles straight, curly, single
// (British), guillemet and low-9 („…“) marks, nesting, apostrophes, multi-paragraph quotes whose
// paragraphs reopen without closing, and unbalanced marks: an open mark runs at most to the end of
// its paragraph (or, when the next line visibly closes it, to that closing mark).
import { isSpaceCode, type Paragraph } from './paragraphs';

export type MarkFamily = 'double' | 'single' | 'guillemet';

export type MarkedSpan = {
  /** Content inside the marks, whitespace trimmed: [start, end). */
  start: number;
  end: number;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or null when the quote runs to the end of its paragraph. */
  close: number | null;
  family: MarkFamily;
  /** Index of the paragraph where the quote opens. */
  paragraph: number;
  /** Quotes continued across paragraphs share a chain id (the index of their first span). */
  chain: number;
  /** True when this span continues the previous paragraph's unclosed quote. */
  continued: boolean;
};

type Opener = { pos: number; ch: string; family: MarkFamily; weak: number[] };

const OPEN_PUNCT = new Set(['(', '[', '{', '<', '—', '–', '-', '/', '…', ':', '\u2015']);
const CLOSE_PUNCT = new Set([')', ']', '}', '>', '.', ',', ';', ':', '!', '?', '—', '–', '-', '/', '…', '\u2015']);
const QUOTE_CHARS = new Set(['"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', "'", '‚', '‟', '❝', '❞', '＂']);

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export type ScanOptions = {
  /** Whether single marks (‘…’, '…') delimit quotations at the top level (British style). */
  singles: boolean;
};

/**
 * Scans the body and returns top-level quotations (nested quotes stay inside their outer quote).
 */
const QUOTE_PATTERN = /["“”„«»‹›‘’'‚‟❝❞＂]/g;

/** Positions of every quote-mark character in the body. */
export function markPositions(body: string): number[] {
  const out: number[] = [];
  for (const m of body.matchAll(QUOTE_PATTERN)) out.push(m.index);
  return out;
}

export function scanQuotes(body: string, paragraphs: readonly Paragraph[], options: ScanOptions, positions: readonly number[] = markPositions(body)): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let cursor = 0;
  // Closing marks consumed by a quote that ran over a line break: skipped when their line is scanned.
  let resumeAt = -1;
  let pendingChain: { chain: number; family: MarkFamily; paragraph: number } | null = null;

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const stack: Opener[] = [];
    const from = Math.max(p.start, resumeAt);
    while (cursor < positions.length && positions[cursor]! < from) cursor++;
    for (; cursor < positions.length && positions[cursor]! < p.end; cursor++) {
      let i = positions[cursor]!;
      const ch = body[i]!;
      // Two straight apostrophes ('' as in some newspaper archives) delimit like a double mark, so that
      // single marks inside them nest, but they are not a style we report quotations from.
      const doubled = ch === "'" && body[i + 1] === "'";
      const prev = i > p.start ? body[i - 1] : undefined;
      const next = i + (doubled ? 2 : 1) < p.end ? body[i + (doubled ? 2 : 1)] : undefined;
      const leftB = prev === undefined || isSpaceCode(prev.charCodeAt(0)) || OPEN_PUNCT.has(prev) || QUOTE_CHARS.has(prev);
      const rightB = next === undefined || isSpaceCode(next.charCodeAt(0)) || CLOSE_PUNCT.has(next) || QUOTE_CHARS.has(next);
      const atStart = i === p.start;
      const role = classify(doubled ? "''" : ch, prev, next, leftB, rightB, stack, options);
      if (doubled) {
        i++;
        cursor++;
      }
      if (role === null) continue;
      if (role.kind === 'close') {
        const k = role.index;
        const opener = stack[k]!;
        if (k === 0) pushSpan(spans, body, opener, i, p, pendingChain, pi);
        stack.length = k;
        if (k === 0) pendingChain = null;
        continue;
      }
      if (role.kind === 'reopen') {
        // The open quote lacked its closer: it ends where the next one opens.
        if (role.index === 0) {
          pushSpan(spans, body, stack[0]!, i, p, pendingChain, pi, true);
          pendingChain = null;
        }
        stack.length = role.index;
        stack.push({ pos: doubled ? i - 1 : i, ch: doubled ? "''" : ch, family: doubled ? "double" : familyOf(ch), weak: [] });
        continue;
      }
      if (role.kind === 'weak') {
        stack[role.index]!.weak.push(i);
        continue;
      }
      // open
      const family = doubled ? 'double' : familyOf(ch);
      const openCh = doubled ? "''" : ch;
      const openPos = doubled ? i - 1 : i;
      if (family === 'single') {
        // A new single opener at the same level settles an earlier single quote that only had weak closers.
        const top = stack[stack.length - 1];
        if (top && top.family === 'single' && top.weak.length > 0) {
          const closeAt = top.weak[top.weak.length - 1]!;
          if (stack.length === 1) pushSpan(spans, body, top, closeAt, p, pendingChain, pi);
          stack.pop();
        }
      }
      if (stack.length === 0 && atStart && pendingChain && pendingChain.family === family && pendingChain.paragraph === pi - 1) {
        stack.push({ pos: openPos, ch: openCh, family, weak: [] });
        (stack[0] as Opener & { chained?: boolean }).chained = true;
        continue;
      }
      stack.push({ pos: openPos, ch: openCh, family, weak: [] });
    }
    resumeAt = -1;
    // Settle what is still open at the end of the paragraph.
    const top = stack[0];
    if (top) {
      if (top.family === 'single' && top.weak.length > 0 && stack.length === 1) {
        pushSpan(spans, body, top, top.weak[top.weak.length - 1]!, p, pendingChain, pi);
        pendingChain = null;
        continue;
      }
      // A quote broken by a single line break that closes on the next line is one quote.
      const nextP = paragraphs[pi + 1];
      if (nextP && singleLineBreakBetween(body, p.end, nextP.start)) {
        const closeAt = firstMarkClosing(body, nextP, top, options);
        if (closeAt !== null) {
          pushSpan(spans, body, top, closeAt, p, pendingChain, pi);
          pendingChain = null;
          resumeAt = closeAt + 1;
          continue;
        }
      }
      const span = pushSpan(spans, body, top, null, p, pendingChain, pi);
      pendingChain = span ? { chain: span.chain, family: top.family, paragraph: pi } : null;
    } else {
      pendingChain = null;
    }
  }
  return spans;
}

function pushSpan(
  spans: MarkedSpan[],
  body: string,
  opener: Opener,
  closeAt: number | null,
  p: Paragraph,
  pendingChain: { chain: number; family: MarkFamily; paragraph: number } | null,
  pi: number,
  unclosed = false,
): MarkedSpan | null {
  if (opener.ch === "''") return null;
  let start = opener.pos + 1;
  let end = closeAt ?? p.end;
  while (start < end && isSpaceCode(body.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(body.charCodeAt(end - 1))) end--;
  if (end <= start) return null;
  // Never split a surrogate pair (a lone surrogate in the input stays as it is).
  if (isLowSurrogate(body.charCodeAt(start)) && isHighSurrogate(body.charCodeAt(start - 1))) start--;
  if (isHighSurrogate(body.charCodeAt(end - 1)) && isLowSurrogate(body.charCodeAt(end))) end++;
  const chained = (opener as Opener & { chained?: boolean }).chained === true && pendingChain !== null;
  const span: MarkedSpan = {
    start,
    end,
    open: opener.pos,
    close: unclosed ? null : closeAt,
    family: opener.family,
    paragraph: pi,
    chain: chained ? pendingChain!.chain : spans.length,
    continued: chained,
  };
  spans.push(span);
  return span;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function singleLineBreakBetween(body: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) breaks++;
    else if (!isSpaceCode(c)) return false;
  }
  return breaks === 1;
}

/** The first quote mark of the next line, if it closes `opener` (and opens nothing). */
function firstMarkClosing(body: string, p: Paragraph, opener: Opener, options: ScanOptions): number | null {
  for (let i = p.start; i < p.end; i++) {
    const ch = body[i]!;
    if (!QUOTE_CHARS.has(ch)) continue;
    const prev = i > p.start ? body[i - 1] : undefined;
    const next = i + 1 < p.end ? body[i + 1] : undefined;
    const leftB = prev === undefined || isSpaceCode(prev.charCodeAt(0)) || OPEN_PUNCT.has(prev);
    const rightB = next === undefined || isSpaceCode(next.charCodeAt(0)) || CLOSE_PUNCT.has(next) || QUOTE_CHARS.has(next);
    if (familyOf(ch) === 'single' && (!options.singles || (isLetterOrDigit(prev) && isLetterOrDigit(next)))) continue;
    const role = classify(ch, prev, next, leftB, rightB, [opener], options);
    if (role && role.kind === 'close' && !leftB) return i;
    return null;
  }
  return null;
}

export function familyOf(ch: string): MarkFamily {
  switch (ch) {
    case '‘':
    case '’':
    case "'":
    case '‚':
      return 'single';
    case '«':
    case '»':
    case '‹':
    case '›':
      return 'guillemet';
    default:
      return 'double';
  }
}

type Role = { kind: 'open' } | { kind: 'close'; index: number } | { kind: 'reopen'; index: number } | { kind: 'weak'; index: number } | null;

const DOUBLE_CLOSES: Record<string, readonly string[]> = {
  "''": ["''"],
  '"': ['"', '＂', '“', '„'],
  '＂': ['"', '＂', '“', '„'],
  '”': ['“', '„', '”', '"', '‟', '❝'],
  '“': ['„'],
  '❞': ['❝', '“'],
};

function findOpener(stack: readonly Opener[], accept: readonly string[], stopAtFamily?: MarkFamily): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k]!;
    if (accept.includes(o.ch)) return k;
    if (stopAtFamily && o.family !== stopAtFamily) return -1;
  }
  return -1;
}

function classify(
  ch: string,
  prev: string | undefined,
  next: string | undefined,
  leftB: boolean,
  rightB: boolean,
  stack: readonly Opener[],
  options: ScanOptions,
): Role {
  switch (ch) {
    case "''":
    case '"':
    case '＂': {
      const k = findOpener(stack, DOUBLE_CLOSES[ch]!);
      const canOpen = leftB && !rightB;
      const canClose = rightB && !leftB;
      if (k >= 0 && (canClose || !canOpen)) return { kind: 'close', index: k };
      // An opener-looking mark while one is open: the open one lacked its closer.
      if (k >= 0 && k === stack.length - 1) return { kind: 'reopen', index: k };
      return { kind: 'open' };
    }
    case '“': {
      const low = findOpener(stack, ['„']);
      if (low >= 0) return { kind: 'close', index: low };
      // A “…“ pair (a common typo): the second closes when it sits where a closer would.
      const k = findOpener(stack, ['“']);
      if (k >= 0 && rightB && !leftB) return { kind: 'close', index: k };
      if (k >= 0 && k === stack.length - 1 && leftB) return { kind: 'reopen', index: k };
      return { kind: 'open' };
    }
    case '‟':
    case '❝':
    case '„':
      return { kind: 'open' };
    case '”':
    case '❞': {
      const k = findOpener(stack, DOUBLE_CLOSES[ch]!);
      if (k >= 0) return { kind: 'close', index: k };
      if (leftB && !rightB) return { kind: 'open' }; // ”…” (Swedish/Finnish style)
      return null;
    }
    case '«':
    case '‹': {
      const mirror = ch === '«' ? '»' : '›';
      const k = findOpener(stack, [mirror]);
      if (k >= 0) return { kind: 'close', index: k };
      return { kind: 'open' };
    }
    case '»':
    case '›': {
      const mirror = ch === '»' ? '«' : '‹';
      const k = findOpener(stack, [mirror]);
      if (k >= 0) return { kind: 'close', index: k };
      if (leftB && !rightB) return { kind: 'open' }; // »…« (German style)
      return null;
    }
    case '‚':
      if (!options.singles && !stack.some((o) => o.family !== 'single')) return null;
      return { kind: 'open' };
    case '‘':
    case '’':
    case "'": {
      // Apostrophes: it’s, don't, O'Brien; and elisions before digits: ’90s.
      if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null;
      if (leftB && isDigit(next)) return null;
      const nested = stack.length > 0;
      if (!options.singles && !nested) return null;
      const top = stack[stack.length - 1];
      const topSingle = top && top.family === 'single' ? stack.length - 1 : -1;
      if (ch === '‘') {
        if (topSingle >= 0 && stack[topSingle]!.ch === '‚') return { kind: 'close', index: topSingle };
        if (topSingle >= 0 && rightB && !leftB) return { kind: 'close', index: topSingle };
        return { kind: 'open' };
      }
      // ’ or '
      if (!leftB) {
        if (topSingle < 0) return null; // a stray closer or a possessive apostrophe: Lords’ decision
        // "Lords’ decision": an s before and a word after is more likely a possessive than a closer.
        if ((prev === 's' || prev === 'S' || prev === 'z') && next !== undefined && isSpaceCode(next.charCodeAt(0))) {
          return { kind: 'weak', index: topSingle };
        }
        if (rightB) return { kind: 'close', index: topSingle };
        return null;
      }
      // Left boundary: an opener when a word follows.
      if (ch === "'" && next !== undefined && !rightB) return { kind: 'open' };
      return null;
    }
    default:
      return null;
  }
}

/** Decides whether single marks delimit quotations in this text (British style) or only nest. */
export function prefersSingles(body: string, paragraphs: readonly Paragraph[], positions: readonly number[] = markPositions(body)): boolean {
  if (!positions.some((i) => body[i] === '‘' || body[i] === "'" || body[i] === '’')) return false;
  const all = scanQuotes(body, paragraphs, { singles: true }, positions);
  // Subheads and headlines ('A really tough decision.' alone on its line) say nothing about the style of quoting.
  const wholeLine = (s: MarkedSpan) => {
    const p = paragraphs[s.paragraph]!;
    return s.open === p.start && s.close !== null && s.close >= p.end - 2;
  };
  const singlesFound = all.filter(
    (s) => s.family === 'single' && s.close !== null && !wholeLine(s) && (s.paragraph > 0 || paragraphs.length === 1) && wordCount(body.slice(s.start, s.end)) >= 3,
  ).length;
  if (singlesFound === 0) return false;
  const doubles = scanQuotes(body, paragraphs, { singles: false }, positions).length;
  // One single-quoted statement is enough where there is no double-quoted one.
  return doubles === 0 || (singlesFound >= 2 && singlesFound > doubles);
}

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
