/**
 * Run-time tagging: text → tokens → sentences → features → greedy BILOU decoding → typed mentions.
 *
 * The fast path computes exactly the scores of `computeDocFeatures` + `greedyDecode` (the reference, also used by
 * training) without materialising per-token feature hashes: the features that depend only on a token's text (its
 * word features, and what it contributes as the left/right neighbour of another token) are summed into one score
 * vector per distinct token of the document; label-history features come from vectors precomputed per model; the
 * remaining features are hashed from cached prefix states. Regrouping the sums is exact because the model's
 * weights are float32 values whose float64 sums (≤ 2^7 terms) never round (`Model.run` is null otherwise, and
 * the reference path is used).
 */
import { type Sentence, splitSentences, type Token, tokenize } from '../tokenize.ts';
import type { EntityType, Mention } from '../types.ts';
import { greedyDecode, labelsToSpans } from './decoder.ts';
import {
  BIAS_FEATURE,
  BOS,
  BOS_LABEL,
  CATEGORY_MASK,
  computeDocFeatures,
  docCtxPrefix,
  EOS,
  FNV_PRIME,
  f1,
  f2,
  f2Prefix,
  f3,
  f3Prefix,
  hashFrom,
  isCapitalised,
  isLowerWord,
  LABEL_STR,
  labelType,
  lengthFeature,
  MAX_CATEGORIES,
  MAX_PHRASE_TOKENS,
  MEMORY_STR,
  N_LABELS,
  normalizeToken,
  PHRASE_SEED,
  phraseStep,
  SHAPE_SEED,
  SMALL_INT,
  TEMPLATES as T,
  textFeatures,
  wordShape,
} from './features.ts';
import type { U32Lookup } from './hashtable.ts';
import type { Model } from './model-format.ts';

const TYPE_NAMES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

const CLITIC_RE = /^['’](?:s|re|ve|ll|d|m)$|^n['’]t$/i;

function isNameToken(t: string): boolean {
  return /[\p{L}\p{N}]/u.test(t) && !CLITIC_RE.test(t);
}

/** Is token `i` a `)` matching a `(` inside the span [s, i)? (`Mladost (L)` keeps its bracket.) */
function closesBracket(flat: readonly Token[], s: number, i: number): boolean {
  if (flat[i]!.text !== ')') return false;
  for (let k = s; k < i; k++) if (flat[k]!.text === '(') return true;
  return false;
}

/** Documents longer than this many tokens are tagged in chunks of whole sentences (bounded memory). */
export const MAX_CHUNK_TOKENS = 50_000;

/** Tag `text` with `model`: one mention per entity occurrence, offsets into `text`. */
export function tagWithModel(model: Model, text: string): Mention[] {
  const sentences = splitSentences(text, tokenize(text));
  const out: Mention[] = [];
  let chunk: Sentence[] = [];
  let size = 0;
  for (const s of sentences) {
    if (size + s.tokens.length > MAX_CHUNK_TOKENS && chunk.length > 0) {
      tagChunk(model, text, chunk, out);
      chunk = [];
      size = 0;
    }
    chunk.push(s);
    size += s.tokens.length;
  }
  if (chunk.length > 0) tagChunk(model, text, chunk, out);
  return out;
}

/** Reference labels of a chunk: the feature hashes and decoder training uses. */
export function referenceLabels(model: Model, sentences: readonly Sentence[]): Uint8Array {
  const feats = computeDocFeatures(
    sentences.map((s) => s.tokens.map((t) => t.text)),
    model.gazetteer,
  );
  return greedyDecode(feats, model);
}

/** Labels of a chunk of `n` tokens: the fast path when the model allows it (same result as `referenceLabels`). */
export function chunkLabels(model: Model, sentences: readonly Sentence[], n: number): Uint8Array {
  return model.run ? fastLabels(model.run, model.gazetteer, sentences, n) : referenceLabels(model, sentences);
}

function tagChunk(model: Model, text: string, sentences: readonly Sentence[], out: Mention[]): void {
  const flat: Token[] = [];
  const first: number[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.tokens.length; i++) {
      flat.push(s.tokens[i]!);
      first.push(i === 0 ? 1 : 0);
    }
  }
  const labels = chunkLabels(model, sentences, flat.length);
  for (const span of labelsToSpans(labels, first)) {
    // never start or end a name on punctuation or a clitic (`'s`)
    let s = span.start;
    let e = span.end;
    while (s < e && !isNameToken(flat[s]!.text)) s++;
    while (e > s && !isNameToken(flat[e - 1]!.text) && !closesBracket(flat, s, e - 1)) e--;
    if (e <= s) continue;
    const a = flat[s]!;
    const b = flat[e - 1]!;
    out.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), type: TYPE_NAMES[span.type]! });
  }
}

// ---------------------------------------------------------------- per-model tables

const NL = N_LABELS;
// The hot loops below are written for 17 labels (literal bounds: V8 optimises them best).
if (NL !== 17) throw new Error('tagger.ts assumes 17 labels');
/** Label history values: the labels and BOS_LABEL. */
const NH = N_LABELS + 1;
const N_MEMORY = MEMORY_STR.length;
const GAZ_SLOTS = MAX_CATEGORIES * 4;

