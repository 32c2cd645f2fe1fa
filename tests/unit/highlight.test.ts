import { describe, expect, it } from 'vitest';
import { highlightTree, treeText, type HighlightNode } from '@/lib/highlight';

type Shape = string | { q: number; first?: false; c: Shape[] };

/** A compact picture of the tree: text as strings, quotes as {q, c}. */
function shape(nodes: HighlightNode[]): Shape[] {
  return nodes.map((n) => (n.type === 'text' ? n.text : { q: n.quoteId, ...(n.first ? {} : { first: false as const }), c: shape(n.children) }));
}

const body = 'He said "we do not know" and left.';

describe('highlightTree', () => {
  it.each<[string, { id: number; start: number; end: number }[], Shape[]]>([
    ['no quotes', [], [body]],
    ['one quote', [{ id: 1, start: 9, end: 23 }], ['He said "', { q: 1, c: ['we do not know'] }, '" and left.']],
    [
      'a quote nested in another',
      [
        { id: 1, start: 0, end: 34 },
        { id: 2, start: 9, end: 23 },
      ],
      [{ q: 1, c: ['He said "', { q: 2, c: ['we do not know'] }, '" and left.'] }],
    ],
    [
      'partly overlapping quotes split, the anchor on the first fragment',
      [
        { id: 1, start: 0, end: 12 },
        { id: 2, start: 9, end: 23 },
      ],
      [{ q: 1, c: ['He said "', { q: 2, c: ['we '] }] }, { q: 2, first: false, c: ['do not know'] }, '" and left.'],
    ],
    [
      'two quotes with the same span nest rather than repeat',
      [
        { id: 2, start: 3, end: 7 },
        { id: 1, start: 3, end: 7 },
      ],
      ['He ', { q: 1, c: [{ q: 2, c: ['said'] }] }, ' "we do not know" and left.'],
    ],
    ['a span outside the body is ignored', [{ id: 1, start: 30, end: 99 }], [body]],
  ])('%s', (_name, spans, expected) => {
    const tree = highlightTree(body, spans);
    expect(shape(tree)).toEqual(expected);
    // Whatever the overlaps, the rendered text is the body, character for character.
    expect(treeText(tree)).toBe(body);
  });

  it('keeps markup-like quote text as plain text', () => {
    const hostile = 'x <img src=x onerror=alert(1)> y';
    const tree = highlightTree(hostile, [{ id: 1, start: 2, end: 30 }]);
    expect(shape(tree)).toEqual(['x ', { q: 1, c: ['<img src=x onerror=alert(1)>'] }, ' y']);
  });
});
