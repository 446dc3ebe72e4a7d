import { describe, expect, it } from 'vitest';
import {
  FeatureIndex,
  greedyDecode,
  type LabelSpan,
  labelsToSpans,
  spansToLabels,
} from '../../shared/pipeline/entities/decoder.ts';
import {
  addPhrase,
  computeDocFeatures,
  f1,
  type Gazetteer,
  labelName,
  makeLabel,
  N_LABELS,
  newGazetteer,
  normalizeToken,
  TEMPLATES,
  wordShape,
} from '../../shared/pipeline/entities/features.ts';

const PER = 0;
const ORG = 1;
const LOC = 2;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

describe('entity features', () => {
  it.each([
    ['Touré', 'Xxxxx', 'Xx'],
    ['ECOWAS', 'XXXXXX', 'X'],
    ['al-Qaida', 'xx-Xxxxx', 'x-Xx'],
    ['1996-08-30', 'dddd-dd-dd', 'd-d-d'],
    ['U.S.', 'X.X.', 'X.X.'],
  ])('shape of %s is %s / %s', (word, long, short) => {
    expect(wordShape(word)).toEqual([long, short]);
  });

  it.each([
    ['“', '"'],
    ['”', '"'],
    ['’s', "'s"],
    ['—', '--'],
    ['…', '...'],
    ['Touré', 'Touré'],
    ['Corp.', 'Corp'],
    ['U.S.', 'U.S.'],
    ['M.', 'M.'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeToken(input)).toBe(expected);
  });

  it('marks every token of a gazetteer phrase, and only those', () => {
    // Prepare
    const gaz: Gazetteer = newGazetteer();
    addPhrase(gaz, ['west', 'african', 'states'], 1 << 5);
    const doc = [['Leaders', 'of', 'West', 'African', 'States', 'met']];

    // Act
    const withGaz = computeDocFeatures(doc, gaz);
    const without = computeDocFeatures(doc, null);

    // Assess: phrase tokens gain their match (alone and with the next shape) and their neighbours' matches;
    // tokens next to the phrase gain one
    const extra = (t: number) => withGaz.off[t + 1]! - withGaz.off[t]! - (without.off[t + 1]! - without.off[t]!);
    expect([0, 1, 2, 3, 4, 5].map(extra)).toEqual([0, 1, 3, 4, 3, 1]);
  });

  it('uses the same feature hashes for curly and straight quotes and apostrophes', () => {
    // Act
    const a = computeDocFeatures([['“', 'Mali', '’s', 'army', '”']], null);
    const b = computeDocFeatures([['"', 'Mali', "'s", 'army', '"']], null);

    // Assess
    expect([...a.feats]).toEqual([...b.feats]);
  });

  it('adds document casing evidence: a capitalised headline word written in lower case elsewhere', () => {
    // Prepare: "STORM" is lower case in the body, "DIALLO" is capitalised mid-sentence
    const doc = [
      ['STORM', 'HITS', 'DIALLO', 'FARM'],
      ['A', 'storm', 'hit', 'the', 'farm', 'of', 'Moussa', 'Diallo', '.'],
    ];

    // Act
    const d = computeDocFeatures(doc, null);
    const has = (t: number, h: number) => d.feats.subarray(d.off[t], d.off[t + 1]).includes(h);

    // Assess
    expect(has(0, f1(TEMPLATES.docLower, 'h'))).toBe(true);
    expect(has(2, f1(TEMPLATES.docLower, 'h'))).toBe(false);
    expect(has(2, f1(TEMPLATES.docCapMid, 'h'))).toBe(true);
  });
});

describe('BILOU labels and spans', () => {
  it.each<[string, number[], number[], LabelSpan[]]>([
    ['single-token entity', [0, makeLabel(PER, U), 0], [1, 0, 0], [{ start: 1, end: 2, type: PER }]],
    [
      'multi-token entity',
      [makeLabel(ORG, B), makeLabel(ORG, I), makeLabel(ORG, L), 0],
      [1, 0, 0, 0],
      [{ start: 0, end: 3, type: ORG }],
    ],
    [
      'two adjacent entities',
      [makeLabel(PER, U), makeLabel(LOC, B), makeLabel(LOC, L)],
      [1, 0, 0],
      [
        { start: 0, end: 1, type: PER },
        { start: 1, end: 3, type: LOC },
      ],
    ],
    [
      'B without L is closed by O',
      [makeLabel(ORG, B), makeLabel(ORG, I), 0],
      [1, 0, 0],
      [{ start: 0, end: 2, type: ORG }],
    ],
    [
      'I of another type opens a new span',
      [makeLabel(ORG, B), makeLabel(LOC, I), makeLabel(LOC, L)],
      [1, 0, 0],
      [
        { start: 0, end: 1, type: ORG },
        { start: 1, end: 3, type: LOC },
      ],
    ],
    [
      'a sentence start closes an open span',
      [makeLabel(PER, B), makeLabel(PER, I), makeLabel(PER, L)],
      [1, 0, 1],
      [
        { start: 0, end: 2, type: PER },
        { start: 2, end: 3, type: PER },
      ],
    ],
  ])('%s', (_name, labels, first, spans) => {
    // Act
    const out = labelsToSpans(labels, first);

    // Assess
    expect(out).toEqual(spans);
  });

  it('spansToLabels is the inverse of labelsToSpans on well-formed spans', () => {
    // Prepare
    const spans: LabelSpan[] = [
      { start: 0, end: 2, type: PER },
      { start: 3, end: 4, type: LOC },
      { start: 5, end: 8, type: ORG },
    ];

    // Act
    const labels = spansToLabels(9, spans);

    // Assess
    expect([...labels].map(labelName)).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
    expect(labelsToSpans(labels, new Uint8Array(9))).toEqual(spans);
  });
});

describe('greedyDecode', () => {
  it('follows the weights, including label-history features', () => {
    // Prepare: a hand-made model: the word "nuland" is U-PER; "victoria" is B-PER; any token after B-PER is L-PER
    const rows = new FeatureIndex();
    const w = new Float64Array(4 * N_LABELS);
    const put = (row: number, h: number, label: number, v: number) => {
      rows.set(h, row);
      w[row * N_LABELS + label] = v;
    };
    put(0, f1(TEMPLATES.w, 'nuland'), makeLabel(PER, U), 5);
    put(1, f1(TEMPLATES.w, 'victoria'), makeLabel(PER, B), 5);
    put(2, f1(TEMPLATES.p1, String(makeLabel(PER, B))), makeLabel(PER, L), 10); // previous label B-PER
    put(3, f1(TEMPLATES.bias, ''), 0, 1); // bias towards O
    const doc = [
      ['Victoria', 'Nuland', 'spoke', '.'],
      ['Nuland', 'left', '.'],
    ];

    // Act
    const labels = greedyDecode(computeDocFeatures(doc, null), { rows, w });

    // Assess
    expect([...labels].map(labelName)).toEqual(['B-PER', 'L-PER', 'O', 'O', 'U-PER', 'O', 'O']);
  });

  it('finds every stored hash and nothing else in the feature index', () => {
    // Prepare
    const index = new FeatureIndex(2);
    const hashes = Array.from({ length: 500 }, (_, i) => f1(1, `w${i}`));

    // Act
    for (const [i, h] of hashes.entries()) index.set(h, i);

    // Assess
    expect(hashes.map((h) => index.get(h))).toEqual(hashes.map((_, i) => i));
    expect(index.get(f1(1, 'absent'))).toBe(-1);
    expect(index.size).toBe(500);
  });
});
