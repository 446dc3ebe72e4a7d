/**
 * Bytes → text. Handles gzip (by magic bytes or Content-Encoding, with a decompressed-size limit enforced while
 * inflating), byte-order marks, UTF-16 LE/BE, HTTP and HTML charset declarations, invalid UTF-8 (falls back to
 * windows-1252), double-encoded UTF-8 ("â€™"), control characters and NFC normalisation. Binary files (images,
 * PDF, archives, office documents) are rejected with a named error. Pure: no I/O, no global state.
 */
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { DecodeError, EmptyArticleError, InputTooLargeError, UnsupportedFormatError } from '../errors.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface DecodeOptions {
  contentType?: string | undefined;
  contentEncoding?: string | undefined;
  key?: string | undefined;
  maxBytes?: number | undefined;
}

export interface Decoded {
  text: string;
  /** The encoding the text was decoded with (WHATWG label), `string` when the input already was a string. */
  encoding: string;
  /** True when the input was gzip-compressed. */
  compressed: boolean;
  warnings: string[];
}

const BINARY_SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an XZ archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a Zstandard archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'a legacy Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x4d, 0x5a], 'an executable (Windows)'],
  [[0x49, 0x44, 0x33], 'an MP3 audio file'],
  [[0x4f, 0x67, 0x67, 0x53], 'an Ogg media file'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'a Matroska/WebM video'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** Names a known binary format from its magic bytes, or returns null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [sig, name] of BINARY_SIGNATURES) if (startsWith(bytes, sig)) return name;
  // RIFF containers (WebP, WAV, AVI) and ISO media (MP4, MOV, HEIC).
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46])) return 'a RIFF media file (WebP/WAV/AVI)';
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return 'an MP4/MOV/HEIC media file';
  return null;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipLimited(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    // maxOutputLength makes zlib stop inflating as soon as the limit is passed (no gzip bomb in memory).
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new InputTooLargeError(maxBytes, 'The decompressed file');
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw new DecodeError(`The file looks gzip-compressed but cannot be decompressed (${detail}).`);
  }
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { ignoreBOM: true });
  } catch {
    return null;
  }
}

