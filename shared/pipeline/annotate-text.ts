/**
 * Stages 2 and 3 of the pipeline, on text that is already clean (what the annotate Lambda runs): entities, then
 * quotes. Kept apart from `annotate.ts` so that a bundle that only annotates does not load the cleaning stage
 * (HTML parser and Readability).
 */
import { extractEntities, MODEL_VERSION } from './entities/index.ts';
import { extractQuotes } from './quotes/index.ts';
import type { AnnotatedArticle, Annotations, CleanArticle } from './types.ts';
import { PIPELINE_VERSION } from './version.ts';
import { countWords } from './words.ts';

export { countWords };

/** Entities and quotes of an already cleaned text. */
export function annotateText(text: string): Annotations {
  const entities = extractEntities(text);
  const quotes = extractQuotes(text, entities);
  return { entities, quotes };
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
