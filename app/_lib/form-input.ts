// Reading a submitted form into the JSON shape the write operations take (the read API's field
// names): text trimmed, empty optional fields as null, numbers parsed, lists split. Problems a
// form alone can have (a year that is not a number) are collected by field, in the same words
// as the write helper's.
import type { FormValues } from '@/app/_components/forms/form-state';

export class FormReader {
  readonly errors: Record<string, string[]> = {};
  constructor(private readonly values: FormValues) {}

  private raw(name: string): string {
    const value = this.values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  }

  problem(name: string, message: string): void {
    (this.errors[name] ??= []).push(message);
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Trimmed text; '' stays '' (the write helper says "must not be empty"). */
  text(name: string): string {
    return this.raw(name).trim();
  }

  /** Trimmed text, or null when left empty. */
  optionalText(name: string): string | null {
    return this.text(name) || null;
  }

  /** Exactly as typed (an article body: offsets index into it). */
  verbatim(name: string): string {
    return this.raw(name);
  }

  /** A whole number, or null when left empty. */
  optionalInteger(name: string): number | null {
    const text = this.text(name);
    if (text === '') return null;
    if (!/^[+-]?\d{1,15}$/.test(text)) {
      this.problem(name, 'must be a whole number');
      return null;
    }
    return Number(text);
  }

  integer(name: string): number | undefined {
    const text = this.text(name);
    if (text === '') {
      this.problem(name, 'must be chosen');
      return undefined;
    }
    const value = this.optionalInteger(name);
    return value ?? undefined;
  }

  /** Non-empty lines, each trimmed (aliases: one per line). */
  lines(name: string): string[] {
    return this.raw(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  }

  /** Every value of a repeated field (checked evidence boxes), as positive ids. */
  ids(name: string): number[] {
    const value = this.values[name];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const ids: number[] = [];
    for (const item of list) {
      if (/^\d{1,15}$/.test(item) && Number(item) > 0) ids.push(Number(item));
      else this.problem(name, `${JSON.stringify(item.slice(0, 20))} is not a quote id`);
    }
    return [...new Set(ids)];
  }

  checkbox(name: string): boolean {
    return this.raw(name) !== '';
  }
}