/** Constant score vectors, rows and hash prefix states of one model, for the fast tagger (built once at load). */
export interface RunTables {
  rows: U32Lookup;
  /**
   * The quantised weights as bytes, and the weight of each byte (`lut[int8 + 128]`, as a float64). `qb` ends with
   * one row of zero bytes (weight 0), `zeroRow`: it stands for a feature the model lacks where a sum takes a fixed
   * number of rows.
   */
  qb: Uint8Array;
  w8: Float64Array;
  zeroRow: number;
  /** Score vectors (NL each) at the offsets below. */
  v: Float64Array;
  /** (p1 * NH + p2) * NL: p1, p2, p12 features. */
  pair: number;
  /** + memory * NL: docPrev. */
  docPrev: number;
  headline: number;
  /** + pos * NL (pos: 0 headline, 1 first, 2 mid-sentence): docLower, docCapMid. */
  docLower: number;
  docCapMid: number;
  /**
   * + 4 * NL: neighbour features at sentence edges, four vectors in this order: word and shape -1, word and shape
   * +1, word -2, word +2 (each document's score vectors start with a copy, at EDGE_M1 … EDGE_P2).
   */
  edges: number;
  biasRow: number;
  /** Row of the length feature, by min(length, 8). */
  lenRow: Int32Array;
  /** Rows of gazetteer features: gaz[(slot) * 2 + capitalised], gazM1[slot], gazP1[slot], slot = category * 4 + pos. */
  gaz: Int32Array;
  gazM1: Int32Array;
  gazP1: Int32Array;
  /** Prefix states: gazNext[slot] (then the next shape), p1w/p1s[label], docPrevS[memory], bigram after BOS. */
  gazNext: Int32Array;
  p1w: Int32Array;
  p1s: Int32Array;
  docPrevS: Int32Array;
  bimBos: number;
  ctxPrev: number;
  ctxNext: number;
  ctxPrevBos: number;
  ctxNextEos: number;
}

/** v[off ..] += weights of row r (none when r < 0). */
function addRow(v: Float64Array, off: number, r: number, qb: Uint8Array, w8: Float64Array): void {
  if (r < 0) return;
  const base = r * 17;
  for (let l = 0; l < 17; l++) v[off + l]! += w8[qb[base + l]!]!;
}

/** Start in `qb` of row `r`, or of the zero row when `r` is -1 (a feature the model lacks). */
function rowStart(r: number, zeroRow: number): number {
  return (r < 0 ? zeroRow : r) * 17;
}

/** Row of feature hash `h`, or `zeroRow` when the model lacks the feature. */
function rowOrZero(rows: U32Lookup, h: number, zeroRow: number): number {
  const r = rows.get(h);
  return r < 0 ? zeroRow : r;
}

function addVec(scores: Float64Array, v: Float64Array, off: number): void {
  for (let l = 0; l < 17; l++) scores[l]! += v[off + l]!;
}

