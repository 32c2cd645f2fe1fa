// Where a selection made in the rendered article lies in the article's text, in UTF-16 code
// units (JavaScript string indices), the unit quote offsets are stored in. The article is
// rendered as text nodes whose concatenation is exactly the body, wrapped in elements (marks
// for quotes); only text nodes count, so the wrapping never shifts an offset.

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

type NodeLike = { nodeType: number; textContent: string | null; childNodes: ArrayLike<NodeLike> };

const isText = (node: NodeLike) => node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;

function textLength(node: NodeLike): number {
  if (isText(node)) return node.textContent?.length ?? 0;
  let total = 0;
  for (let i = 0; i < node.childNodes.length; i++) total += textLength(node.childNodes[i]!);
  return total;
}

/**
 * The text offset, within `root`, of the DOM boundary point (`container`, `offset`) as a Range
 * or Selection gives it: in a text node, `offset` counts its characters; in an element, its
 * children. Null when the point is not inside `root`.
 */
export function textOffset(root: NodeLike, container: NodeLike, offset: number): number | null {
  let count = 0;
  const visit = (node: NodeLike): number | null => {
    if (node === container) {
      if (isText(node)) return count + Math.max(0, Math.min(offset, node.textContent?.length ?? 0));
      for (let i = 0; i < Math.min(offset, node.childNodes.length); i++) count += textLength(node.childNodes[i]!);
      return count;
    }
    if (isText(node)) {
      count += node.textContent?.length ?? 0;
      return null;
    }
    for (let i = 0; i < node.childNodes.length; i++) {
      const found = visit(node.childNodes[i]!);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(root);
}

export type Span = { start: number; end: number };

/**
 * The span a range covers in `root`'s text, with white space at either end left out (a
 * double-click or a drag often takes the space after a word). Null when either end lies outside
 * `root`, or nothing but white space is selected.
 */
export function spanOfRange(root: NodeLike, range: { startContainer: NodeLike; startOffset: number; endContainer: NodeLike; endOffset: number }, text: string): Span | null {
  const a = textOffset(root, range.startContainer, range.startOffset);
  const b = textOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