function charsetFromContentType(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="...charset=...">` within the first 4 KB. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** UTF-16 without a BOM: many NUL bytes on one parity only. Returns the endianness or null. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);
}

const MOJIBAKE = /[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;
const CP1252_REVERSE: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const CP1252_HIGH: string[] = (() => {
  const table: string[] = [];
  for (let b = 0x80; b < 0xa0; b++) table.push(String.fromCharCode(b));
  for (const [ch, b] of Object.entries(CP1252_REVERSE)) table[b - 0x80] = ch;
  return table;
})();

/**
 * windows-1252 (the WHATWG meaning of `latin1`/`iso-8859-1` too). Implemented here because Node's TextDecoder
 * decodes it as plain ISO-8859-1, turning typographic quotes and dashes (0x91-0x97) into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b < 0xa0) {
      if (chunk.length) s += String.fromCharCode(...chunk);
      chunk = [];
      s += CP1252_HIGH[b - 0x80]!;
    } else {
      chunk.push(b);
      if (chunk.length >= 8192) {
        s += String.fromCharCode(...chunk);
        chunk = [];
      }
    }
  }
  if (chunk.length) s += String.fromCharCode(...chunk);
  return s;
}

/**
 * Repairs UTF-8 that was decoded as windows-1252 and saved again ("itâ€™s" → "it’s"), only when the whole text
 * round-trips to valid UTF-8 and the repair removes the mojibake. Returns null when there is nothing to repair.
 */
export function repairMojibake(text: string): string | null {
  // Every mojibake sequence starts with Â, Ã or â: three native searches rule most texts out before the regex.
  if (text.indexOf('\u00c2') < 0 && text.indexOf('\u00c3') < 0 && text.indexOf('\u00e2') < 0) return null;
  if (!MOJIBAKE.test(text)) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x100) bytes[i] = c;
    else {
      const b = CP1252_REVERSE[text[i]!];
      if (b === undefined) return null;
      bytes[i] = b;
    }
  }
  try {
    const fixed = UTF8_FATAL.decode(bytes);
    return fixed.length < text.length ? fixed : null;
  } catch {
    return null;
  }
}

/** Drops C0/C1 control characters except tab/newline, turns CR/CRLF/LS/PS into newlines and applies NFC. */
export function normaliseText(text: string): string {
  let s = text.replace(/^\uFEFF/, '');
  // One scan tells whether either replacement has anything to do (most files have neither CR nor controls).
  if (NEEDS_LINE_OR_CONTROL_FIX.test(s)) {
    s = s.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '');
  }
  return s.normalize('NFC');
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
const NEEDS_LINE_OR_CONTROL_FIX = /[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function decodeBytes(
  bytes: Uint8Array,
  options: DecodeOptions,
  warnings: string[],
): { text: string; encoding: string } {
  // 1. Byte-order marks win over any declaration.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: decodeWith('utf-8', bytes.subarray(3), warnings), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: decodeWith('utf-16le', bytes.subarray(2), warnings), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: decodeWith('utf-16be', bytes.subarray(2), warnings), encoding: 'utf-16be' };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes, warnings), encoding: utf16 };

  // 2. Declared charset (HTTP header, then HTML meta). Valid UTF-8 with non-ASCII bytes is trusted over a
  //    declared single-byte charset: mislabelled UTF-8 pages are far more common than latin-1 text that happens
  //    to be valid UTF-8.
  const declared = charsetFromContentType(options.contentType) ?? charsetFromMeta(bytes);
  if (declared && !isUtf8Label(declared)) {
    const dec = decoderFor(declared);
    if (dec && !/^utf-16/i.test(dec.encoding)) {
      if (dec.encoding !== 'windows-1252') return { text: dec.decode(bytes), encoding: dec.encoding };
      if (!hasNonAscii(bytes)) return { text: latin1(bytes), encoding: dec.encoding };
      try {
        const text = UTF8_FATAL.decode(bytes);
        warnings.push(`Declared charset ${declared} ignored: the bytes are valid UTF-8.`);
        return { text, encoding: 'utf-8' };
      } catch {
        return { text: decodeWindows1252(bytes), encoding: dec.encoding };
      }
    }
    if (!dec) warnings.push(`Unknown declared charset "${declared}"; decoded as UTF-8.`);
  }

  // 3. UTF-8, falling back to windows-1252 (a superset of printable latin-1) when the bytes are not valid UTF-8.
  try {
    return { text: UTF8_FATAL.decode(bytes), encoding: 'utf-8' };
  } catch {
    warnings.push('The file is not valid UTF-8; decoded as windows-1252.');
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function decodeWith(label: string, bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    warnings.push(`The file contains invalid ${label} sequences; they were replaced with U+FFFD.`);
    return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  }
}

/** Decodes raw bytes (or a string) into normalised text; throws an `InputRejectedError` subclass when it will not. */
export function decode(raw: Uint8Array | string, options: DecodeOptions = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const warnings: string[] = [];
  let text: string;
  let encoding = 'string';
  let compressed = false;
  if (typeof raw === 'string') {
    if (raw.length > maxBytes) throw new InputTooLargeError(maxBytes);
    text = raw;
  } else {
    let bytes = raw;
    if (bytes.length > maxBytes) throw new InputTooLargeError(maxBytes);
    const declaredGzip = /gzip/i.test(options.contentEncoding ?? '') || /\.gz$/i.test(options.key ?? '');
    if (isGzip(bytes)) {
      bytes = gunzipLimited(bytes, maxBytes);
      compressed = true;
    } else if (declaredGzip && bytes.length > 0) {
      warnings.push('Declared gzip but the content is not compressed; read as is.');
    }
    const binary = sniffBinary(bytes);
    if (binary)
      throw new UnsupportedFormatError(`The file is ${binary}, not an article (text, HTML, Markdown or JSON).`);
    const decoded = decodeBytes(bytes, options, warnings);
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (isBinaryText(text))
    throw new UnsupportedFormatError('The file looks binary, not an article (text, HTML, Markdown or JSON).');
  // Mojibake repair first: the C1 characters it needs (â€\u009d for ”) are dropped by normalisation.
  const repaired = repairMojibake(text);
  if (repaired !== null) {
    text = repaired;
    warnings.push('Repaired double-encoded UTF-8 (mojibake).');
  }
  text = normaliseText(text);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new EmptyArticleError();
  return { text, encoding, compressed, warnings };
}

/** Control characters, replacement characters or private-use noise dominating the first 4 KB: not text. */
function isBinaryText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length < 16) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const bad = sample.match(/[\u0000-\u0008\u000e-\u001f\uFFFD\uE000-\uF8FF]/g)?.length ?? 0;
  return bad / sample.length > 0.1;
}