export function buildRunTables(rows: U32Lookup, q: Int8Array, lut: Float32Array): RunTables {
  const zeroRow = q.length / NL;
  const qb = new Uint8Array(q.length + NL);
  qb.set(new Uint8Array(q.buffer, q.byteOffset, q.length));
  const w8 = new Float64Array(256);
  for (let b = 0; b < 256; b++) w8[b] = lut[((b << 24) >> 24) + 128]!;
  if (w8[0] !== 0) throw new Error('the zero row needs a zero weight for byte 0');
  let nv = 0;
  const at = (count: number): number => {
    const o = nv * NL;
    nv += count;
    return o;
  };
  const pair = at(NH * NH);
  const docPrev = at(N_MEMORY);
  const headline = at(1);
  const docLower = at(3);
  const docCapMid = at(3);
  const edges = at(4);
  const edgeM1 = edges;
  const edgeP1 = edges + NL;
  const edgeM2 = edges + 2 * NL;
  const edgeP2 = edges + 3 * NL;
  const v = new Float64Array(nv * NL);
  const add = (off: number, h: number): void => addRow(v, off, rows.get(h), qb, w8);
  const p1 = new Float64Array(NH * NL);
  const p2 = new Float64Array(NH * NL);
  for (let a = 0; a < NH; a++) {
    addRow(p1, a * NL, rows.get(f1(T.p1, LABEL_STR[a]!)), qb, w8);
    addRow(p2, a * NL, rows.get(f1(T.p2, LABEL_STR[a]!)), qb, w8);
  }
  for (let a = 0; a < NH; a++) {
    for (let b = 0; b < NH; b++) {
      const o = pair + (a * NH + b) * NL;
      for (let l = 0; l < NL; l++) v[o + l] = p1[a * NL + l]! + p2[b * NL + l]!;
      add(o, f2(T.p12, LABEL_STR[a]!, LABEL_STR[b]!));
    }
  }
  for (let m = 0; m < N_MEMORY; m++) add(docPrev + m * NL, f1(T.docPrev, MEMORY_STR[m]!));
  add(headline, f1(T.headline, ''));
  ['h', 'f', 'm'].forEach((pos, i) => {
    add(docLower + i * NL, f1(T.docLower, pos));
    add(docCapMid + i * NL, f1(T.docCapMid, pos));
  });
  add(edgeM1, f1(T.wm1, BOS));
  add(edgeM1, f1(T.sm1, BOS));
  add(edgeP1, f1(T.wp1, EOS));
  add(edgeP1, f1(T.sp1, EOS));
  add(edgeM2, f1(T.wm2, BOS));
  add(edgeP2, f1(T.wp2, EOS));
  const lenRow = new Int32Array(9);
  for (let k = 0; k <= 8; k++) lenRow[k] = rows.get(lengthFeature(k));
  const gaz = new Int32Array(GAZ_SLOTS * 2);
  const gazM1 = new Int32Array(GAZ_SLOTS);
  const gazP1 = new Int32Array(GAZ_SLOTS);
  const gazNext = new Int32Array(GAZ_SLOTS);
  for (let c = 0; c < MAX_CATEGORIES; c++) {
    for (let pos = 0; pos < 4; pos++) {
      const slot = c * 4 + pos;
      const cs = SMALL_INT[c]!;
      const ps = SMALL_INT[pos]!;
      gaz[slot * 2] = rows.get(f3(T.gaz, cs, ps, 'l'));
      gaz[slot * 2 + 1] = rows.get(f3(T.gaz, cs, ps, 'C'));
      gazM1[slot] = rows.get(f2(T.gazM1, cs, ps));
      gazP1[slot] = rows.get(f2(T.gazP1, cs, ps));
      gazNext[slot] = f3Prefix(T.gazNext, cs, ps);
    }
  }
  const p1w = new Int32Array(NH);
  const p1s = new Int32Array(NH);
  for (let a = 0; a < NH; a++) {
    p1w[a] = f2Prefix(T.p1w, LABEL_STR[a]!);
    p1s[a] = f2Prefix(T.p1s, LABEL_STR[a]!);
  }
  const docPrevS = new Int32Array(N_MEMORY);
  for (let m = 0; m < N_MEMORY; m++) docPrevS[m] = f2Prefix(T.docPrevS, MEMORY_STR[m]!);
  const ctxPrev = docCtxPrefix('<');
  const ctxNext = docCtxPrefix('>');
  return {
    rows,
    qb,
    w8,
    zeroRow,
    v,
    pair,
    docPrev,
    headline,
    docLower,
    docCapMid,
    edges,
    biasRow: rows.get(BIAS_FEATURE),
    lenRow,
    gaz,
    gazM1,
    gazP1,
    gazNext,
    p1w,
    p1s,
    docPrevS,
    bimBos: f2Prefix(T.bim, BOS),
    ctxPrev,
    ctxNext,
    ctxPrevBos: hashFrom(ctxPrev, BOS),
    ctxNextEos: hashFrom(ctxNext, EOS),
  };
}

// ---------------------------------------------------------------- fast decoding

/** Token-type flags. */
const UPPER = 1;
const LOWER_WORD = 2;
const CAPITALISED = 4;
/** Rules out an all-caps headline (a lower-case word, or a capitalised word with lower case after its first letter). */
const NOT_HEADLINE = 8;
/** `"` or `:` (a capital after them is not evidence of a name). */
const QUOTE_OR_COLON = 16;

/** Score vectors per token type: own word features, then as the word at -1, +1, -2, +2 of another token. */
const TV = 5 * 17;
const V_M1 = 17;
const V_P1 = 2 * 17;
const V_M2 = 3 * 17;
const V_P2 = 4 * 17;
/** Offsets in a document's score vectors (`V`) of the sentence-edge vectors as neighbours -1, +1, -2, +2. */
const EDGE_M1 = 0;
const EDGE_P1 = 17;
const EDGE_M2 = 2 * 17;
const EDGE_P2 = 3 * 17;
const EDGES = 4 * 17;
/** Feature hashes per token type: up to 11 text features (`textFeatures`), long shape, word as -1, +1, -2, +2. */
const TH = 16;
const H_SHAPE = 11;
const H_M1 = 12;
const H_P1 = 13;
const H_M2 = 14;
const H_P2 = 15;

/**
 * A chunk's tokens as `fastLabels` reads them: per distinct token text a "type", per distinct lower-cased normalised
 * word a "key" (document label memory, document evidence), per distinct short shape a "shape".
 */
interface ChunkTypes {
  /** Type of each token; sentence si is the tokens [sentStart[si], sentStart[si + 1]). */
  tok: Int32Array;
  sentStart: Int32Array;
  nTypes: number;
  /** Per type: normalised text, key, short shape, flags, hash of the long shape feature. */
  tNorm: string[];
  tKey: Int32Array;
  tSh: Int32Array;
  tFlags: Uint8Array;
  tShapeHash: Uint32Array;
  /** Text of each key and of each shape (the shapes of BOS, EOS and a sentence's first word included). */
  kStr: string[];
  sStr: string[];
  bosShape: number;
  eosShape: number;
  firstShape: number;
}

/** Per key: hash prefix states of its word bigrams and document context, its gazetteer phrase hash and entry. */
interface KeyStates {
  bim: Int32Array;
  bip: Int32Array;
  ctxPrev: Float64Array;
  ctxNext: Float64Array;
  phrase: Int32Array;
  gaz: Int32Array;
}

