/**
 * Features of the entity tagger, shared by training (scripts/ner) and run time so both compute exactly the same
 * thing. Features are never materialised as strings: each is a 32-bit FNV-1a hash of (template id, parts), and the
 * model stores weights by hash.
 *
 * Static features (computed once per document): the word, its shape, affixes, a ±2 window, sentence position,
 * all-caps headline flag, document-level evidence (is this word written in lower case, or capitalised
 * mid-sentence, elsewhere in the document? which words surround its other occurrences?) and gazetteer matches
 * (phrase lists baked into the model, also combined with the next token's shape).
 * Dynamic features (computed while decoding left to right): the two previous labels and the label last given to
 * the same word earlier in the document.
 */

import { type U32Lookup, U32Map } from './hashtable.ts';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof ENTITY_TYPES)[number];
/** BILOU positions. */
export const POSITIONS = ['B', 'I', 'L', 'U'] as const;
/** Label 0 is `O`; label `1 + 4*type + pos` is POSITIONS[pos]-ENTITY_TYPES[type]. */
export const N_LABELS = 1 + ENTITY_TYPES.length * POSITIONS.length;

export function labelName(label: number): string {
  if (label === 0) return 'O';
  return `${POSITIONS[(label - 1) & 3]}-${ENTITY_TYPES[(label - 1) >> 2]}`;
}
export const labelType = (label: number): number => (label === 0 ? -1 : (label - 1) >> 2);
export const labelPos = (label: number): number => (label === 0 ? -1 : (label - 1) & 3);
export const makeLabel = (type: number, pos: number): number => 1 + type * 4 + pos;

/**
 * Gazetteer: hash of a lower-cased phrase (see `phraseStep`) → bit mask of categories; every proper prefix of a
 * phrase is present too, with PREFIX_BIT, so matching can stop early.
 */
export type Gazetteer = U32Map;
export const PREFIX_BIT = 1 << 30;
export const CATEGORY_MASK = PREFIX_BIT - 1;
export const MAX_PHRASE_TOKENS = 6;
export const PHRASE_SEED = 0x2f6b3a91;

export function newGazetteer(): Gazetteer {
  return new U32Map(1024);
}

