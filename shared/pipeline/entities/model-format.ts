/**
 * The binary model format (before deflate + base64), little-endian, every array at a multiple of 4 bytes:
 *   'NER2' | u32 header length | header JSON (UTF-8), zero-padded to 4 bytes
 *   | u32 feature count n | u32 bucket count nb | n sorted feature hashes (u32) | nb + 1 bucket starts (i32)
 *   | int8 weights, N_LABELS per feature, zero-padded to 4 bytes
 *   | u32 gazetteer entry count g | u32 bucket count gb | g sorted phrase hashes (u32) | g category masks (i32)
 *   | gb + 1 bucket starts (i32)
 * The bucket starts are `bucketStarts` of the hashes (hashtable.ts): loading is a few typed-array views of the
 * inflated bytes, with no per-entry work, so a cold process decodes the model in well under a millisecond.
 * The older 'NER1' (hashes and masks as varints, no bucket starts) still decodes.
 * Weight = sign(q) × header.scale × (|q| / 127)^(1 / header.power) for int8 q (companded quantisation: fine steps for
 * the many small weights, coarse for the few large ones).
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import type { WeightTable } from './decoder.ts';
import { type Gazetteer, N_LABELS } from './features.ts';
import { bucketStarts, SortedU32Index, type U32Lookup } from './hashtable.ts';
import { buildRunTables, type RunTables } from './tagger.ts';

export interface ModelHeader {
  version: string;
  /** Magnitude of the int8 value 127. */
  scale: number;
  /** Companding exponent (1 = linear). */
  power: number;
  labels: number;
  /** Gazetteer category names, bit i = categories[i]. */
  categories: string[];
  /** Free-form training facts (data, epochs, dev scores). */
  training: Record<string, string | number>;
}

export interface Model extends WeightTable {
  header: ModelHeader;
  /** Dense weights (`lut[q[i] + 128]`), materialised on first read. */
  readonly w: Float32Array;
  /** Quantised weights, N_LABELS per row. */
  q: Int8Array;
  /** int8 → weight. */
  lut: Float32Array;
  /** Phrase hash → category mask (see features.ts `Gazetteer`). */
  gazetteer: U32Lookup;
  /** Tables of the fast run-time tagger; null when this model's weights cannot be summed exactly in any order. */
  run: RunTables | null;
}

