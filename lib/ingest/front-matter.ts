// Text or Markdown with YAML front matter (title, publisher, url, published, language), read with
// gray-matter. Markdown is stored as written: offsets point into the text the analyst saved.
import matter from 'gray-matter';
import type { ArticleFields, FormatResult } from './format';
import { canonicalUrl, isoDateOf, languageTag, oneLine } from './metadata';

const OPENING = /^---[ \t]*([^\s]*)[ \t]*\n/;
const CLOSING = /^---[ \t]*$/m;

/** True when the (normalised) text starts with a front matter block. */
export function hasFrontMatter(text: string): boolean {
  return OPENING.test(text);
}

// gray-matter evaluates `---js` front matter as JavaScript: never for files from outside.
const refuse = () => {
  throw new Error('only YAML front matter is read');
};
const OPTIONS = { engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse } };

type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

function textField(data: Record<string, unknown>, key: string): Check<string | null> {
  const value = data[key];
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'string' || typeof value === 'number') return { ok: true, value: oneLine(String(value)) };
  return { ok: false, problem: `front matter field "${key}" must be text` };
}

/** The date as written in the YAML, since the YAML parser turns `2025-04-02` into a UTC instant. */
function writtenDate(block: string, key: string): string | null {
  const match = new RegExp(`^${key}\\s*:\\s*["']?([^"'\\n]+)`, 'm').exec(block);
  return match ? isoDateOf(match[1]!) : null;
}

function dateField(data: Record<string, unknown>, block: string): Check<string | null> {
  // `date` is what static site generators call it.
  const key = data.published !== undefined ? 'published' : data.date !== undefined ? 'date' : null;
  if (key === null || data[key] === null) return { ok: true, value: null };
  const value = data[key];
  const date = writtenDate(block, key) ?? (typeof value === 'string' ? isoDateOf(value) : null);
  if (date === null || (!(value instanceof Date) && typeof value !== 'string')) {
    return { ok: false, problem: `front matter field "${key}" must be a date written YYYY-MM-DD` };
  }
  return { ok: true, value: date };
}

export function readFrontMatter(text: string): FormatResult {
  const language = OPENING.exec(text)?.[1] ?? '';
  if (language && !/^ya?ml$/i.test(language)) return { ok: false, problem: `front matter in "${language}" is not read; only YAML is` };
  const afterOpening = text.slice(text.indexOf('\n') + 1);
  if (!CLOSING.test(afterOpening)) return { ok: false, problem: 'broken front matter: no "---" line closes it' };

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, OPTIONS);
  } catch (error) {
    // js-yaml's message starts with the reason and the line; the rest is a code excerpt.
    const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/:$/, '') : String(error);
    return { ok: false, problem: `broken front matter: ${reason}` };
  }
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problem: 'broken front matter: it must be a list of "key: value" fields' };
  }
  const fields = data as Record<string, unknown>;

  const title = textField(fields, 'title');
  const publisher = textField(fields, 'publisher');
  const url = textField(fields, 'url');
  const lang = textField(fields, 'language');
  const published = dateField(fields, parsed.matter);
  for (const check of [title, publisher, url, lang, published]) if (!check.ok) return check;

  const result: ArticleFields = {
    title: title.ok ? title.value : null,
    publisher: publisher.ok ? publisher.value : null,
    url: null,
    publishedAt: published.ok ? published.value : null,
    language: null,
    dateline: null,
  };
  if (url.ok && url.value !== null) {
    result.url = canonicalUrl(url.value);
    if (result.url === null) return { ok: false, problem: `front matter field "url" must be an http(s) URL, got "${url.value}"` };
  }
  if (lang.ok && lang.value !== null) {
    result.language = languageTag(lang.value);
    if (result.language === null) return { ok: false, problem: `front matter field "language" must be a language tag like "en" or "en-GB", got "${lang.value}"` };
  }
  if (!parsed.content.trim()) return { ok: false, problem: 'no article text after the front matter' };
  return { ok: true, fields: result, body: parsed.content };
}
