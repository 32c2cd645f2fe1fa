// Loading labelled articles for training and evaluation: PolNeAR (outside the repository, read at
// training/evaluation time only) and our own gold set under tests/fixtures/extract.
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../types';
import { readArticle } from '../../ingest/read';

export type GoldQuote = {
  text: string;
  speaker: string | null;
  /** person | anonymous | organisation | state | unscored */
  speaker_kind: string;
  country?: string | null;
  organisation?: string | null;
  kind?: 'direct' | 'reported';
};

export type GoldArticle = {
  file: string;
  article: Article;
  quotes: GoldQuote[];
  non_quotes: string[];
  ignore: string[];
};

export const POLNEAR_DIR = process.env.POLNEAR_DIR ?? path.resolve(process.cwd(), '../shared/polnear');

/** An article read exactly as `npm run ingest` reads the file. */
export function readGoldArticle(file: string): Article {
  const read = readArticle(path.basename(file), fs.readFileSync(file));
  if (!read.ok) throw new Error(`${file}: ${read.problem}`);
  return read.article;
}

export function loadPolnear(split: 'train' | 'dev', dir = POLNEAR_DIR): GoldArticle[] {
  const base = path.join(dir, split);
  const gold = JSON.parse(fs.readFileSync(path.join(base, 'gold.json'), 'utf8')) as {
    file: string;
    quotes: GoldQuote[];
    non_quotes: string[];
    ignore?: string[];
  }[];
  return gold.map((g) => ({
    file: g.file,
    article: readGoldArticle(path.join(base, g.file)),
    quotes: g.quotes,
    non_quotes: g.non_quotes,
    ignore: g.ignore ?? [],
  }));
}

/** The scorer's normalisation: marks and final punctuation stripped, whitespace collapsed. */
export function normQuote(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/^[\s"“”‘’'«»]+|[\s"“”‘’'«»]+$/g, '')
    .replace(/[\s,.;:]+$/, '')
    .replace(/\s+/g, ' ');
}

export function fold(s: string | null | undefined): string {
  return (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