/** Document evidence: the all-caps headline sentences; per key, how it is written elsewhere and its contexts. */
interface Evidence {
  headline: Uint8Array;
  /** 1 seen in lower case, 2 capitalised mid-sentence (outside headlines). */
  seen: Uint8Array;
  /** Hashes of the words around the key's capitalised occurrences (up to 16). */
  ctx: (number[] | undefined)[];
}

/**
 * Labels of a chunk, equal to `referenceLabels` (see the file comment), in passes: token types, per-key hash
 * states, per-type score vectors, document evidence, word bigram rows, then left-to-right decoding. (Separate
 * functions: each is optimised, and inlines its helpers, on its own.)
 */
function fastLabels(run: RunTables, gaz: U32Lookup, sentences: readonly Sentence[], n: number): Uint8Array {
  const c = chunkTypes(sentences, n);
  const keys = keyStates(run, gaz, c);
  const V = scoreVectors(run, c);
  const evidence = documentEvidence(run, c, keys);
  const bigramRow = bigramRows(run, c, keys, n);
  return decode(run, gaz, c, keys, evidence, V, bigramRow, n);
}

/** Pass 0: token types, keys and shapes. */
function chunkTypes(sentences: readonly Sentence[], n: number): ChunkTypes {
  const typeOf = new Map<string, number>();
  const keyOf = new Map<string, number>();
  const shapeOf = new Map<string, number>();
  /** Short shapes of up to 3 ASCII classes, by their codes: 7 bits per class, then the count. */
  const shapeByCode = new Map<number, number>();
  const tNorm: string[] = [];
  const tKey = new Int32Array(n);
  const tSh = new Int32Array(n);
  const tFlags = new Uint8Array(n);
  const tShapeHash = new Uint32Array(n);
  const kStr: string[] = [];
  const sStr: string[] = [];
  const shapeId = (s: string): number => {
    let id = shapeOf.get(s);
    if (id === undefined) {
      id = sStr.length;
      shapeOf.set(s, id);
      sStr.push(s);
    }
    return id;
  };
  const tok = new Int32Array(n);
  const sentStart = new Int32Array(sentences.length + 1);
  let nTypes = 0;
  let t = 0;
  for (let si = 0; si < sentences.length; si++) {
    sentStart[si] = t;
    const tokens = sentences[si]!.tokens;
    for (let ti = 0; ti < tokens.length; ti++) {
      const text = tokens[ti]!.text;
      let id = typeOf.get(text);
      if (id === undefined) {
        id = nTypes++;
        typeOf.set(text, id);
        const w = normalizeToken(text);
        // one pass over the characters: word shape (see `wordShape`; the long shape is only hashed, the short one
        // interned) and, for ASCII words, the case flags
        let h = SHAPE_SEED;
        let last = -1;
        let ns = 0;
        let codes = 0;
        let ascii = true;
        let upperSeen = false;
        let lowerSeen = false;
        let lowerAfterFirst = false;
        for (let i = 0; i < w.length; i++) {
          const code = w.charCodeAt(i);
          if (code >= 128) {
            ascii = false;
            break;
          }
          let c = code;
          if (code >= 48 && code <= 57)
            c = 100; // d
          else if (code >= 65 && code <= 90) {
            c = 88; // X
            upperSeen = true;
          } else if (code >= 97 && code <= 122) {
            c = 120; // x
            lowerSeen = true;
            if (i > 0) lowerAfterFirst = true;
          }
          if (i < 12) h = Math.imul(h ^ c, FNV_PRIME);
          if (c !== last) {
            if (ns < 3) codes |= c << (7 * ns);
            ns++;
          }
          last = c;
        }
        let lw: string;
        let flags: number;
        if (ascii) {
          const first = w.charCodeAt(0);
          const cap = first >= 65 && first <= 90;
          const lowerWord = lowerSeen && !upperSeen;
          lw = upperSeen ? w.toLowerCase() : w;
          flags = (upperSeen ? UPPER : 0) | (lowerWord ? LOWER_WORD : 0) | (cap ? CAPITALISED : 0);
          if (lowerWord || (cap && lowerAfterFirst)) flags |= NOT_HEADLINE;
        } else {
          lw = w.toLowerCase();
          const lowerWord = isLowerWord(w);
          const cap = isCapitalised(w);
          flags = (w !== lw ? UPPER : 0) | (lowerWord ? LOWER_WORD : 0) | (cap ? CAPITALISED : 0);
          if (lowerWord || (w.length > 1 && cap && w.slice(1) !== w.slice(1).toUpperCase())) flags |= NOT_HEADLINE;
        }
        if (w === '"' || w === ':') flags |= QUOTE_OR_COLON;
        let k = keyOf.get(lw);
        if (k === undefined) {
          k = kStr.length;
          keyOf.set(lw, k);
          kStr.push(lw);
        }
        let sh: number;
        if (ascii && ns <= 3) {
          const ck = codes * 4 + ns;
          let s = shapeByCode.get(ck);
          if (s === undefined) {
            s = shapeId(
              ns === 0
                ? ''
                : ns === 1
                  ? String.fromCharCode(codes)
                  : ns === 2
                    ? String.fromCharCode(codes & 127, codes >> 7)
                    : String.fromCharCode(codes & 127, (codes >> 7) & 127, codes >> 14),
            );
            shapeByCode.set(ck, s);
          }
          sh = s;
          tShapeHash[id] = h >>> 0;
        } else {
          const [shape, sshape] = wordShape(w);
          sh = shapeId(sshape);
          tShapeHash[id] = hashFrom(SHAPE_SEED, shape);
        }
        tNorm.push(w);
        tKey[id] = k;
        tSh[id] = sh;
        tFlags[id] = flags;
      }
      tok[t++] = id;
    }
  }
  sentStart[sentences.length] = t;
  const bosShape = shapeId(BOS);
  const eosShape = shapeId(EOS);
  const firstShape = shapeId('f');
  return { tok, sentStart, nTypes, tNorm, tKey, tSh, tFlags, tShapeHash, kStr, sStr, bosShape, eosShape, firstShape };
}

