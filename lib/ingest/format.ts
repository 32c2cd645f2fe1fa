// What each input format reader returns: the article's metadata and its body text, before the
// body is normalised and searched for junk (which read.ts does once, for every format).
import type { Article } from '@/lib/extract/types';

export type ArticleFields = Omit<Article, 'body' | 'junk'>;

export type FormatResult = { ok: true; fields: ArticleFields; body: string } | { ok: false; problem: string };

export const INPUT_FORMATS = ['text', 'front-matter', 'html'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
