// Shared checks and small utilities for the browser suite. The suite runs against a freshly
// seeded database (see playwright.config.ts), so the seed in seeds/seed-data.json is the data.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const NAV = [
  { name: 'Overview', href: '/' },
  { name: 'Stances', href: '/stances' },
  { name: 'Quotes', href: '/quotes' },
  { name: 'Sources', href: '/sources' },
] as const;

/** Every page: a title ending in "· Standpoint", exactly one h1, and the main navigation. */
export async function expectPageChrome(page: Page, h1?: string | RegExp): Promise<void> {
  await expect(page).toHaveTitle(/ · Standpoint$/);
  await expect(page.locator('h1')).toHaveCount(1);
  if (h1 !== undefined) await expect(page.locator('h1')).toHaveText(h1);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const link of NAV) {
    await expect(nav.getByRole('link', { name: link.name, exact: true })).toHaveAttribute('href', link.href);
  }
}

/** The search params of a URL or of a root-relative href. */
export function paramsOf(href: string): URLSearchParams {
  return new URL(href, 'http://localhost').searchParams;
}

export function pathOf(href: string): string {
  return new URL(href, 'http://localhost').pathname;
}

/** Fetches JSON from the app's API and fails the test with the body if the status is not 200. */
export async function apiJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

export type ApiQuote = { id: number; sourceId: number; start: number; end: number; text: string; kind: 'direct' | 'reported' };
export type ApiStance = {
  id: number;
  actor: { slug: string; name: string; countryCode: string | null };
  topic: { slug: string; title: string };
  position: number;
  label: string;
  asOf: string;
  evidence: number[];
};
export type ApiList<T> = { items: T[]; nextCursor: string | null };

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/** Collapses runs of whitespace, for comparing rendered text with stored text. */
export const squish = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export type ApiActor = { slug: string; name: string; kind: string; countryCode: string | null; natoAccessionYear: number | null };
