/**
 * Run-time tagging: text → tokens → sentences → features → greedy BILOU decoding → typed mentions.
 */
import { type Sentence, splitSentences, type Token, tokenize } from '../tokenize.ts';
import type { EntityType, Mention } from '../types.ts';
import { greedyDecode, labelsToSpans } from './decoder.ts';
import { computeDocFeatures } from './features.ts';
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

function tagChunk(model: Model, text: string, sentences: readonly Sentence[], out: Mention[]): void {
  const flat: Token[] = [];
  for (const s of sentences) for (const t of s.tokens) flat.push(t);
  const feats = computeDocFeatures(
    sentences.map((s) => s.tokens.map((t) => t.text)),
    model.gazetteer,
  );
  const labels = greedyDecode(feats, model);
  for (const span of labelsToSpans(labels, feats.first)) {
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
