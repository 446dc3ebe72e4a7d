/**
 * The composition of the pure pipeline, in one place:
 *   1. clean      bytes → CleanArticle (decode, extract, drop boilerplate)
 *   2. entities   text → Entity[] (tagger, then within-article resolution)
 *   3. quotes     text + entities → Quote[] (spans, attribution, speaker resolution)
 * No AWS, no environment, no I/O.
 */
import { clean } from './clean.ts';
import { extractEntities, MODEL_VERSION } from './entities/index.ts';
import { extractQuotes } from './quotes/index.ts';
import type { AnnotatedArticle, Annotations, CleanArticle, CleanOptions } from './types.ts';
import { PIPELINE_VERSION } from './version.ts';

export { clean, extractEntities, extractQuotes };

/** Entities and quotes of an already cleaned text. */
export function annotateText(text: string): Annotations {
  const entities = extractEntities(text);
  const quotes = extractQuotes(text, entities);
  return { entities, quotes };
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)) n++;
  return n;
}

/** Annotate a cleaned article (what the annotate Lambda does with a `cleaned/` object). */
export function annotateArticle(article: CleanArticle): AnnotatedArticle {
  return {
    article,
    ...annotateText(article.text),
    wordCount: countWords(article.text),
    pipelineVersion: PIPELINE_VERSION,
    modelVersion: MODEL_VERSION,
  };
}

/** The whole pipeline on raw bytes (what `npm run annotate` does). */
export function annotate(raw: Uint8Array | string, options: CleanOptions = {}): AnnotatedArticle {
  return annotateArticle(clean(raw, options));
}
