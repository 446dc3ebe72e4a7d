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

/**
 * The languages the entity model (trained on English news) and the quote rules (English speech verbs and syntax)
 * are written for. A text in another language would get junk: every German noun is capitalised, an Italian title
 * reads as a speaker.
 */
const ANNOTATED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

/** Whether entities and quotes are extracted for a text in `language` (null: too little evidence, so tried). */
export function annotatesLanguage(language: string | null): boolean {
  return language === null || ANNOTATED_LANGUAGES.has(language);
}

/**
 * Annotate a cleaned article (what the annotate Lambda does with a `cleaned/` object). An article in a language the
 * stages are not written for keeps its text and metadata, with no entities or quotes and a warning that says why.
 */
export function annotateArticle(article: CleanArticle): AnnotatedArticle {
  const supported = annotatesLanguage(article.language);
  return {
    article,
    ...(supported ? annotateText(article.text) : { entities: [], quotes: [] }),
    warnings: supported
      ? []
      : [`Entities and quotes are extracted from English text only; this article is in '${article.language}'.`],
    wordCount: countWords(article.text),
    pipelineVersion: PIPELINE_VERSION,
    modelVersion: MODEL_VERSION,
  };
}
