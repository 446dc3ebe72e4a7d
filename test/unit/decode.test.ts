import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DecodeError,
  EmptyArticleError,
  InputRejectedError,
  InputTooLargeError,
  UnsupportedFormatError,
} from '../../shared/errors.ts';
import { clean } from '../../shared/pipeline/clean.ts';
import { decode, repairMojibake } from '../../shared/pipeline/decode.ts';
import { sniffFormat } from '../../shared/pipeline/sniff.ts';
import type { CleanOptions } from '../../shared/pipeline/types.ts';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const utf8 = (s: string) => new TextEncoder().encode(s);
const PROSE =
  'The harbour master of Kelby said on Monday that the new breakwater had already cut storm damage in half, according to the first survey.';

describe('decode: text from bytes', () => {
  const ROWS: Array<[string, Uint8Array | string, CleanOptions, string]> = [
    [
      'UTF-8 with BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Café “quoted” — dash')]),
      {},
      'Café “quoted” — dash',
    ],
    ['UTF-16 LE with BOM', Uint8Array.from([0xff, 0xfe, 0x43, 0, 0xe9, 0, 0x1c, 0x20]), {}, 'Cé“'],
    ['UTF-16 BE with BOM', Uint8Array.from([0xfe, 0xff, 0, 0x43, 0, 0xe9, 0x20, 0x1d]), {}, 'Cé”'],
    [
      'invalid UTF-8 falls back to windows-1252',
      bytes(0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x63, 0x61, 0x66, 0xe9),
      {},
      '“Hi” — café',
    ],
    [
      'charset in Content-Type',
      bytes(0x63, 0x61, 0x66, 0xe9),
      { contentType: 'text/plain; charset=ISO-8859-1' },
      'café',
    ],
    ['decomposed accents are normalised to NFC', 'Cafe\u0301', {}, 'Café'],
    [
      'double-encoded UTF-8 (mojibake) is repaired',
      'Itâ€™s the mayorâ€™s â€œplanâ€\u009d',
      {},
      'It’s the mayor’s “plan”',
    ],
    ['CRLF becomes LF, control characters dropped', 'one\r\ntwo\u0007', {}, 'one\ntwo'],
    ['a lone CR becomes LF', 'one\rtwo', {}, 'one\ntwo'],
    ['a control character without any CR is dropped', 'one\u0001 two', {}, 'one two'],
    ['double-encoded accented letters are repaired', 'Le cafÃ© de ZoÃ«', {}, 'Le café de Zoë'],
    ['French â is not mistaken for mojibake', 'Le château a l’âge du pont', {}, 'Le château a l’âge du pont'],
  ];
  it.each(ROWS)('%s', (_name, raw, options, want) => {
    expect(decode(raw, options).text).toBe(want);
  });

  it('valid UTF-8 wins over a wrongly declared latin-1 charset, with a warning', () => {
    const d = decode(utf8('<meta charset="iso-8859-1"><p>Zoë’s café</p>'));
    expect(d.text).toContain('Zoë’s café');
    expect(d.warnings.join(' ')).toMatch(/valid UTF-8/);
  });

  it('reports the windows-1252 fallback as a warning', () => {
    expect(decode(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x21)).warnings.join(' ')).toMatch(/not valid UTF-8/);
  });

  it('leaves correct text with accents alone', () => {
    expect(repairMojibake('Ã la carte is written à la carte')).toBeNull();
  });
});