const MAGIC = 0x3152454e; // 'NER1' little-endian
const MAGIC2 = 0x3252454e; // 'NER2' little-endian
/** Typed-array views read the platform's byte order: little-endian on every Lambda and Node target we run on. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function quantizeWeight(x: number, scale: number, power: number, prune: number): number {
  let v = Math.sign(x) * Math.round(127 * (Math.abs(x) / scale) ** power);
  if (v > 127) v = 127;
  if (v < -127) v = -127;
  return Math.abs(v) < prune ? 0 : v;
}

export function dequantize(v: number, scale: number, power: number): number {
  return Math.sign(v) * scale * (Math.abs(v) / 127) ** (1 / power);
}

export function encodeModelBytes(
  header: ModelHeader,
  hashes: Uint32Array,
  weights: Int8Array,
  gazetteer: Gazetteer | null,
): Uint8Array {
  if (weights.length !== hashes.length * N_LABELS) throw new Error('weights/hashes size mismatch');
  const assertSorted = (keys: ArrayLike<number>): void => {
    for (let i = 1; i < keys.length; i++) {
      if (keys[i]! <= keys[i - 1]!) throw new Error('hashes must be sorted and unique');
    }
  };
  assertSorted(hashes);
  const gaz = gazetteer ? gazetteer.entries() : [];
  const gazKeys = Uint32Array.from(gaz, (e) => e[0]);
  assertSorted(gazKeys);
  const gazMasks = Int32Array.from(gaz, (e) => e[1]);
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const rowStarts = bucketStarts(hashes);
  const gazStarts = bucketStarts(gazKeys);
  const pad4 = (x: number): number => (x + 3) & ~3;
  const size =
    8 +
    pad4(headerBytes.length) +
    8 +
    hashes.length * 4 +
    rowStarts.length * 4 +
    pad4(weights.length) +
    8 +
    gazKeys.length * 8 +
    gazStarts.length * 4;
  const out = Buffer.alloc(size);
  let o = 0;
  const u32 = (x: number): void => {
    out.writeUInt32LE(x >>> 0, o);
    o += 4;
  };
  const i32s = (xs: ArrayLike<number>): void => {
    for (let i = 0; i < xs.length; i++) {
      out.writeInt32LE(xs[i]! | 0, o);
      o += 4;
    }
  };
  const u32s = (xs: ArrayLike<number>): void => {
    for (let i = 0; i < xs.length; i++) u32(xs[i]!);
  };
  u32(MAGIC2);
  u32(headerBytes.length);
  headerBytes.copy(out, o);
  o += pad4(headerBytes.length);
  u32(hashes.length);
  u32(rowStarts.length - 1);
  u32s(hashes);
  i32s(rowStarts);
  Buffer.from(weights.buffer, weights.byteOffset, weights.length).copy(out, o);
  o += pad4(weights.length);
  u32(gazKeys.length);
  u32(gazStarts.length - 1);
  u32s(gazKeys);
  i32s(gazMasks);
  i32s(gazStarts);
  if (o !== size) throw new Error('model size mismatch');
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Read `out.length` varints (each < 2^32) from `buf` at `o`, prefix sums when `delta`; returns the new offset.
 * Pure int32 bit arithmetic (wrapping adds give the exact uint32 sums): no overflow deoptimisation while the model
 * loads in a cold process.
 */
function readVarints(buf: Uint8Array, o: number, out: Uint32Array, delta: boolean): number {
  let acc = 0;
  for (let i = 0; i < out.length; i++) {
    let b = buf[o++]!;
    let d = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = buf[o++]!;
      d |= (b & 0x7f) << shift;
    }
    acc = delta ? (acc + d) | 0 : d;
    out[i] = acc;
  }
  return o;
}

/**
 * Dequantisation table: weight of int8 q is `lut[q + 128]`. Float32, so a sum of up to 2^7 weights in a float64 is
 * exact (order-independent) whenever the table's magnitudes span few enough binary orders (see `exactSums`).
 */
function dequantTable(header: ModelHeader): Float32Array {
  const lut = new Float32Array(256);
  for (let v = -127; v <= 127; v++) lut[v + 128] = dequantize(v, header.scale, header.power);
  return lut;
}

/**
 * Can float64 sums of up to 2^7 of these float32 weights be computed exactly, in any order? True when every
 * partial sum fits the 53-bit mantissa: (binary orders between the smallest and the largest magnitude) + 24
 * mantissa bits + 7 bits of count + 1. (A token's score sums at most 119 weights: 112 static features — 17 of them
 * document context, 64 gazetteer — and 7 label-history features, see features.ts.) The shipped model's table spans
 * 14 binary orders (square-root companding), far inside the limit.
 */
function exactSums(lut: Float32Array): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let i = 0; i < lut.length; i++) {
    const a = Math.abs(lut[i]!);
    if (a === 0) continue;
    if (!Number.isFinite(a)) return false;
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
  }
  if (hi === 0) return true;
  return Math.floor(Math.log2(hi)) - Math.floor(Math.log2(lo)) + 1 + 24 + 7 + 1 <= 53;
}

class LoadedModel implements Model {
  private dense: Float32Array | null = null;
  readonly run: RunTables | null;
  constructor(
    readonly header: ModelHeader,
    readonly rows: U32Lookup,
    readonly q: Int8Array,
    readonly lut: Float32Array,
    readonly gazetteer: U32Lookup,
  ) {
    this.run = exactSums(lut) ? buildRunTables(rows, q, lut) : null;
  }
  /** Dense float weights, materialised on first use (training-time evaluation, the reference decoder). */
  get w(): Float32Array {
    if (!this.dense) {
      const { q, lut } = this;
      const w = new Float32Array(q.length);
      for (let i = 0; i < w.length; i++) w[i] = lut[q[i]! + 128]!;
      this.dense = w;
    }
    return this.dense;
  }
}

