// Writes one news-like article and knows, for every quote it places in the body, the exact
// offsets of the quoted words, the speech cue and the speaker mention (JS string indices).
import type { QuoteKind } from '@/lib/domain/vocabulary';
import { Prng, Zipf } from './prng';
import { render } from './template';
import {
  CONNECTORS,
  DIRECT_OPENERS,
  FILLER,
  MODIFIERS,
  MONTHS,
  OBJECTS,
  REPORTED_OPENERS,
  SECOND_SENTENCES,
  SUBJECTS,
  TITLE_TEMPLATES,
  TITLE_VERBS,
  VERBS,
  WEEKDAYS,
  cap,
  placeNames,
} from './vocab';

export type Polarity = -1 | 0 | 1;

/** The long tail of the vocabulary: invented places drawn by Zipf rank. */
export class Places {
  private readonly names = placeNames(2000);
  private readonly zipf = new Zipf(this.names.length, 1);
  sample(rng: Prng): string {
    return this.names[this.zipf.sample(rng)]!;
  }
}

export type TextContext = {
  rng: Prng;
  places: Places;
  /** The article topic, as a noun phrase. */
  phrase: string;
  /** The speaker's country or organisation in a sentence ("Hungary", "the alliance"). */
  side: string;
};

function fill(template: string, ctx: TextContext): string {
  return render(template, (key) => {
    switch (key) {
      case 'o':
        return ctx.phrase;
      case 'c':
        return ctx.side;
      case 'p':
        return ctx.places.sample(ctx.rng);
      case 'y':
        return String(ctx.rng.range(2014, 2025));
      default:
        throw new Error(`unknown placeholder {${key}}`);
    }
  });
}

