// A saved web page: the article text through Mozilla's Readability (on linkedom's DOM), and the
// title, publisher, date, URL and language from the page's metadata (Open Graph, JSON-LD
// NewsArticle, meta tags, <html lang>).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleFields, FormatResult } from './format';
import { canonicalUrl, isoDateOf, languageTag, oneLine } from './metadata';

/** Fewer words than this is a page without an article (an index, a cookie wall, an error page). */
export const MIN_ARTICLE_WORDS = 20;

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;
const HTML_EXTENSION = /\.x?html?$/i;
const TAGS = /<\/?(?:p|div|body|article|head|span|a|br|h[1-6])[\s>/]/i;

export function looksLikeHtml(fileName: string, text: string): boolean {
  if (HTML_START.test(text)) return true;
  return HTML_EXTENSION.test(fileName) && text.trimStart().startsWith('<') && TAGS.test(text);
}

// DOM shapes used here, kept structural so that linkedom's and the standard types both fit.
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };
type DomElement = DomNode & { getAttribute(name: string): string | null; hasAttribute(name: string): boolean };
type DomDocument = {
  documentElement: DomElement | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
};

const ELEMENT = 1;
const TEXT = 3;
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'form', 'iframe', 'object', 'select', 'textarea']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const HEADINGS = /^h[1-6]$/;

/** The article's text: one paragraph per block element, separated by a blank line. */
function blocksOf(root: DomNode): { text: string; heading: boolean }[] {
  const blocks: { text: string; heading: boolean }[] = [];
  let lines: string[] = [''];
  let heading = false;
  const flush = () => {
    const text = lines
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) blocks.push({ text, heading });
    lines = [''];
    heading = false;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT) {
      lines[lines.length - 1] += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const element = node as DomElement;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    heading ||= HEADINGS.test(tag);
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

type JsonLd = Record<string, unknown>;

function jsonLdObjects(document: DomDocument): JsonLd[] {
  const found: JsonLd[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    found.push(value as JsonLd);
    visit((value as JsonLd)['@graph'], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other metadata still counts.
    }
  }
  return found;
}

const ARTICLE_TYPES = /^(?:\w*NewsArticle|Article|ReportageNews|Report|BlogPosting|LiveBlogPosting)$/;

function isArticle(object: JsonLd): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

const str = (value: unknown): string | null => (typeof value === 'string' ? oneLine(value) : null);

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as JsonLd).name);
  return str(value);
}

function urlOf(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) return str((value as JsonLd)['@id']) ?? str((value as JsonLd).url);
  return str(value);
}

function metaMap(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = meta.getAttribute('content');
    if (key && content?.trim() && !map.has(key)) map.set(key, content.trim());
  }
  return map;
}

const DATE_META = ['article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time'];

function metadataOf(document: DomDocument): ArticleFields {
  const meta = metaMap(document);
  const article = jsonLdObjects(document).find(isArticle) ?? {};
  const first = <T>(...values: (T | null | undefined)[]): T | null => values.find((v) => v !== null && v !== undefined) ?? null;

  const urlCandidates = [document.querySelector('link[rel="canonical"]')?.getAttribute('href'), meta.get('og:url'), urlOf(article.url), urlOf(article.mainEntityOfPage)];
  const dateCandidates = [str(article.datePublished), ...DATE_META.map((k) => meta.get(k)), document.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime')];
  const languageCandidates = [document.documentElement?.getAttribute('lang'), meta.get('content-language'), meta.get('og:locale'), str(article.inLanguage)];

  return {
    title: first(oneLine(meta.get('og:title')), str(article.headline), oneLine(meta.get('twitter:title')), oneLine(document.title)),
    publisher: first(oneLine(meta.get('og:site_name')), nameOf(article.publisher), oneLine(meta.get('application-name'))),
    url: first(...urlCandidates.map((u) => (u ? canonicalUrl(u) : null))),
    publishedAt: first(...dateCandidates.map((d) => (d ? isoDateOf(d) : null))),
    language: first(...languageCandidates.map((l) => (l ? languageTag(l) : null))),
    dateline: null,
  };
}

const NO_ARTICLE = 'no article text found in the HTML page';

export function readHtml(html: string): FormatResult {
  let document: DomDocument;
  try {
    // A fragment ("<p>…</p>") needs a document around it for Readability.
    const page = /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
    document = parseHTML(page).document as unknown as DomDocument;
  } catch {
    return { ok: false, problem: 'the HTML page cannot be parsed' };
  }
  if (!document.documentElement) return { ok: false, problem: NO_ARTICLE };
  // Metadata first: Readability rewrites the document it reads.
  const fields = metadataOf(document);

  let content: DomNode | null | undefined;
  try {
    const parsed = new Readability<DomNode>(document as unknown as Document, { serializer: (node) => node as unknown as DomNode }).parse();
    content = parsed?.content;
    fields.title ??= oneLine(parsed?.title);
    fields.publisher ??= oneLine(parsed?.siteName);
    fields.language ??= parsed?.lang ? languageTag(parsed.lang) : null;
  } catch {
    return { ok: false, problem: NO_ARTICLE };
  }
  if (!content) return { ok: false, problem: NO_ARTICLE };

  const blocks = blocksOf(content);
  // The headline is metadata (the title), not the first paragraph of the body.
  const firstBlock = blocks[0];
  if (firstBlock?.heading && fields.title && oneLine(firstBlock.text)?.toLowerCase() === fields.title.toLowerCase()) blocks.shift();
  const body = blocks.map((b) => b.text).join('\n\n');
  const words = body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_ARTICLE_WORDS) return { ok: false, problem: NO_ARTICLE };
  return { ok: true, fields, body };
}