describe('decode/clean: rejected input is a named error with a readable message', () => {
  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
  const pdf = utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj');
  const zip = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0);
  const gz = gzipSync(utf8(PROSE));
  const bomb = gzipSync(new Uint8Array(3 * 1024 * 1024).fill(0x61));
  const ROWS: Array<[string, Uint8Array | string, CleanOptions, new (...a: never[]) => InputRejectedError, RegExp]> = [
    ['empty file', new Uint8Array(0), { key: 'a.txt' }, EmptyArticleError, /no article text/i],
    ['whitespace only', utf8(' \n\t\u00a0\r\n  '), { key: 'a.txt' }, EmptyArticleError, /no article text/i],
    ['PNG named .txt', png, { key: 'photo.txt' }, UnsupportedFormatError, /PNG image/],
    ['PDF named .txt', pdf, { key: 'report.txt' }, UnsupportedFormatError, /PDF document/],
    ['ZIP named .txt', zip, { key: 'bundle.txt' }, UnsupportedFormatError, /ZIP archive/],
    ['truncated gzip', gz.subarray(0, gz.length - 12), { key: 'a.txt.gz' }, DecodeError, /cannot be decompressed/],
    [
      'gzip bomb over the limit',
      bomb,
      { key: 'a.txt.gz', maxBytes: 1024 * 1024 },
      InputTooLargeError,
      /decompressed file is larger/,
    ],
    ['file over maxBytes', utf8(PROSE.repeat(20)), { maxBytes: 1000 }, InputTooLargeError, /1000-byte limit/],
    [
      'HTML that is only a script',
      '<html><body><script>var a = "text text text";</script></body></html>',
      { key: 'a.html' },
      EmptyArticleError,
      /article text/,
    ],
    [
      'random binary noise',
      Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 32),
      { key: 'x.txt' },
      UnsupportedFormatError,
      /binary/,
    ],
    [
      'JSON without a body field',
      '{"title": "Only a title"}',
      { key: 'a.json' },
      UnsupportedFormatError,
      /no article body/,
    ],
  ];
  it.each(ROWS)('%s', (_name, raw, options, ErrorClass, message) => {
    let caught: unknown;
    try {
      clean(raw, options);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ErrorClass);
    expect(caught).toBeInstanceOf(InputRejectedError);
    expect((caught as Error).message).toMatch(message);
  });

  it('a gzip bomb is stopped while decompressing (the limit, not the full size, is allocated)', () => {
    const huge = gzipSync(new Uint8Array(64 * 1024 * 1024));
    expect(() => decode(huge, { maxBytes: 1024 * 1024 })).toThrow(InputTooLargeError);
  });

  it('10,000 nested divs do not overflow the stack', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}<p>${PROSE}</p><p>${PROSE}</p>${'</div>'.repeat(10_000)}</body></html>`;
    const a = clean(html, { key: 'deep.html' });
    expect(a.text).toContain('The harbour master of Kelby');
  });

  it('gzip declared by Content-Encoding but sent uncompressed is read as is', () => {
    const d = decode(utf8(PROSE), { contentEncoding: 'gzip' });
    expect(d.text).toBe(PROSE);
    expect(d.compressed).toBe(false);
  });
});

describe('sniffFormat: content decides, the extension is a hint', () => {
  const ROWS: Array<[string, string, { key?: string; contentType?: string }, string]> = [
    ['HTML in a .txt', '<!DOCTYPE html><html><body><p>x</p></body></html>', { key: 'a.txt' }, 'html'],
    ['HTML fragment', '<p>One paragraph.</p>\n<p>Another one.</p>', { key: 'a.txt' }, 'html'],
    ['plain text in a .html', `${PROSE}\n\n${PROSE}`, { key: 'a.html', contentType: 'text/html' }, 'text'],
    ['JSON object', '{"body": "text"}', { key: 'a.txt' }, 'json'],
    [
      'Markdown by content',
      '# Title\n\nSome text with a [link](https://x.org).\n\n- item',
      { key: 'a.txt' },
      'markdown',
    ],
    ['Markdown by extension', `${PROSE}`, { key: 'a.md' }, 'markdown'],
    ['prose mentioning a tag stays text', `${PROSE} Use the <p> element.`, { key: 'a.txt' }, 'text'],
  ];
  it.each(ROWS)('%s', (_name, text, hints, want) => {
    expect(sniffFormat(text, hints)).toBe(want);
  });
});
