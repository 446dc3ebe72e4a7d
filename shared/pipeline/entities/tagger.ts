/**
 * Run-time tagging: text → tokens → sentences → features → greedy BILOU decoding → typed mentions.
 */
import { splitSentences, type Token, tokenize } from '../tokenize.ts';
import type { EntityType, Mention } from '../types.ts';
import { greedyDecode, labelsToSpans } from './decoder.ts';
import { computeDocFeatures } from './features.ts';
import type { Model } from './model-format.ts';

const TYPE_NAMES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

/** Tag `text` with `model`: one mention per entity occurrence, offsets into `text`. */
export function tagWithModel(model: Model, text: string): Mention[] {
  const sentences = splitSentences(text, tokenize(text));
  const flat: Token[] = [];
  for (const s of sentences) for (const t of s.tokens) flat.push(t);
  const feats = computeDocFeatures(
    sentences.map((s) => s.tokens.map((t) => t.text)),
    model.gazetteer,
  );
  const labels = greedyDecode(feats, model);
  const out: Mention[] = [];
  for (const span of labelsToSpans(labels, feats.first)) {
    const a = flat[span.start]!;
    const b = flat[span.end - 1]!;
    out.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), type: TYPE_NAMES[span.type]! });
  }
  return out;
}