/** Hash states and gazetteer entries of the chunk's keys. */
function keyStates(run: RunTables, gaz: U32Lookup, c: ChunkTypes): KeyStates {
  const nKeys = c.kStr.length;
  const bim = new Int32Array(nKeys);
  const bip = new Int32Array(nKeys);
  const ctxPrev = new Float64Array(nKeys);
  const ctxNext = new Float64Array(nKeys);
  const useGaz = gaz.size > 0;
  const phrase = new Int32Array(nKeys);
  const gazEntry = new Int32Array(nKeys);
  for (let k = 0; k < nKeys; k++) {
    const lw = c.kStr[k]!;
    bim[k] = f2Prefix(T.bim, lw);
    bip[k] = f2Prefix(T.bip, lw);
    ctxPrev[k] = hashFrom(run.ctxPrev, lw);
    ctxNext[k] = hashFrom(run.ctxNext, lw);
    if (useGaz) {
      const h = phraseStep(PHRASE_SEED, lw);
      phrase[k] = h;
      gazEntry[k] = gaz.get(h);
    }
  }
  return { bim, bip, ctxPrev, ctxNext, phrase, gaz: gazEntry };
}

/**
 * The chunk's score vectors: the four sentence-edge vectors (as neighbours -1, +1, -2, +2), then TV per type, then
 * 17 per key (document context, summed in `decode` when first needed). All feature hashes of all types first, then
 * all their lookups in one tight loop (independent cache misses overlap), then the sums.
 */
function scoreVectors(run: RunTables, c: ChunkTypes): Float64Array {
  const { rows, qb, w8, zeroRow } = run;
  const { nTypes, tKey, tSh, tNorm, kStr, sStr } = c;
  const nShapes = sStr.length;
  const sShortRow = new Int32Array(nShapes);
  const sM1Row = new Int32Array(nShapes);
  const sP1Row = new Int32Array(nShapes);
  for (let s = 0; s < nShapes; s++) {
    sShortRow[s] = rows.get(f1(T.shortShape, sStr[s]!));
    sM1Row[s] = rows.get(f1(T.sm1, sStr[s]!));
    sP1Row[s] = rows.get(f1(T.sp1, sStr[s]!));
  }
  const H = new Uint32Array(nTypes * TH);
  const tText = new Uint8Array(nTypes);
  for (let id = 0; id < nTypes; id++) {
    const lw = kStr[tKey[id]!]!;
    const b = id * TH;
    tText[id] = textFeatures(tNorm[id]!, lw, H, b);
    H[b + H_SHAPE] = c.tShapeHash[id]!;
    H[b + H_M1] = f1(T.wm1, lw);
    H[b + H_P1] = f1(T.wp1, lw);
    H[b + H_M2] = f1(T.wm2, lw);
    H[b + H_P2] = f1(T.wp2, lw);
  }
  const R = new Int32Array(H.length);
  for (let i = 0; i < H.length; i++) R[i] = rows.get(H[i]!);
  const V = new Float64Array(EDGES + nTypes * TV + kStr.length * 17);
  V.set(run.v.subarray(run.edges, run.edges + EDGES), EDGE_M1);
  const qBias = rowStart(run.biasRow, zeroRow);
  for (let id = 0; id < nTypes; id++) {
    const sh = tSh[id]!;
    const o = EDGES + id * TV;
    const b = id * TH;
    // The rows every type has (a missing feature is the zero row), in one pass over the labels: as the word itself
    // (bias, long and short shape, length), as the neighbour -1 and +1 (word and shape), -2 and +2 (word).
    const qShape = rowStart(R[b + H_SHAPE]!, zeroRow);
    const qShort = rowStart(sShortRow[sh]!, zeroRow);
    const qLen = rowStart(run.lenRow[Math.min(tNorm[id]!.length, 8)]!, zeroRow);
    const qWm1 = rowStart(R[b + H_M1]!, zeroRow);
    const qSm1 = rowStart(sM1Row[sh]!, zeroRow);
    const qWp1 = rowStart(R[b + H_P1]!, zeroRow);
    const qSp1 = rowStart(sP1Row[sh]!, zeroRow);
    const qWm2 = rowStart(R[b + H_M2]!, zeroRow);
    const qWp2 = rowStart(R[b + H_P2]!, zeroRow);
    for (let l = 0; l < 17; l++) {
      V[o + l] = w8[qb[qBias + l]!]! + w8[qb[qShape + l]!]! + w8[qb[qShort + l]!]! + w8[qb[qLen + l]!]!;
      V[o + V_M1 + l] = w8[qb[qWm1 + l]!]! + w8[qb[qSm1 + l]!]!;
      V[o + V_P1 + l] = w8[qb[qWp1 + l]!]! + w8[qb[qSp1 + l]!]!;
      V[o + V_M2 + l] = w8[qb[qWm2 + l]!]!;
      V[o + V_P2 + l] = w8[qb[qWp2 + l]!]!;
    }
    // then its text features (up to 11, most of them often missing)
    for (let i = b, end = b + tText[id]!; i < end; i++) addRow(V, o, R[i]!, qb, w8);
  }
  return V;
}

