/**
 * The binary model format (before deflate + base64):
 *   'NER1' | u32 header length | header JSON (UTF-8)
 *   | u32 feature count | sorted feature hashes as varint deltas | int8 weights, N_LABELS per feature
 *   | u32 gazetteer byte length | gazetteer lines `mask<TAB>phrase\n` (UTF-8)
 * Weight = sign(q) × header.scale × (|q| / 127)^(1 / header.power) for int8 q (companded quantisation: fine steps for
 * the many small weights, coarse for the few large ones).
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { FeatureIndex, type WeightTable } from './decoder.ts';
import { addPhrase, type Gazetteer, N_LABELS } from './features.ts';

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
  gazLines: readonly string[],
): Uint8Array {
  if (weights.length !== hashes.length * N_LABELS) throw new Error('weights/hashes size mismatch');
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const varints: number[] = [];
  let prev = 0;
  for (const h of hashes) {
    let d = h - prev;
    if (d < 0 || (prev !== 0 && d === 0)) throw new Error('hashes must be sorted and unique');
    prev = h;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    varints.push(d);
  }
  const gazBytes = Buffer.from(gazLines.join(''), 'utf8');
  const out = Buffer.alloc(8 + headerBytes.length + 4 + varints.length + weights.length + 4 + gazBytes.length);
  let o = 0;
  out.writeUInt32LE(MAGIC, o);
  o += 4;
  out.writeUInt32LE(headerBytes.length, o);
  o += 4;
  headerBytes.copy(out, o);
  o += headerBytes.length;
  out.writeUInt32LE(hashes.length, o);
  o += 4;
  Buffer.from(varints).copy(out, o);
  o += varints.length;
  Buffer.from(weights.buffer, weights.byteOffset, weights.length).copy(out, o);
  o += weights.length;
  out.writeUInt32LE(gazBytes.length, o);
  o += 4;
  gazBytes.copy(out, o);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
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
  const rows = new FeatureIndex(n);
  let h = 0;
  for (let r = 0; r < n; r++) {
    let d = 0;
    let mul = 1;
    for (;;) {
      const b = buf[o++]!;
      d += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    h += d;
    rows.set(h, r);
  }
  const q = new Int8Array(buf.buffer, buf.byteOffset + o, n * N_LABELS);
  const lut = new Float32Array(256);
  for (let v = -127; v <= 127; v++) lut[v + 128] = dequantize(v, header.scale, header.power);
  const w = new Float32Array(n * N_LABELS);
  for (let i = 0; i < w.length; i++) w[i] = lut[q[i]! + 128]!;
  o += n * N_LABELS;
  const gl = buf.readUInt32LE(o);
  o += 4;
  const gazetteer: Gazetteer = new Map();
  for (const line of buf.toString('utf8', o, o + gl).split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    addPhrase(gazetteer, line.slice(tab + 1).split(' '), Number(line.slice(0, tab)));
  }
  return { header, rows, w, gazetteer };
}

/** Inverse of the build step: base64 → inflate → model. */
export function loadModelBase64(b64: string): Model {
  return decodeModelBytes(inflateRawSync(Buffer.from(b64, 'base64')));
}
