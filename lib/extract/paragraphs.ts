// Paragraphs are lines: both the seed texts (one paragraph a line) and blank-line separated texts
// split the same way, and an unclosed quote mark runs at most to the end of its line (a quote that
// visibly closes on the next line is continued by the mark scanner, not here).

export type Paragraph = { index: number; start: number; end: number };

export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  const n = body.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || body.charCodeAt(i) === 10 /* \n */ || body.charCodeAt(i) === 13 /* \r */) {
      let start = lineStart;
      let end = i;
      while (start < end && isSpaceCode(body.charCodeAt(start))) start++;
      while (end > start && isSpaceCode(body.charCodeAt(end - 1))) end--;
      if (end > start) paragraphs.push({ index: paragraphs.length, start, end });
      if (i < n && body.charCodeAt(i) === 13 && body.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  return paragraphs;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x0b || c === 0x0c;
}