export function decodeModelBytes(bytes: Uint8Array): Model {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const magic = buf.readUInt32LE(0);
  if (magic === MAGIC2) return decodeModel2(buf);
  if (magic !== MAGIC) throw new Error('not an entity model');
  let o = 4;
  const hl = buf.readUInt32LE(o);
  o += 4;
  const header = JSON.parse(buf.toString('utf8', o, o + hl)) as ModelHeader;
  o += hl;
  const n = buf.readUInt32LE(o);
  o += 4;
  const hashes = new Uint32Array(n);
  o = readVarints(buf, o, hashes, true);
  // row r holds the weights of the r-th smallest hash
  const rows = new SortedU32Index(hashes);
  const q = new Int8Array(buf.buffer, buf.byteOffset + o, n * N_LABELS);
  o += n * N_LABELS;
  const ng = buf.readUInt32LE(o);
  o += 4;
  const keys = new Uint32Array(ng);
  o = readVarints(buf, o, keys, true);
  const masks = new Uint32Array(ng); // (one element type for readVarints: it stays optimised)
  o = readVarints(buf, o, masks, false);
  const gazetteer = new SortedU32Index(keys, new Int32Array(masks.buffer));
  return new LoadedModel(header, rows, q, dequantTable(header), gazetteer);
}

/** 'NER2': views of the bytes (copied once when they are not 4-byte aligned or the platform is big-endian). */
function decodeModel2(input: Buffer): Model {
  const buf = input.byteOffset % 4 === 0 ? input : Buffer.from(input);
  let o = 4;
  const hl = buf.readUInt32LE(o);
  o += 4;
  const header = JSON.parse(buf.toString('utf8', o, o + hl)) as ModelHeader;
  o += (hl + 3) & ~3;
  /** The next `count` 32-bit values: a view of the bytes on little-endian platforms, else a copy. */
  const next32 = <T extends Uint32Array | Int32Array>(
    Type: { new (b: ArrayBufferLike, at: number, n: number): T; from(x: ArrayLike<number>): T },
    read: (at: number) => number,
    count: number,
  ): T => {
    const at = o;
    const view = LITTLE_ENDIAN
      ? new Type(buf.buffer, buf.byteOffset + at, count)
      : Type.from(Array.from({ length: count }, (_, i) => read(at + i * 4)));
    o += count * 4;
    return view;
  };
  const u32s = (count: number) => next32(Uint32Array, (at) => buf.readUInt32LE(at), count);
  const i32s = (count: number) => next32(Int32Array, (at) => buf.readInt32LE(at), count);
  const n = buf.readUInt32LE(o);
  const nb = buf.readUInt32LE(o + 4);
  o += 8;
  const hashes = u32s(n);
  const rows = new SortedU32Index(hashes, null, i32s(nb + 1));
  const q = new Int8Array(buf.buffer, buf.byteOffset + o, n * N_LABELS);
  o += (n * N_LABELS + 3) & ~3;
  const ng = buf.readUInt32LE(o);
  const gb = buf.readUInt32LE(o + 4);
  o += 8;
  const keys = u32s(ng);
  const masks = i32s(ng);
  const gazetteer = new SortedU32Index(keys, masks, i32s(gb + 1));
  if (o !== buf.length) throw new Error('entity model: unexpected size');
  return new LoadedModel(header, rows, q, dequantTable(header), gazetteer);
}

/** Inverse of the build step: base64 → inflate → model. */
export function loadModelBase64(b64: string): Model {
  return decodeModelBytes(inflateRawSync(Buffer.from(b64, 'base64')));
}
