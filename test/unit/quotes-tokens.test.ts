import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeByRegex } from '../../shared/pipeline/quotes/tokens.ts';

/** Pieces that exercise every alternative of the token pattern and the edges of the ASCII scan. */
const PIECES = [
  'a',
  'Z',
  'abc',
  'Harbour',
  'U.S.',
  'Mr.',
  'Dr',
  "'s",
  '’s',
  '’',
  "'",
  '-',
  '–',
  '.',
  ',',
  ' ',
  '\n',
  '\u00a0',
  '\u2063',
  '\u2063\u2063',
  'é',
  'ß',
  '\u0301',
  '3',
  '3,000',
  '1.5',
  '12:30',
  'x2',
  '2x',
  '日本',
  '𝒜',
  '😀',
  '"',
  '“',
  '”',
  '(',
  ')',
  'e.g.',
  'a.m.',
  'co-op',
  'rock’n’roll',
  '\t',
  'İ',
  'ǅ',
  'ﬁ',
  '٣',
  'Ⅻ',
];

describe('quote-stage tokenizer', () => {
  it('gives exactly the tokens of the token pattern on 20,000 generated strings', () => {
    // Prepare: a fixed pseudo-random sequence, the same on every run
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const inputs: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const len = 1 + Math.floor(next() * 12);
      for (let x = 0; x < len; x++) s += PIECES[Math.floor(next() * PIECES.length)];
      inputs.push(s);
    }
    // Act + Assess
    const differ = inputs.filter(
      (s) => JSON.stringify(tokenize(s, 0, s.length)) !== JSON.stringify(tokenizeByRegex(s, 0, s.length)),
    );
    expect(differ).toEqual([]);
  });

  it('words, titles, possessives, marks and masked quotes', () => {
    // Prepare
    const text = 'Mr. Hale’s ferry, U.S.-bound, left at 12:30 \u2063\u2063 said Ivo.';
    // Act
    const toks = tokenize(text, 0, text.length).map((t) => [t.w, t.kind, t.cap]);
    // Assess
    expect(toks).toEqual([
      ['Mr.', 'word', true],
      ['Hale’s', 'word', true],
      ['ferry', 'word', false],
      [',', 'punct', false],
      ['U.S.', 'word', true],
      ['-', 'punct', false],
      ['bound', 'word', false],
      [',', 'punct', false],
      ['left', 'word', false],
      ['at', 'word', false],
      ['12:30', 'word', false],
      ['Q', 'quote', false],
      ['said', 'word', false],
      ['Ivo', 'word', true],
      ['.', 'punct', false],
    ]);
  });
});
