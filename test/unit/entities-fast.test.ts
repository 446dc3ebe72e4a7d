import { describe, expect, it } from 'vitest';
import {
  f1,
  f2,
  f2Prefix,
  f3,
  f3Prefix,
  hashFrom,
  makeLabel,
  N_LABELS,
  TEMPLATES,
  textFeatures,
  wordShape,
} from '../../shared/pipeline/entities/features.ts';
import { SortedU32Index, U32Map } from '../../shared/pipeline/entities/hashtable.ts';
import { MODEL } from '../../shared/pipeline/entities/model.ts';
import { decodeModelBytes, encodeModelBytes } from '../../shared/pipeline/entities/model-format.ts';
import { chunkLabels, referenceLabels, tagWithModel } from '../../shared/pipeline/entities/tagger.ts';
import { splitSentences } from '../../shared/pipeline/tokenize.ts';

// News-like texts written for these tests (invented people, places and organisations).
const TEXTS: Array<[string, string]> = [
  [
    'body with titles, acronyms and repeated names',
    'KAYES, Mali — Capt. Oumar Sanogo of the Niger River Authority (NRA) said on Friday that Sanogo’s team had reached Kayes. "We are ready," Sanogo told the Sahel Mining Corp. board in Bamako.',
  ],
  [
    'all-caps headline then body',
    'FLOODS HIT SEGOU AS NIGER RISES\nSegou officials said the river rose two metres. The floods hit Segou and Mopti.',
  ],
  [
    'lower-case and mid-sentence capitals of the same word',
    'The storm moved north. Storm Awa then hit the coast near Gao, where awa means water.',
  ],
  [
    'numbers, hyphens, clitics, quotes',
    "On 1996-08-30 the 26-year-old didn't win 6-4 in al-Qaida's town; “No,” said O'Brien of AT&T Inc.",
  ],
  ['non-ASCII words and symbols', 'Fatoumata Touré met Ørjan Ødegård and Ζωή Παππά in Zürich — €5m, 𝒜lpha Café ✓.'],
  [
    'one long sentence',
    Array.from({ length: 60 }, (_, i) => `Minister Kadi Diarra${i % 3 ? '' : ' of Kayes'} visited Sikasso`).join(', '),
  ],
];

describe('fast run-time tagger', () => {
  it('is used for the shipped model', () => {
    expect(MODEL.run).not.toBeNull();
  });

  it.each(TEXTS)('gives exactly the reference decoder labels: %s', (_name, text) => {
    // Prepare
    const sentences = splitSentences(text);
    const n = sentences.reduce((a, s) => a + s.tokens.length, 0);

    // Act
    const fast = chunkLabels(MODEL, sentences, n);
    const reference = referenceLabels(MODEL, sentences);

    // Assess
    expect([...fast]).toEqual([...reference]);
    expect(fast.some((l) => l !== 0)).toBe(true);
  });

  it('gives exactly the reference decoder labels on 300 generated texts', () => {
    // Prepare: sentences drawn from words that reach every pass of the fast tagger: gazetteer names (cities,
    // countries, first names), capitalised and lower-case uses of the same word, all-caps headlines, non-ASCII
    // words, numbers, clitics and marks
    const vocabulary = (
      'the said on Monday of and in a minister Minister storm Storm Paris New York France Germany John Maria Smith ' +
      "Acme Corp. Inc. U.S. Ørjan Zürich Touré Ζωή 2024 1996-08-30 26-year-old O'Brien 's n't , . \" “ ” ( ) — : " +
      'al-Qaida AT&T River Lake United Nations Party told Reuters'
    ).split(' ');
    let seed = 5;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const sentence = (): string => {
      const words = Array.from({ length: 1 + next(18) }, () => vocabulary[next(vocabulary.length)]!);
      return next(8) === 0 ? words.join(' ').toUpperCase() : words.join(' ');
    };
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + next(6) }, () => sentence()).join(next(2) === 0 ? '. ' : '\n'),
    );

    // Act + Assess
    for (const text of texts) {
      const sentences = splitSentences(text);
      const n = sentences.reduce((a, s) => a + s.tokens.length, 0);
      expect([text, [...chunkLabels(MODEL, sentences, n)]]).toEqual([text, [...referenceLabels(MODEL, sentences)]]);
    }
  });

  it('falls back to the reference decoder when the weights cannot be summed exactly', () => {
    // Prepare: a one-feature model ("nuland" → U-PER) whose companding spans ~70 binary orders of magnitude
    const header = { version: 'test', scale: 5, power: 0.1, labels: N_LABELS, categories: [], training: {} };
    const weights = new Int8Array(N_LABELS);
    weights[makeLabel(0, 3)] = 127;
    const model = decodeModelBytes(encodeModelBytes(header, Uint32Array.of(f1(TEMPLATES.w, 'nuland')), weights, null));

    // Act
    const mentions = tagWithModel(model, 'Victoria Nuland spoke to Nuland.');

    // Assess
    expect(model.run).toBeNull();
    expect(mentions.map((m) => [m.text, m.type])).toEqual([
      ['Nuland', 'PERSON'],
      ['Nuland', 'PERSON'],
    ]);
  });
});