/** Extend a phrase hash by one (normalised, lower-cased) token; start from PHRASE_SEED. */
export function phraseStep(h: number, token: string): number {
  let x = Math.imul(h ^ 0x20, 0x01000193);
  for (let i = 0; i < token.length; i++) {
    x ^= token.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

/** Add a phrase (normalised, lower-cased tokens) with its category bits, and its prefixes. */
export function addPhrase(gaz: Gazetteer, tokens: readonly string[], mask: number): void {
  if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) return;
  let h = PHRASE_SEED;
  for (let i = 0; i < tokens.length; i++) {
    h = phraseStep(h, tokens[i]!);
    const old = Math.max(0, gaz.get(h));
    gaz.set(h, i === tokens.length - 1 ? old | mask : old | PREFIX_BIT);
  }
}

// ---------------------------------------------------------------- hashing

export const FNV_PRIME = 0x01000193;

function hashStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

function seed(tpl: number): number {
  return Math.imul(tpl + 1, 0x9e3779b1) ^ 0x811c9dc5;
}

export function f1(tpl: number, a: string): number {
  return hashStr(seed(tpl), a) >>> 0;
}

export function f2(tpl: number, a: string, b: string): number {
  return hashStr(Math.imul(hashStr(seed(tpl), a) ^ 0x1f, FNV_PRIME), b) >>> 0;
}

export function f3(tpl: number, a: string, b: string, c: string): number {
  const h = Math.imul(hashStr(Math.imul(hashStr(seed(tpl), a) ^ 0x1f, FNV_PRIME), b) ^ 0x1e, FNV_PRIME);
  return hashStr(h, c) >>> 0;
}

/** Hash state after the first part of an f2 feature: `f2(tpl, a, b) === hashFrom(f2Prefix(tpl, a), b)`. */
export function f2Prefix(tpl: number, a: string): number {
  return Math.imul(hashStr(seed(tpl), a) ^ 0x1f, FNV_PRIME);
}

/** Hash state after two parts of an f3 feature: `f3(tpl, a, b, c) === hashFrom(f3Prefix(tpl, a, b), c)`. */
export function f3Prefix(tpl: number, a: string, b: string): number {
  return Math.imul(hashStr(f2Prefix(tpl, a), b) ^ 0x1e, FNV_PRIME);
}

/** Finish a feature hash from a prefix state (`f2Prefix`, `f3Prefix`, `docCtxPrefix`). */
export function hashFrom(state: number, s: string): number {
  return hashStr(state, s) >>> 0;
}

/** Prefix states of the document-context features: the word before (`<`) / after (`>`) an occurrence. */
export function docCtxPrefix(side: '<' | '>'): number {
  return hashStr(seed(TEMPLATES.docCtx), side);
}

// ---------------------------------------------------------------- token normalisation and shape

/** Typographic variants mapped to the ASCII forms of the training data. */
export function normalizeToken(t: string): string {
  if (t.length === 1) {
    if (t === '“' || t === '”' || t === '„' || t === '«' || t === '»') return '"';
    if (t === '‘' || t === '’' || t === '`') return "'";
    if (t === '—' || t === '–') return '--';
    if (t === '…') return '...';
    return t;
  }
  let x = t;
  if (/[’‘—–]/.test(x)) x = x.replace(/[’‘]/g, "'").replace(/[—–]+/g, '--');
  // `Corp.` / `Capt.` / `Jan.` → `Corp`: Reuters writes most abbreviations without the period (`U.S.`, `M.` keep it)
  if (x.length > 2 && x.charCodeAt(x.length - 1) === 46 && x.indexOf('.') === x.length - 1 && /\p{L}\.$/u.test(x)) {
    x = x.slice(0, -1);
  }
  return x;
}

/** Shape class of an ASCII character code: `d`, `X`, `x`, or the character itself. */
function asciiShapeCode(code: number): number {
  if (code >= 48 && code <= 57) return 100; // d
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  return code;
}

/** Word shape: `Touré` → `Xxxxx`, short shape collapses runs: `Xx`. */
export function wordShape(w: string): [long: string, short: string] {
  let long = '';
  let short = '';
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 128) return wordShapeUnicode(w);
    const c = asciiShapeCode(code);
    if (i < 12) long += String.fromCharCode(c);
    if (c !== last) short += String.fromCharCode(c);
    last = c;
  }
  return [long, short];
}

/** `wordShape` by code point, with Unicode case. */
function wordShapeUnicode(w: string): [long: string, short: string] {
  let long = '';
  let short = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    if (long.length < 12) long += c;
    if (c !== last) short += c;
    last = c;
  }
  return [long, short];
}

export function hasUpper(w: string): boolean {
  return w !== w.toLowerCase();
}
export function isLowerWord(w: string): boolean {
  return w !== w.toUpperCase() && w === w.toLowerCase();
}
export function isCapitalised(w: string): boolean {
  const c = w[0] ?? '';
  return c !== c.toLowerCase();
}

// ---------------------------------------------------------------- document features

/** A document as sentences of token strings (CoNLL tokens at training time, `tokenize` output at run time). */
export type DocTokens = readonly (readonly string[])[];

export interface DocFeatures {
  n: number;
  /** Static feature hashes of token i: feats[off[i] .. off[i+1]). */
  feats: Uint32Array;
  off: Int32Array;
  /** Lower-cased normalised word, for the document label memory. */
  key: string[];
  shortShape: string[];
  /** 1 when the token contains an upper-case letter. */
  upper: Uint8Array;
  /** 1 at the first token of a sentence. */
  first: Uint8Array;
}

/** Template ids (stable: changing them changes the model). */
export const TEMPLATES = {
  bias: 0,
  w: 1,
  wRaw: 2,
  shape: 3,
  shortShape: 4,
  pre: 5,
  suf: 6,
  wm1: 7,
  wp1: 8,
  wm2: 9,
  wp2: 10,
  sm1: 11,
  sp1: 12,
  s3: 13,
  bim: 14,
  bip: 15,
  first: 16,
  headline: 17,
  headW: 18,
  docLower: 19,
  docCapMid: 20,
  gaz: 21,
  gazM1: 22,
  gazP1: 23,
  p1: 30,
  p2: 31,
  p12: 32,
  p1w: 33,
  p1s: 34,
  docPrev: 35,
  docPrevS: 36,
  wDigits: 37,
  len: 38,
  lastInSent: 39,
  docCtx: 40,
  gazNext: 41,
} as const;
const T = TEMPLATES;

