// Our own gold set: tests/fixtures/extract/{train,holdout}/*.txt with a gold file beside each
// article (NAME.gold.json: { quotes: [...], non_quotes: [...], ignore: [...] }).
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../types';
import type { GoldArticle, GoldQuote } from './corpus';

export const FIXTURES_DIR = path.resolve(process.cwd(), 'tests/fixtures/extract');

/**
 * Reads a plain-text fixture: an optional `date YYYY-MM-DD Title - Publisher` first line and an
 * optional dateline line ("Kyiv • UNN"), then the body — the seed format.
 */
export function fixtureArticle(raw: string): Article {
  let rest = raw.replace(/\r\n?/g, '\n');
  let title: string | null = null;
  let publisher: string | null = null;
  let publishedAt: string | null = null;
  let dateline: string | null = null;
  const header = /^\s*date (\d{4}-\d{2}-\d{2}) (.*?)(?: - ([^-\n]+))?\n/.exec(rest);
  if (header) {
    publishedAt = header[1]!;
    title = header[2]!.trim();
    publisher = header[3]?.trim() ?? null;
    rest = rest.slice(header[0].length);
  }
  const dl = /^([^\n]{1,40} • [^\n]{1,40})\n/.exec(rest);
  if (dl) {
    dateline = dl[1]!;
    rest = rest.slice(dl[0].length);
  }
  return { title, publisher, url: null, publishedAt, language: 'en', dateline, body: rest, junk: [] };
}

export function loadFixtures(split: 'train' | 'holdout', dir = FIXTURES_DIR): GoldArticle[] {
  const base = path.join(dir, split);
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(fs.readFileSync(path.join(base, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as {
        quotes: GoldQuote[];
        non_quotes?: string[];
        ignore?: string[];
        junk?: string[];
      };
      const article = fixtureArticle(fs.readFileSync(path.join(base, f), 'utf8'));
      // Junk is given as text; its spans are found in the body.
      article.junk = (gold.junk ?? []).map((j) => {
        const start = article.body.indexOf(j);
        return { start, end: start + j.length };
      }).filter((s) => s.start >= 0);
      return { file: `${split}/${f}`, article, quotes: gold.quotes, non_quotes: gold.non_quotes ?? [], ignore: gold.ignore ?? [] };
    });
}
