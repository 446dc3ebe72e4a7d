/**
 * The composition of the pure pipeline, in one place:
 *   1. clean      bytes → CleanArticle (decode, extract, drop boilerplate)
 *   2. entities   text → Entity[] (tagger, then within-article resolution)
 *   3. quotes     text + entities → Quote[] (spans, attribution, speaker resolution)
 * Stages 2 and 3 live in `annotate-text.ts` (the annotate Lambda runs only those). No AWS, no environment, no I/O.
 */
import { annotateArticle } from './annotate-text.ts';
import { clean } from './clean.ts';
import { extractEntities } from './entities/index.ts';
import { extractQuotes } from './quotes/index.ts';
import type { AnnotatedArticle, CleanOptions } from './types.ts';

export { annotateArticle, annotateText, countWords } from './annotate-text.ts';
export { clean, extractEntities, extractQuotes };

/** The whole pipeline on raw bytes (what `npm run annotate` does). */
export function annotate(raw: Uint8Array | string, options: CleanOptions = {}): AnnotatedArticle {
  return annotateArticle(clean(raw, options));
}