const NONE: readonly number[] = [];
/** Gazetteer category slots per token (categories beyond this are ignored). */
export const MAX_CATEGORIES = 16;
/** `String(i)` for small i: the parts of numeric features. */
export const SMALL_INT: readonly string[] = Array.from({ length: 64 }, (_, i) => String(i));
/** Padding words and shapes before / after a sentence. */
export const BOS = '<s>';
export const EOS = '</s>';

const BIAS_HASH = f1(T.bias, '');
const PRE_PREFIX = [0, 1, 2, 3, 4].map((k) => f2Prefix(T.pre, SMALL_INT[k]!));
const SUF_PREFIX = [0, 1, 2, 3, 4].map((k) => f2Prefix(T.suf, SMALL_INT[k]!));
const LEN_HASH = Array.from({ length: 9 }, (_, k) => f1(T.len, SMALL_INT[k]!));
const W_SEED = seed(T.w);
const W_RAW_SEED = seed(T.wRaw);
const DIGITS_SEED = seed(T.wDigits);
/** Seed of the long word-shape feature: `f1(T.shape, shape) === hashFrom(SHAPE_SEED, shape)`. */
export const SHAPE_SEED = seed(T.shape);

/** FNV steps over s[from, to). */
function hashRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * The word features of a token that are hashes of its text: the word (lower-cased and raw), then its digit form
 * and affixes. Written to `out` from `at` (at most 11), returns the count. Allocation-free: affixes and the digit
 * form are hashed in place, giving the same hashes as `f2(T.pre, k, lw.slice(0, k))` etc.
 */
export function textFeatures(w: string, lw: string, out: Uint32Array, at = 0): number {
  let o = at;
  out[o++] = hashStr(W_SEED, lw) >>> 0;
  out[o++] = hashStr(W_RAW_SEED, w) >>> 0;
  const n = lw.length;
  let digit = false;
  for (let i = 0; i < n && !digit; i++) {
    const c = lw.charCodeAt(i);
    digit = c >= 48 && c <= 57;
  }
  if (digit) {
    // f1(T.wDigits, lw.replace(/\d/g, '0'))
    let h = DIGITS_SEED;
    for (let i = 0; i < n; i++) {
      const c = lw.charCodeAt(i);
      h ^= c >= 48 && c <= 57 ? 48 : c;
      h = Math.imul(h, FNV_PRIME);
    }
    out[o++] = h >>> 0;
  }
  for (let k = 1; k <= 4 && k < n; k++) {
    out[o++] = hashRange(PRE_PREFIX[k]!, lw, 0, k) >>> 0;
    out[o++] = hashRange(SUF_PREFIX[k]!, lw, n - k, n) >>> 0;
  }
  return o - at;
}

/** Bias feature (every token). */
export const BIAS_FEATURE = BIAS_HASH;
/** Length feature of a word of `length` UTF-16 units. */
export function lengthFeature(length: number): number {
  return LEN_HASH[Math.min(length, 8)]!;
}

/**
 * Features of a token that depend on nothing but its own text: bias, word, raw word, shapes, digit form, affixes,
 * length. (The run-time tagger computes them once per distinct token of a document.)
 */
export function wordFeatures(w: string, lw: string, shape: string, sshape: string, push: (h: number) => void): void {
  const text = new Uint32Array(11);
  const n = textFeatures(w, lw, text);
  push(BIAS_HASH);
  push(text[0]!);
  push(text[1]!);
  push(hashStr(SHAPE_SEED, shape) >>> 0);
  push(f1(T.shortShape, sshape));
  for (let i = 2; i < n; i++) push(text[i]!);
  push(LEN_HASH[Math.min(w.length, 8)]!);
}

