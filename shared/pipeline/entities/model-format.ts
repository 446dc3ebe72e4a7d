/**
 * The binary model format (before deflate + base64):
 *   'NER1' | u32 header length | header JSON (UTF-8)
 *   | u32 feature count | sorted feature hashes as varint deltas | int8 weights, N_LABELS per feature
 *   | u32 gazetteer entry count | sorted phrase hashes as varint deltas | category masks as varints
 * Weight = sign(q) × header.scale × (|q| / 127)^(1 / header.power) for int8 q (companded quantisation: fine steps for
 * the many small weights, coarse for the few large ones).
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import type { WeightTable } from './decoder.ts';
import { type Gazetteer, N_LABELS } from './features.ts';
import { SortedU32Index, type U32Lookup } from './hashtable.ts';
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
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const varints: number[] = [];
  const pushVarint = (x: number): void => {
    let d = x;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    varints.push(d);
  };
  const pushSortedKeys = (keys: ArrayLike<number>): void => {
    let prev = 0;
    for (let i = 0; i < keys.length; i++) {
      const h = keys[i]!;
      if (h < prev || (i > 0 && h === prev)) throw new Error('hashes must be sorted and unique');
      pushVarint(h - prev);
      prev = h;
    }
  };
  pushSortedKeys(hashes);
  const hashBytes = varints.splice(0);
  const gaz = gazetteer ? gazetteer.entries() : [];
  pushSortedKeys(gaz.map((e) => e[0]));
  for (const [, mask] of gaz) pushVarint(mask);
  const gazBytes = varints.splice(0);
  const out = Buffer.alloc(8 + headerBytes.length + 4 + hashBytes.length + weights.length + 4 + gazBytes.length);
  let o = 0;
  out.writeUInt32LE(MAGIC, o);
  o += 4;
  out.writeUInt32LE(headerBytes.length, o);
  o += 4;
  headerBytes.copy(out, o);
  o += headerBytes.length;
  out.writeUInt32LE(hashes.length, o);
  o += 4;
  Buffer.from(hashBytes).copy(out, o);
  o += hashBytes.length;
  Buffer.from(weights.buffer, weights.byteOffset, weights.length).copy(out, o);
  o += weights.length;
  out.writeUInt32LE(gaz.length, o);
  o += 4;
  Buffer.from(gazBytes).copy(out, o);
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
  let o = 0;
  if (buf.readUInt32LE(o) !== MAGIC) throw new Error('not an entity model');
  o += 4;
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

/** Inverse of the build step: base64 → inflate → model. */
export function loadModelBase64(b64: string): Model {
  return decodeModelBytes(inflateRawSync(Buffer.from(b64, 'base64')));
}
