// Our own gold set: tests/fixtures/extract/{train,holdout}/*.txt with a gold file beside each
// article (NAME.gold.json: { quotes: [...], non_quotes: [...], ignore: [...], junk: [...] }); the
// articles are read as `npm run ingest` reads them (junk included).
import fs from 'node:fs';
import path from 'node:path';
import { readGoldArticle, type GoldArticle, type GoldQuote } from './corpus';

export const FIXTURES_DIR = path.resolve(process.cwd(), 'tests/fixtures/extract');

export function loadFixtures(split: 'train' | 'holdout' | 'holdout2' | 'holdout3', dir = FIXTURES_DIR): GoldArticle[] {
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
      const article = readGoldArticle(path.join(base, f));
      return { file: `${split}/${f}`, article, quotes: gold.quotes, non_quotes: gold.non_quotes ?? [], ignore: gold.ignore ?? [] };
    });
}