export function computeDocFeatures(doc: DocTokens, gaz: U32Lookup | null): DocFeatures {
  let n = 0;
  for (const s of doc) n += s.length;
  const key: string[] = [];
  const shortShape: string[] = [];
  const upper = new Uint8Array(n);
  const first = new Uint8Array(n);
  const off = new Int32Array(n + 1);
  let buf = new Uint32Array(Math.max(64, n * 48));
  let used = 0;
  const push = (h: number): void => {
    if (used === buf.length) {
      const nb = new Uint32Array(buf.length * 2);
      nb.set(buf);
      buf = nb;
    }
    buf[used++] = h;
  };

  // Document-level casing evidence, from non-headline sentences only.
  const norm = doc.map((s) => s.map(normalizeToken));
  const isHeadline = norm.map((s) => {
    let letters = 0;
    for (const w of s) {
      if (isLowerWord(w) || (w.length > 1 && isCapitalised(w) && w.slice(1) !== w.slice(1).toUpperCase())) return false;
      if (hasUpper(w)) letters++;
    }
    return letters >= 2;
  });
  const seenLower = new Set<string>();
  const seenCapMid = new Set<string>();
  // Document context of capitalised words: hashes of the words before/after each of their occurrences.
  const docCtx = new Map<string, number[]>();
  const ctxPrev = hashStr(seed(T.docCtx), '<');
  const ctxNext = hashStr(seed(T.docCtx), '>');
  for (const s of norm) {
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      if (!hasUpper(w)) continue;
      const lw = w.toLowerCase();
      let list = docCtx.get(lw);
      if (!list) {
        list = [];
        docCtx.set(lw, list);
      }
      if (list.length >= 16) continue;
      const a = hashStr(ctxPrev, i > 0 ? s[i - 1]!.toLowerCase() : '<s>') >>> 0;
      const b = hashStr(ctxNext, i + 1 < s.length ? s[i + 1]!.toLowerCase() : '</s>') >>> 0;
      if (!list.includes(a)) list.push(a);
      if (!list.includes(b)) list.push(b);
    }
  }
  norm.forEach((s, si) => {
    if (isHeadline[si]) return;
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      const lw = w.toLowerCase();
      if (isLowerWord(w)) seenLower.add(lw);
      else if (i > 0 && isCapitalised(w) && s[i - 1] !== '"' && s[i - 1] !== ':') seenCapMid.add(lw);
    }
  });

  let t = 0;
  for (let si = 0; si < norm.length; si++) {
    const s = norm[si]!;
    const len = s.length;
    const lws = s.map((w) => w.toLowerCase());
    const shapes = s.map(wordShape);
    const head = isHeadline[si]!;

    // gazetteer matches: per token, per category, the position code (1+BILOU) of the longest match covering it
    // (0 = none, else 1 + pos + 4 * match length)
    let gazCodes: Int32Array | null = null;
    if (gaz && gaz.size > 0) {
      gazCodes = new Int32Array(len * MAX_CATEGORIES);
      for (let i = 0; i < len; i++) {
        let h = PHRASE_SEED;
        for (let j = i; j < len && j - i < MAX_PHRASE_TOKENS; j++) {
          h = phraseStep(h, lws[j]!);
          const m = gaz.get(h);
          if (m < 0) break;
          const cats = m & CATEGORY_MASK;
          if (cats === 0) continue;
          const mlen = j - i + 1;
          for (let c = 0; c < MAX_CATEGORIES && cats >> c !== 0; c++) {
            if (((cats >> c) & 1) === 0) continue;
            for (let p = i; p <= j; p++) {
              const prev = gazCodes[p * MAX_CATEGORIES + c]!;
              if (prev !== 0 && (prev - 1) >> 2 >= mlen) continue; // a longer match already covers it
              const pos = mlen === 1 ? 3 : p === i ? 0 : p === j ? 2 : 1;
              gazCodes[p * MAX_CATEGORIES + c] = 1 + (pos | (mlen << 2));
            }
          }
        }
      }
    }

    for (let i = 0; i < len; i++, t++) {
      off[t] = used;
      const w = s[i]!;
      const lw = lws[i]!;
      const [shape, sshape] = shapes[i]!;
      key.push(lw);
      shortShape.push(sshape);
      upper[t] = hasUpper(w) ? 1 : 0;
      first[t] = i === 0 ? 1 : 0;
      const wm1 = i > 0 ? lws[i - 1]! : BOS;
      const wp1 = i + 1 < len ? lws[i + 1]! : EOS;
      const wm2 = i > 1 ? lws[i - 2]! : BOS;
      const wp2 = i + 2 < len ? lws[i + 2]! : EOS;
      const sm1 = i > 0 ? shapes[i - 1]![1] : BOS;
      const sp1 = i + 1 < len ? shapes[i + 1]![1] : EOS;

      wordFeatures(w, lw, shape, sshape, push);
      push(f1(T.wm1, wm1));
      push(f1(T.wp1, wp1));
      push(f1(T.wm2, wm2));
      push(f1(T.wp2, wp2));
      push(f1(T.sm1, sm1));
      push(f1(T.sp1, sp1));
      push(f3(T.s3, sm1, sshape, sp1));
      push(f2(T.bim, wm1, lw));
      push(f2(T.bip, lw, wp1));
      if (i === 0) push(f1(T.first, sshape));
      if (i === len - 1) push(f1(T.lastInSent, sshape));
      if (head) {
        push(f1(T.headline, ''));
        push(f1(T.headW, lw));
      }
      if (hasUpper(w)) {
        const pos = head ? 'h' : i === 0 ? 'f' : 'm';
        if (seenLower.has(lw)) push(f1(T.docLower, pos));
        if (seenCapMid.has(lw)) push(f1(T.docCapMid, pos));
        for (const h of docCtx.get(lw) ?? NONE) push(h);
      }
      if (gazCodes) {
        const cap = isCapitalised(w) ? 'C' : 'l';
        for (let c = 0; c < MAX_CATEGORIES; c++) {
          const here = gazCodes[i * MAX_CATEGORIES + c]!;
          if (here) {
            push(f3(T.gaz, SMALL_INT[c]!, SMALL_INT[(here - 1) & 3]!, cap));
            push(f3(T.gazNext, SMALL_INT[c]!, SMALL_INT[(here - 1) & 3]!, sp1));
          }
          const before = i > 0 ? gazCodes[(i - 1) * MAX_CATEGORIES + c]! : 0;
          if (before) push(f2(T.gazM1, SMALL_INT[c]!, SMALL_INT[(before - 1) & 3]!));
          const after = i + 1 < len ? gazCodes[(i + 1) * MAX_CATEGORIES + c]! : 0;
          if (after) push(f2(T.gazP1, SMALL_INT[c]!, SMALL_INT[(after - 1) & 3]!));
        }
      }
    }
  }
  off[n] = used;
  return { n, feats: buf.subarray(0, used), off, key, shortShape, upper, first };
}

