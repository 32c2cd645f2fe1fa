// Bytes to text, refusing what is not a text file. Each refusal is one line that says what is wrong.

/** Files above this are refused before anything is parsed: a news article is rarely over 200 KB of HTML. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; problem: string };

const MB = 1024 * 1024;

export function tooLargeProblem(size: number): string {
  return `file is too large (${(size / MB).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / MB} MB)`;
}

// Formats people hand over by mistake, named so the message says what the file is.
const SIGNATURES: [bytes: number[], name: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx, .odt or .epub is one)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

// Like git: a NUL byte near the start means the file is not text.
const SNIFF_BYTES = 8000;

/** The offset of the first byte that breaks UTF-8, found by bisecting with the standard decoder. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // decode(prefix, { stream: true }) accepts a prefix that ends inside a character, so validity is
  // monotonic in the prefix length.
  const valid = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (valid(mid)) good = mid;
    else bad = mid;
  }
  // The bad byte may end a sequence that began up to three bytes earlier: name where it began,
  // the end of the last whole character.
  const whole = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length));
      return true;
    } catch {
      return false;
    }
  };
  let start = good;
  while (start > 0 && good - start < 3 && !whole(start)) start--;
  return start;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty file' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: tooLargeProblem(bytes.length) };
  for (const [signature, name] of SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, problem: `binary file (${name}), not text or HTML` };
  }
  // Text saved as UTF-16 carries a byte-order mark; its NUL bytes are not a sign of binary.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, problem: `not valid ${utf16.toUpperCase()} text despite its byte-order mark` };
    }
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, problem: 'binary file (it contains NUL bytes), not text or HTML' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Byte(bytes)}); save the file as UTF-8`,
    };
  }
  if (looksBinary(text)) return { ok: false, problem: 'binary file (mostly control characters), not text or HTML' };
  return { ok: true, text };
}

// Control characters other than tab, line feed, form feed and carriage return do not occur in prose.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  const head = text.slice(0, SNIFF_BYTES);
  const controls = head.match(CONTROL)?.length ?? 0;
  return controls > 8 && controls / head.length > 0.01;
}
