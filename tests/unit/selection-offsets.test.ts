// Selections in the rendered article map to offsets into the body in UTF-16 units, whatever
// elements wrap the text, and with white space at the ends left out.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { spanOfRange, textOffset } from '@/app/_components/review/selection-offsets';

// As HighlightedBody renders: text in spans, quotes as (nested) marks. The body has a non-BMP
// character (two UTF-16 units) and a line break before the quote.
const BODY = 'He said 😀:\n“We will stay” and left. ';
function render() {
  const { document } = parseHTML(
    `<html><body><div id="root"><span>He said 😀:\n</span><mark data-quote="1"><span>“We </span><mark data-quote="2"><span>will</span></mark><span> stay”</span></mark><span> and left. </span></div><p id="outside">x</p></body></html>`,
  );
  const root = document.getElementById('root')!;
  const texts: Text[] = [];
  const walk = (n: Node) => (n.nodeType === 3 ? texts.push(n as Text) : n.childNodes.forEach(walk));
  walk(root);
  return { document, root, texts };
}

describe('textOffset', () => {
  it('the rendering holds the body exactly', () => {
    expect(render().root.textContent).toBe(BODY);
  });

  it('counts UTF-16 units before a point in a text node, across wrapping elements', () => {
    const { root, texts } = render();
    // "He said 😀:\n" is 12 units (the emoji is 2).
    expect(textOffset(root, texts[0]!, 0)).toBe(0);
    expect(textOffset(root, texts[0]!, 8)).toBe(8);
    expect(textOffset(root, texts[1]!, 0)).toBe(12);
    expect(textOffset(root, texts[2]!, 2)).toBe(BODY.indexOf('will') + 2);
    expect(textOffset(root, texts[4]!, 5)).toBe(BODY.indexOf(' and left') + 5);
  });

  it('reads a point given as an element and a child index', () => {
    const { root } = render();
    const outer = root.querySelector('mark[data-quote="1"]')!;
    expect(textOffset(root, outer, 0)).toBe(BODY.indexOf('“We'));
    expect(textOffset(root, outer, 3)).toBe(BODY.indexOf(' and'));
    expect(textOffset(root, root, root.childNodes.length)).toBe(BODY.length);
  });

  it('is null outside the root', () => {
    const { document, root } = render();
    expect(textOffset(root, document.getElementById('outside')!.firstChild!, 0)).toBeNull();
  });
});

describe('spanOfRange', () => {
  it('gives the span of the selected words, leaving out white space at the ends, backwards selections too', () => {
    const { root, texts } = render();
    // From the space after ':' ... to the end of "stay”" plus the space after it.
    const span = spanOfRange(root, { startContainer: texts[0]!, startOffset: 11, endContainer: texts[4]!, endOffset: 1 }, BODY);
    expect(span).toEqual({ start: BODY.indexOf('“We'), end: BODY.indexOf(' and') });
    expect(BODY.slice(span!.start, span!.end)).toBe('“We will stay”');
    const backwards = spanOfRange(root, { startContainer: texts[4]!, startOffset: 1, endContainer: texts[0]!, endOffset: 11 }, BODY);
    expect(backwards).toEqual(span);
  });

  it('keeps both halves of a character outside the Basic Multilingual Plane', () => {
    const { root, texts } = render();
    const span = spanOfRange(root, { startContainer: texts[0]!, startOffset: 8, endContainer: texts[0]!, endOffset: 10 }, BODY);
    expect(BODY.slice(span!.start, span!.end)).toBe('😀');
  });

  it('is null for white space only, or an end outside the article', () => {
    const { document, root, texts } = render();
    expect(spanOfRange(root, { startContainer: texts[4]!, startOffset: 0, endContainer: texts[4]!, endOffset: 1 }, BODY)).toBeNull();
    expect(spanOfRange(root, { startContainer: texts[0]!, startOffset: 0, endContainer: document.getElementById('outside')!.firstChild!, endOffset: 1 }, BODY)).toBeNull();
  });
});
