import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

const displayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2 Apr 2025", or "date unknown" when there is none: never a guess. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'date unknown';
  return displayFormat.format(new Date(`${value}T00:00:00Z`));
}
