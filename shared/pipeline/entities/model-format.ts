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
import { FeatureIndex, type WeightTable } from './decoder.ts';
import { type Gazetteer, N_LABELS } from './features.ts';

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
  w: Float32Array;
  gazetteer: Gazetteer;
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

/** Read `out.length` varints from `buf` at `o` (prefix sums when `delta`); returns the new offset. */
function readVarints(buf: Uint8Array, o: number, out: Float64Array, delta: boolean): number {
  let acc = 0;
  for (let i = 0; i < out.length; i++) {
    let d = 0;
    let mul = 1;
    for (;;) {
      const b = buf[o++]!;
      d += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    acc = delta ? acc + d : d;
    out[i] = acc;
  }
  return o;
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
  const hashes = new Float64Array(n);
  o = readVarints(buf, o, hashes, true);
  const rows = new FeatureIndex(n);
  for (let r = 0; r < n; r++) rows.set(hashes[r]!, r);
  const q = new Int8Array(buf.buffer, buf.byteOffset + o, n * N_LABELS);
  const lut = new Float32Array(256);
  for (let v = -127; v <= 127; v++) lut[v + 128] = dequantize(v, header.scale, header.power);
  const w = new Float32Array(n * N_LABELS);
  for (let i = 0; i < w.length; i++) w[i] = lut[q[i]! + 128]!;
  o += n * N_LABELS;
  const ng = buf.readUInt32LE(o);
  o += 4;
  const keys = new Float64Array(ng);
  o = readVarints(buf, o, keys, true);
  const masks = new Float64Array(ng);
  o = readVarints(buf, o, masks, false);
  const gazetteer: Gazetteer = new FeatureIndex(ng);
  for (let i = 0; i < ng; i++) gazetteer.set(keys[i]!, masks[i]!);
  return { header, rows, w, gazetteer };
}

/** Inverse of the build step: base64 → inflate → model. */
export function loadModelBase64(b64: string): Model {
  return decodeModelBytes(inflateRawSync(Buffer.from(b64, 'base64')));
}