function clause(ctx: TextContext): string {
  const { rng } = ctx;
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${fill(rng.pick(MODIFIERS), ctx)}`;
}

/** The words a speaker is quoted as saying, without closing punctuation. */
export function quoteText(kind: QuoteKind, polarity: Polarity, ctx: TextContext): string {
  const { rng } = ctx;
  if (kind === 'direct') {
    let text = cap(fill(rng.pick(DIRECT_OPENERS[polarity]), ctx));
    if (rng.chance(0.9)) text += `, ${rng.pick(CONNECTORS)} ${clause(ctx)}`;
    if (rng.chance(0.3)) text += `. ${fill(rng.pick(SECOND_SENTENCES), ctx)}`;
    return text;
  }
  let text = fill(rng.pick(REPORTED_OPENERS[polarity]), ctx);
  if (rng.chance(0.85)) text += `, ${rng.pick(CONNECTORS)} ${clause(ctx)}`;
  return text;
}

export type PlacedQuote = { start: number; end: number; cueStart: number; cueEnd: number; speakerStart: number; speakerEnd: number; label: string };

export type ArticleSetup = {
  rng: Prng;
  places: Places;
  phrase: string;
  title: string;
  dateline: string;
  lead: string;
  publisher: string;
  city: string;
  city2: string;
  /** The subject country in a sentence, and its NATO accession year if it is an ally. */
  country: string;
  accession: number | null;
  curlyQuotes: boolean;
  targetLength: number;
  maxLength: number;
};

/** Builds the body sentence by sentence; `length` is always the body's length so far. */
export class ArticleBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private inParagraph = 0;
  private fillerOrder: string[] = [];
  private paragraphSize: number;

  constructor(private readonly a: ArticleSetup) {
    this.append(a.title);
    this.append('\n' + a.dateline);
    this.append('\n' + a.lead);
    this.paragraphSize = a.rng.range(1, 3);
    this.inParagraph = this.paragraphSize;
  }

  private append(text: string): number {
    const at = this.length;
    this.parts.push(text);
    this.length += text.length;
    return at;
  }

  /** Where the next sentence will start, after its paragraph or word break. */
  private separator(): string {
    if (this.inParagraph >= this.paragraphSize) {
      this.inParagraph = 0;
      this.paragraphSize = this.a.rng.range(1, 3);
      return '\n';
    }
    return ' ';
  }

  /**
   * Places a quote in a sentence of its kind. `label` is the speaker as written, lower-case
   * where the language allows; it is capitalised when it opens the sentence. Returns null when
   * the sentence would not fit in the article.
   */
  addQuote(kind: QuoteKind, text: string, label: string): PlacedQuote | null {
    const { rng } = this.a;
    const [open, close] = this.a.curlyQuotes ? ['\u201c', '\u201d'] : ['"', '"'];
    const Label = cap(label);
    // Each form: the sentence as pieces, and which pieces are the quote, the cue and the speaker.
    let pieces: string[];
    let quoteAt: number;
    let cueAt: number;
    let speakerAt: number;
    if (kind === 'direct') {
      switch (rng.int(4)) {
        case 0:
          pieces = [open, text, `,${close} `, label, ' ', 'said', '.'];
          [quoteAt, speakerAt, cueAt] = [1, 3, 5];
          break;
        case 1:
          pieces = [Label, ' ', rng.pick(['said', 'added', 'wrote']), `: ${open}`, text, `.${close}`];
          [speakerAt, cueAt, quoteAt] = [0, 2, 4];
          break;
        case 2:
          pieces = [open, text, `,${close} `, label, ' ', 'told', ` reporters in ${this.a.city}.`];
          [quoteAt, speakerAt, cueAt] = [1, 3, 5];
          break;
        default:
          pieces = [open, text, `,${close} `, 'said', ' ', label, '.'];
          [quoteAt, cueAt, speakerAt] = [1, 3, 5];
      }
    } else {
      switch (rng.int(4)) {
        case 0:
          pieces = [Label, ' ', 'said', ' that ', text, '.'];
          [speakerAt, cueAt, quoteAt] = [0, 2, 4];
          break;
        case 1:
          pieces = ['', 'According to', ' ', label, ', ', text, '.'];
          [cueAt, speakerAt, quoteAt] = [1, 3, 5];
          break;
        case 2:
          pieces = [Label, ' ', 'told', ` ${this.a.publisher} that `, text, '.'];
          [speakerAt, cueAt, quoteAt] = [0, 2, 4];
          break;
        default:
          pieces = [Label, ' ', rng.pick(['warned', 'argued', 'insisted']), ' that ', text, '.'];
          [speakerAt, cueAt, quoteAt] = [0, 2, 4];
      }
    }
    const sentenceLength = pieces.reduce((n, p) => n + p.length, 0);
    if (this.length + 1 + sentenceLength > this.a.maxLength) return null;
    this.append(this.separator());
    this.inParagraph++;
    const offsets: number[] = [];
    for (const piece of pieces) offsets.push(this.append(piece));
    const span = (i: number) => [offsets[i]!, offsets[i]! + pieces[i]!.length] as const;
    const [start, end] = span(quoteAt);
    const [cueStart, cueEnd] = span(cueAt);
    const [speakerStart, speakerEnd] = span(speakerAt);
    return { start, end, cueStart, cueEnd, speakerStart, speakerEnd, label: pieces[speakerAt]! };
  }

  addFiller(): boolean {
    const sentence = this.fillerSentence();
    if (this.length + 1 + sentence.length > this.a.maxLength) return false;
    this.append(this.separator());
    this.inParagraph++;
    this.append(sentence);
    return true;
  }

  /** Narrative up to the target length, then the text. */
  finish(): string {
    for (let tries = 0; this.length < this.a.targetLength && tries < 200; tries++) this.addFiller();
    return this.parts.join('');
  }

  private fillerSentence(): string {
    const { rng, places } = this.a;
    for (;;) {
      // Each narrative sentence once per article, in random order, until all have been used.
      if (this.fillerOrder.length === 0) this.fillerOrder = shuffled(rng, FILLER);
      const template = this.fillerOrder.pop()!;
      if (template.includes('{acc}') && this.a.accession === null) continue;
      return render(template, (key) => {
        switch (key) {
          case 'city':
            return this.a.city;
          case 'city2':
            return this.a.city2;
          case 'o':
            return this.a.phrase;
          case 'n':
            return String(rng.range(2, 90) * (rng.chance(0.3) ? 100 : 1));
          case 'troops':
            return String(rng.range(5, 90) * 100);
          case 'm':
            return String(rng.range(1, 40));
          case 'pct':
            return String(rng.range(2, 30));
          case 'pub':
            return this.a.publisher;
          case 'month':
            return rng.pick(MONTHS);
          case 'weekday':
            return rng.pick(WEEKDAYS);
          case 'p':
          case 'p2':
            return places.sample(rng);
          case 'y':
            return String(rng.range(2014, 2025));
          case 'C':
            return cap(this.a.country);
          case 'acc':
            return String(this.a.accession);
          default:
            throw new Error(`unknown placeholder {${key}}`);
        }
      });
    }
  }
}

function shuffled<T>(rng: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function articleTitle(rng: Prng, places: Places, phrase: string, country: string, country2: string, city: string, polarity: Polarity): string {
  return cap(
    render(rng.pick(TITLE_TEMPLATES), (key) => {
      switch (key) {
        case 'c':
          return country;
        case 'c2':
          return country2;
        case 'verb':
          return rng.pick(TITLE_VERBS[polarity]);
        case 'o':
          return phrase;
        case 'city':
          return city;
        case 'p':
          return places.sample(rng);
        default:
          throw new Error(`unknown placeholder {${key}}`);
      }
    }),
  );
}

export function articleLead(ctx: TextContext, country: string): string {
  const { rng } = ctx;
  return `${cap(country)} ${rng.pick(['is under pressure over', 'has reopened the debate on', 'is divided over', 'faces questions on'])} ${ctx.phrase} as ${clause(ctx)}.`;
}
