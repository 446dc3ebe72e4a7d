import { Buffer } from 'node:buffer';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { N_LABELS, newGazetteer } from '../../shared/pipeline/entities/features.ts';
import type { U32Map } from '../../shared/pipeline/entities/hashtable.ts';
import {
  decodeModelBytes,
  encodeModelBytes,
  loadModelBase64,
  type Model,
  type ModelHeader,
} from '../../shared/pipeline/entities/model-format.ts';

const HEADER: ModelHeader = {
  version: 'test-1',
  scale: 2,
  power: 0.5,
  labels: N_LABELS,
  categories: ['city', 'country'],
  training: {},
};
/** Feature hashes (sorted, with the edge values 0 and 2^32 - 1) and each one's first weight. */
const FEATURES: Array<[number, number]> = [
  [0, 5],
  [7, -3],
  [0x1234_5678, 127],
  [0x8000_0000, -127],
  [0xffff_ffff, 1],
];
/** Gazetteer phrase hashes and category masks. */
const PHRASES: Array<[number, number]> = [
  [3, 1],
  [0x9abc_def0, 3],
  [0xffff_fff0, 2],
];

function weights(): Int8Array {
  const w = new Int8Array(FEATURES.length * N_LABELS);
  FEATURES.forEach(([, first], r) => {
    w[r * N_LABELS] = first;
    w[r * N_LABELS + N_LABELS - 1] = -first;
  });
  return w;
}

/** The older NER1 layout (varint hashes, no bucket starts), written by hand. */
function ner1Bytes(): Uint8Array {
  const out: number[] = [];
  const u32 = (x: number) => out.push(x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24);
  const varint = (x: number) => {
    let d = x;
    while (d >= 0x80) {
      out.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    out.push(d);
  };
  const header = Buffer.from(JSON.stringify(HEADER), 'utf8');
  u32(0x3152454e);
  u32(header.length);
  out.push(...header);
  u32(FEATURES.length);
  FEATURES.forEach(([h], i) => {
    varint(h - (i > 0 ? FEATURES[i - 1]![0] : 0));
  });
  out.push(...new Uint8Array(weights().buffer));
  u32(PHRASES.length);
  PHRASES.forEach(([h], i) => {
    varint(h - (i > 0 ? PHRASES[i - 1]![0] : 0));
  });
  for (const [, mask] of PHRASES) varint(mask);
  return Uint8Array.from(out);
}

function gazetteer(): U32Map {
  const g = newGazetteer();
  for (const [h, mask] of PHRASES) g.set(h, mask);
  return g;
}

/** What a model answers: each feature's row and weights, each phrase's mask, and misses. */
function answers(model: Model) {
  return {
    version: model.header.version,
    rows: FEATURES.map(([h]) => model.rows.get(h)),
    firstWeights: FEATURES.map((_, r) => [model.q[r * N_LABELS], model.q[r * N_LABELS + N_LABELS - 1]]),
    phrases: PHRASES.map(([h]) => model.gazetteer.get(h)),
    misses: [1, 8, 0x7fff_ffff, 0xffff_fffe].map((h) => [model.rows.get(h), model.gazetteer.get(h)]),
  };
}

const EXPECTED = {
  version: 'test-1',
  rows: [0, 1, 2, 3, 4],
  firstWeights: FEATURES.map(([, first]) => [first, -first]),
  phrases: [1, 3, 2],
  misses: [
    [-1, -1],
    [-1, -1],
    [-1, -1],
    [-1, -1],
  ],
};

describe('entity model binary format', () => {
  it.each([
    [
      'NER2, as encodeModelBytes writes it',
      () =>
        encodeModelBytes(
          HEADER,
          Uint32Array.from(FEATURES, (f) => f[0]),
          weights(),
          gazetteer(),
        ),
    ],
    ['NER1, the older layout', ner1Bytes],
  ])('%s decodes to the same rows, weights and gazetteer', (_name, bytes) => {
    // Act
    const model = decodeModelBytes(bytes());

    // Assess
    expect(answers(model)).toEqual(EXPECTED);
  });

  it('loads a deflated, base64-encoded model as the generated module ships it', () => {
    // Prepare
    const bytes = encodeModelBytes(
      HEADER,
      Uint32Array.from(FEATURES, (f) => f[0]),
      weights(),
      gazetteer(),
    );
    const b64 = deflateRawSync(bytes).toString('base64');

    // Act
    const model = loadModelBase64(b64);

    // Assess
    expect(answers(model)).toEqual(EXPECTED);
  });

  it('rejects unsorted feature hashes', () => {
    // Act
    const encode = () => encodeModelBytes(HEADER, Uint32Array.of(9, 3), new Int8Array(2 * N_LABELS), null);

    // Assess
    expect(encode).toThrow(/sorted/);
  });
});