describe('feature hashing shortcuts', () => {
  it.each([
    ['a', 'b'],
    ['12', 'Touré'],
    ['', '</s>'],
  ])('prefix states finish to the same hashes (%s, %s)', (a, b) => {
    expect(hashFrom(f2Prefix(TEMPLATES.bim, a), b)).toBe(f2(TEMPLATES.bim, a, b));
    expect(hashFrom(f3Prefix(TEMPLATES.s3, a, b), a)).toBe(f3(TEMPLATES.s3, a, b, a));
  });

  it.each(['w', 'al-qaida', 'touré', '1996-08-30', '𝒜bc'])('hashes the affixes and digit form of %s in place', (lw) => {
    // Prepare: the definitions, by slicing
    const expected = [f1(TEMPLATES.w, lw), f1(TEMPLATES.wRaw, lw)];
    if (/\d/.test(lw)) expected.push(f1(TEMPLATES.wDigits, lw.replace(/\d/g, '0')));
    for (let k = 1; k <= 4 && k < lw.length; k++) {
      expected.push(f2(TEMPLATES.pre, String(k), lw.slice(0, k)), f2(TEMPLATES.suf, String(k), lw.slice(-k)));
    }
    const out = new Uint32Array(16);

    // Act
    const n = textFeatures(lw, lw, out);

    // Assess
    expect([...out.subarray(0, n)]).toEqual(expected);
  });

  it.each([
    ['Internationalisation', 'Xxxxxxxxxxxx', 'Xx'],
    ['AT&T', 'XX&X', 'X&X'],
    ['Ørjan', 'Xxxxx', 'Xx'],
    ['𐐀bc', 'Xxx', 'Xx'],
    ['𝒜bc', '𝒜xx', '𝒜x'],
  ])('shape of %s is %s / %s', (word, long, short) => {
    expect(wordShape(word)).toEqual([long, short]);
  });
});

describe('feature indexes', () => {
  it('finds every key of a sorted index, and nothing else', () => {
    // Prepare
    const keys = Uint32Array.from(new Set(Array.from({ length: 3000 }, (_, i) => f1(1, `w${i}`))), (x) => x).sort();
    const keysWithEdges = Uint32Array.of(0, ...keys, 0xffffffff).sort();
    const index = new SortedU32Index(keysWithEdges);

    // Act
    const found = [...keysWithEdges].map((k) => index.get(k));

    // Assess
    expect(found).toEqual([...keysWithEdges].map((_, i) => i));
    expect(index.get(f1(1, 'absent'))).toBe(-1);
    expect(index.size).toBe(keysWithEdges.length);
  });

  it('keeps the key 0 in a hash map', () => {
    // Prepare
    const map = new U32Map(4);

    // Act
    map.set(0, 7);
    map.set(0xffffffff, 3);

    // Assess
    expect([map.get(0), map.get(0xffffffff), map.get(1), map.size]).toEqual([7, 3, -1, 2]);
    expect(map.entries()).toEqual([
      [0, 7],
      [0xffffffff, 3],
    ]);
  });
});
