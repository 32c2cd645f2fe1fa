// Pure helpers of the generator and benchmark scripts.
import { describe, expect, it } from 'vitest';
import { percentile } from '@/scripts/bench/stats';
import { parseCount } from '@/scripts/synthetic/args';
import { render } from '@/scripts/synthetic/template';

describe('parseCount', () => {
  it.each([
    ['100000', 100_000],
    ['100_000', 100_000],
    ['100k', 100_000],
    ['1m', 1_000_000],
    ['1.5M', 1_500_000],
    ['1e6', 1_000_000],
    [' 42 ', 42],
  ])('reads %j as %d', (text, n) => expect(parseCount(text, '--quotes')).toBe(n));

  it.each(['', '0', '-5', '1.5', 'abc', '10 quotes', '1e400'])('rejects %j with a message naming the option', (text) => {
    expect(() => parseCount(text, '--quotes')).toThrow(/--quotes must be a positive whole number/);
  });
});

describe('percentile', () => {
  it.each([
    [[], 50, null],
    [[7], 95, 7],
    [[3, 1, 2], 50, 2],
    [Array.from({ length: 40 }, (_, i) => i + 1), 95, 38],
    [Array.from({ length: 40 }, (_, i) => 40 - i), 50, 20],
  ])('of %j at p%d is %j', (samples, p, expected) => expect(percentile(samples, p)).toBe(expected));
});

describe('render', () => {
  it('fills every placeholder and keeps the text between them', () => {
    expect(render('{a} and {b}, then {a}.', (k) => k.toUpperCase())).toBe('A and B, then A.');
    expect(render('no placeholders', () => 'x')).toBe('no placeholders');
  });
});