/** Pass 1: document evidence (headline sentences; per key, lower-case and mid-sentence uses, contexts). */
function documentEvidence(run: RunTables, c: ChunkTypes, keys: KeyStates): Evidence {
  const { tok, sentStart, tFlags, tKey } = c;
  const nSent = sentStart.length - 1;
  const nKeys = c.kStr.length;
  const headline = new Uint8Array(nSent);
  const kSeen = new Uint8Array(nKeys);
  const kCtx: (number[] | undefined)[] = new Array(nKeys);
  const kCtxPrev = keys.ctxPrev;
  const kCtxNext = keys.ctxNext;
  for (let si = 0; si < nSent; si++) {
    const a = sentStart[si]!;
    const b = sentStart[si + 1]!;
    let letters = 0;
    let head = true;
    for (let i = a; i < b; i++) {
      const f = tFlags[tok[i]!]!;
      if (f & NOT_HEADLINE) {
        head = false;
        break;
      }
      if (f & UPPER) letters++;
    }
    head = head && letters >= 2;
    headline[si] = head ? 1 : 0;
    for (let i = a; i < b; i++) {
      const id = tok[i]!;
      const f = tFlags[id]!;
      const k = tKey[id]!;
      if (f & UPPER) {
        let list = kCtx[k];
        if (!list) {
          list = [];
          kCtx[k] = list;
        }
        if (list.length < 16) {
          const x = i > a ? kCtxPrev[tKey[tok[i - 1]!]!]! : run.ctxPrevBos;
          const y = i + 1 < b ? kCtxNext[tKey[tok[i + 1]!]!]! : run.ctxNextEos;
          if (!list.includes(x)) list.push(x);
          if (!list.includes(y)) list.push(y);
        }
      }
      if (head) continue;
      if (f & LOWER_WORD) kSeen[k]! |= 1;
      else if (i > a && f & CAPITALISED && !(tFlags[tok[i - 1]!]! & QUOTE_OR_COLON)) kSeen[k]! |= 2;
    }
  }

  return { headline, seen: kSeen, ctx: kCtx };
}

/** Row of each token's two word bigram features (hashes first, then the lookups in one tight loop). */
function bigramRows(run: RunTables, c: ChunkTypes, keys: KeyStates, n: number): Int32Array {
  const { tok, sentStart, tKey, kStr } = c;
  const kBim = keys.bim;
  const kBip = keys.bip;
  const bigram = new Uint32Array(2 * n);
  for (let si = 0; si < sentStart.length - 1; si++) {
    const a = sentStart[si]!;
    const b = sentStart[si + 1]!;
    for (let t = a; t < b; t++) {
      const k = tKey[tok[t]!]!;
      const lw = kStr[k]!;
      bigram[2 * t] = hashFrom(t > a ? kBim[tKey[tok[t - 1]!]!]! : run.bimBos, lw);
      bigram[2 * t + 1] = hashFrom(kBip[k]!, t + 1 < b ? kStr[tKey[tok[t + 1]!]!]! : EOS);
    }
  }
  const bigramRow = new Int32Array(2 * n);
  for (let i = 0; i < bigramRow.length; i++) bigramRow[i] = rowOrZero(run.rows, bigram[i]!, run.zeroRow);
  return bigramRow;
}

/** Gazetteer matches of a sentence, in reusable buffers. */
interface GazetteerMatches {
  /** Per token, per category: 1 + (BILOU position | match length << 2) of the longest match, 0 for none. */
  codes: Int32Array;
  /** Per token: 1 when some match covers it. */
  at: Uint8Array;
}

/**
 * Fills `m` for the sentence of `len` tokens from token `a` (when it has a match); returns the number of
 * categories with matches (0: none, `m` untouched).
 */