/** Label index used for "before the sentence start" in the label history. */
export const BOS_LABEL = N_LABELS;
/** Label ids as feature parts (BOS_LABEL included). */
export const LABEL_STR: readonly string[] = Array.from({ length: N_LABELS + 1 }, (_, l) => String(l));
/** Document label memory codes: 0 never seen, 1 seen as O, 2.. seen as ENTITY_TYPES[v - 2]. */
export const MEMORY_STR: readonly string[] = ['none', 'O', ...ENTITY_TYPES];

/**
 * Dynamic features of token t given the previous two labels (BOS_LABEL before the sentence start) and the document
 * label memory of this word: -1 when the word has no capital letter, else the MEMORY_STR code of the label last
 * given to it earlier in the document. Written to `out`, returns the count.
 */
export function dynamicFeatures(
  d: DocFeatures,
  t: number,
  p1: number,
  p2: number,
  memory: number,
  out: Uint32Array,
): number {
  let k = 0;
  const a = LABEL_STR[p1]!;
  const b = LABEL_STR[p2]!;
  out[k++] = f1(T.p1, a);
  out[k++] = f1(T.p2, b);
  out[k++] = f2(T.p12, a, b);
  out[k++] = f2(T.p1w, a, d.key[t]!);
  out[k++] = f2(T.p1s, a, d.shortShape[t]!);
  if (memory >= 0) {
    const m = MEMORY_STR[memory]!;
    out[k++] = f1(T.docPrev, m);
    out[k++] = f2(T.docPrevS, m, d.first[t] ? 'f' : d.shortShape[t]!);
  }
  return k;
}