function gazetteerMatches(
  gaz: U32Lookup,
  c: ChunkTypes,
  keys: KeyStates,
  a: number,
  len: number,
  m: GazetteerMatches,
): number {
  const { tok, tKey, kStr } = c;
  let { codes, at: gazAt } = m;
  if (codes.length < len * MAX_CATEGORIES) {
    codes = new Int32Array(len * MAX_CATEGORIES * 2);
    gazAt = new Uint8Array(len * 2);
    m.codes = codes;
    m.at = gazAt;
  }
  let anyGaz = false;
  /** Categories [0, nCat) have matches in this sentence. */
  let nCat = 0;
  for (let i = 0; i < len; i++) {
    const k0 = tKey[tok[a + i]!]!;
    let e = keys.gaz[k0]!;
    if (e < 0) continue;
    let h = keys.phrase[k0]!;
    for (let j = i; ; ) {
      const cats = e & CATEGORY_MASK;
      if (cats !== 0) {
        if (!anyGaz) {
          codes.fill(0, 0, len * MAX_CATEGORIES);
          gazAt.fill(0, 0, len);
          anyGaz = true;
        }
        const mlen = j - i + 1;
        for (let cat = 0; cat < MAX_CATEGORIES && cats >> cat !== 0; cat++) {
          if (((cats >> cat) & 1) === 0) continue;
          if (cat >= nCat) nCat = cat + 1;
          for (let p = i; p <= j; p++) {
            const prev = codes[p * MAX_CATEGORIES + cat]!;
            if (prev !== 0 && (prev - 1) >> 2 >= mlen) continue; // a longer match already covers it
            const pos = mlen === 1 ? 3 : p === i ? 0 : p === j ? 2 : 1;
            codes[p * MAX_CATEGORIES + cat] = 1 + (pos | (mlen << 2));
            gazAt[p] = 1;
          }
        }
      }
      j++;
      if (j >= len || j - i >= MAX_PHRASE_TOKENS) break;
      h = phraseStep(h, kStr[tKey[tok[a + j]!]!]!);
      e = gaz.get(h);
      if (e < 0) break;
    }
  }
  return nCat;
}

/** The gazetteer features of token i of a sentence of `len` tokens (with matches `m` in `nCat` categories). */
function addGazetteerFeatures(
  run: RunTables,
  scores: Float64Array,
  m: GazetteerMatches,
  nCat: number,
  i: number,
  len: number,
  capitalised: boolean,
  nextShape: string,
): void {
  const { rows, qb, w8 } = run;
  const codes = m.codes;
  const capBit = capitalised ? 1 : 0;
  for (let cat = 0; cat < nCat; cat++) {
    const here = codes[i * MAX_CATEGORIES + cat]!;
    if (here) {
      const slot = cat * 4 + ((here - 1) & 3);
      addRow(scores, 0, run.gaz[slot * 2 + capBit]!, qb, w8);
      addRow(scores, 0, rows.get(hashFrom(run.gazNext[slot]!, nextShape)), qb, w8);
    }
    const before = i > 0 ? codes[(i - 1) * MAX_CATEGORIES + cat]! : 0;
    if (before) addRow(scores, 0, run.gazM1[cat * 4 + ((before - 1) & 3)]!, qb, w8);
    const after = i + 1 < len ? codes[(i + 1) * MAX_CATEGORIES + cat]! : 0;
    if (after) addRow(scores, 0, run.gazP1[cat * 4 + ((after - 1) & 3)]!, qb, w8);
  }
}

/** Pass 2: greedy left-to-right decoding of every sentence. */
function decode(
  run: RunTables,
  gaz: U32Lookup,
  c: ChunkTypes,
  keys: KeyStates,
  evidence: Evidence,
  V: Float64Array,
  bigramRow: Int32Array,
  n: number,
): Uint8Array {
  const { rows, qb, w8, zeroRow } = run;
  const M = run.v;
  const { tok, sentStart, tFlags, tKey, tSh, kStr, sStr, bosShape, eosShape, firstShape } = c;
  const { headline, seen: kSeen, ctx: kCtx } = evidence;
  const nKeys = kStr.length;
  const nShapes = sStr.length;
  const ctxVecBase = EDGES + c.nTypes * TV;
  const useGaz = gaz.size > 0;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(17);
  const kMem = new Uint8Array(nKeys);
  const kCtxDone = new Uint8Array(nKeys);
  const kHeadW = new Int32Array(nKeys).fill(-2);
  const sFirst = new Int32Array(nShapes).fill(-2);
  const sLast = new Int32Array(nShapes).fill(-2);
  const p1wRow = new Int32Array(nKeys * NH).fill(-2);
  const p1sRow = new Int32Array(nShapes * NH).fill(-2);
  const docPrevSRow = new Int32Array(nShapes * N_MEMORY).fill(-2);
  const s3Row = new Map<number, number>();
  const pair = run.pair;
  const matches: GazetteerMatches = { codes: new Int32Array(0), at: new Uint8Array(0) };
  for (let si = 0; si < sentStart.length - 1; si++) {
    const a = sentStart[si]!;
    const len = sentStart[si + 1]! - a;
    const head = headline[si] === 1;
    const nCat = useGaz ? gazetteerMatches(gaz, c, keys, a, len, matches) : 0;
    const gazAt = matches.at;

    let p1 = BOS_LABEL;
    let p2 = BOS_LABEL;
    for (let i = 0; i < len; i++) {
      const t = a + i;
      const id = tok[t]!;
      const f = tFlags[id]!;
      const k = tKey[id]!;
      const sh = tSh[id]!;
      const lw = kStr[k]!;
      // The features every token has, summed in one pass over the labels (the order of a sum does not matter, see
      // the file comment): vectors of the word itself, of its neighbours ±1 ±2 (or the sentence edges) and of the
      // previous two labels; rows (a missing feature is the zero row) of the shape trigram, the two word bigrams
      // and the previous label × word and × shape.
      const o = EDGES + id * TV;
      const om1 = i > 0 ? EDGES + tok[t - 1]! * TV + V_M1 : EDGE_M1;
      const op1 = i + 1 < len ? EDGES + tok[t + 1]! * TV + V_P1 : EDGE_P1;
      const om2 = i > 1 ? EDGES + tok[t - 2]! * TV + V_M2 : EDGE_M2;
      const op2 = i + 2 < len ? EDGES + tok[t + 2]! * TV + V_P2 : EDGE_P2;
      const pr = pair + (p1 * NH + p2) * 17;
      const smId = i > 0 ? tSh[tok[t - 1]!]! : bosShape;
      const spId = i + 1 < len ? tSh[tok[t + 1]!]! : eosShape;
      const s3Key = (smId * nShapes + sh) * nShapes + spId;
      let r3 = s3Row.get(s3Key);
      if (r3 === undefined) {
        r3 = rowOrZero(rows, f3(T.s3, sStr[smId]!, sStr[sh]!, sStr[spId]!), zeroRow);
        s3Row.set(s3Key, r3);
      }
      const wi = k * NH + p1;
      if (p1wRow[wi] === -2) p1wRow[wi] = rowOrZero(rows, hashFrom(run.p1w[p1]!, lw), zeroRow);
      const si2 = sh * NH + p1;
      if (p1sRow[si2] === -2) p1sRow[si2] = rowOrZero(rows, hashFrom(run.p1s[p1]!, sStr[sh]!), zeroRow);
      const q3 = r3 * 17;
      const qBim = bigramRow[2 * t]! * 17;
      const qBip = bigramRow[2 * t + 1]! * 17;
      const qP1w = p1wRow[wi]! * 17;
      const qP1s = p1sRow[si2]! * 17;
      for (let l = 0; l < 17; l++) {
        scores[l] =
          V[o + l]! +
          V[om1 + l]! +
          V[op1 + l]! +
          V[om2 + l]! +
          V[op2 + l]! +
          M[pr + l]! +
          w8[qb[q3 + l]!]! +
          w8[qb[qBim + l]!]! +
          w8[qb[qBip + l]!]! +
          w8[qb[qP1w + l]!]! +
          w8[qb[qP1s + l]!]!;
      }
      if (i === 0) {
        if (sFirst[sh] === -2) sFirst[sh] = rows.get(f1(T.first, sStr[sh]!));
        addRow(scores, 0, sFirst[sh]!, qb, w8);
      }
      if (i === len - 1) {
        if (sLast[sh] === -2) sLast[sh] = rows.get(f1(T.lastInSent, sStr[sh]!));
        addRow(scores, 0, sLast[sh]!, qb, w8);
      }
      if (head) {
        addVec(scores, M, run.headline);
        if (kHeadW[k] === -2) kHeadW[k] = rows.get(f1(T.headW, lw));
        addRow(scores, 0, kHeadW[k]!, qb, w8);
      }
      const upper = (f & UPPER) !== 0;
      if (upper) {
        const pos = head ? 0 : i === 0 ? 1 : 2;
        if (kSeen[k]! & 1) addVec(scores, M, run.docLower + pos * 17);
        if (kSeen[k]! & 2) addVec(scores, M, run.docCapMid + pos * 17);
        const cv = ctxVecBase + k * 17;
        if (kCtxDone[k] === 0) {
          kCtxDone[k] = 1;
          const list = kCtx[k]!;
          for (let x = 0; x < list.length; x++) addRow(V, cv, rows.get(list[x]!), qb, w8);
        }
        addVec(scores, V, cv);
      }
      if (nCat > 0 && (gazAt[i] || (i > 0 && gazAt[i - 1]) || (i + 1 < len && gazAt[i + 1]))) {
        addGazetteerFeatures(
          run,
          scores,
          matches,
          nCat,
          i,
          len,
          (f & CAPITALISED) !== 0,
          i + 1 < len ? sStr[spId]! : EOS,
        );
      }
      // document label memory
      if (upper) {
        const mem = kMem[k]!;
        addVec(scores, M, run.docPrev + mem * 17);
        const ds = (i === 0 ? firstShape : sh) * N_MEMORY + mem;
        if (docPrevSRow[ds] === -2) {
          docPrevSRow[ds] = rows.get(hashFrom(run.docPrevS[mem]!, i === 0 ? 'f' : sStr[sh]!));
        }
        addRow(scores, 0, docPrevSRow[ds]!, qb, w8);
      }

      let best = 0;
      let bestScore = scores[0]!;
      for (let l = 1; l < 17; l++) {
        if (scores[l]! > bestScore) {
          best = l;
          bestScore = scores[l]!;
        }
      }
      labels[t] = best;
      if (upper) kMem[k] = best === 0 ? 1 : labelType(best) + 2;
      p2 = p1;
      p1 = best;
    }
  }
  return labels;
}
