/**
 * Use case of the `annotate` function: one S3 event on `cleaned/` → the article's records in the store
 * (or their removal).
 */
import type { ObjectEvent } from '../events/s3-records.ts';
import { annotateArticle } from '../pipeline/annotate-text.ts';
import { MODEL_VERSION } from '../pipeline/entities/index.ts';
import type { CleanArticle, Entity, Quote } from '../pipeline/types.ts';
import { PIPELINE_VERSION } from '../pipeline/version.ts';
import type { ArticleBundle, ArticleRecord, CleanedObject } from '../records.ts';
import type { ArticleStore, SaveResult } from '../store/article-store.ts';
import type { S3Objects } from '../store/s3-objects.ts';
import { publicReason, stageCrashReason } from './failure-reasons.ts';

export interface AnnotateDeps {
  objects: S3Objects;
  store: ArticleStore;
  cleanedPrefix: string;
  now?: () => Date;
}

/**
 * `written`: PROCESSED records written; `rejected` / `failed`: a REJECTED / FAILED status written (FAILED also when
 * the pure stages crashed on this text: deterministic, so recorded at once); else the store's `stale`/`duplicate`.
 */
export type AnnotateOutcome = SaveResult | 'removed' | 'skipped' | 'rejected' | 'failed';

export function articleIdFromCleanedKey(cleanedPrefix: string, key: string): string | null {
  if (!key.startsWith(cleanedPrefix) || !key.endsWith('.json')) return null;
  const id = key.slice(cleanedPrefix.length, -'.json'.length);
  return /^[0-9a-f]{24}$/.test(id) ? id : null;
}

export async function annotateObject(deps: AnnotateDeps, event: ObjectEvent): Promise<AnnotateOutcome> {
  const articleId = articleIdFromCleanedKey(deps.cleanedPrefix, event.key);
  if (!articleId) return 'skipped';
  if (event.kind === 'removed') {
    if (await deps.objects.exists(event.key)) return 'skipped'; // re-created since: its own event annotates it
    await deps.store.delete(articleId);
    return 'removed';
  }
  const cleaned = await deps.objects.readCleaned(event.key);
  if (!cleaned) return 'skipped';
  const bundle = toBundle(cleaned, (deps.now?.() ?? new Date()).toISOString());
  // A FAILED status of this same source version (after the retries ran out, or pre-recorded on the last attempt)
  // does not block a later success or a redrive: the store replaces it (see DynamoArticleStore.save).
  const result = await deps.store.save(bundle);
  // The source may have been deleted while we worked: never leave records of a deleted article behind.
  if (result === 'written' && !(await deps.objects.exists(event.key))) {
    await deps.store.delete(articleId);
    return 'removed';
  }
  if (result !== 'written') return result;
  // The metric follows the status written: ArticlesProcessed / ArticlesRejected / ArticlesFailed.
  return bundle.article.status === 'PROCESSED'
    ? 'written'
    : bundle.article.status === 'REJECTED'
      ? 'rejected'
      : 'failed';
}

/** After the last retry: record the article as FAILED with the reason (best effort; the message goes to the DLQ). */
export async function recordAnnotateFailure(deps: AnnotateDeps, event: ObjectEvent, error: unknown): Promise<void> {
  const articleId = articleIdFromCleanedKey(deps.cleanedPrefix, event.key);
  if (!articleId || event.kind !== 'created') return;
  const cleaned = await deps.objects.readCleaned(event.key).catch(() => null);
  const processedAt = (deps.now?.() ?? new Date()).toISOString();
  const failed = statusBundle({
    id: articleId,
    sourceKey: cleaned?.sourceKey ?? '',
    sourceSequencer: cleaned?.sourceSequencer ?? event.sequencer,
    status: 'FAILED',
    reasonCode: 'ANNOTATE_FAILED',
    reason: publicReason(error),
    processedAt,
  });
  await deps.store.save(failed, { overwriteSameVersion: true });
}

export function toBundle(cleaned: CleanedObject, processedAt: string): ArticleBundle {
  const { outcome } = cleaned;
  if (outcome.status !== 'CLEANED') {
    return statusBundle({
      id: cleaned.articleId,
      sourceKey: cleaned.sourceKey,
      sourceSequencer: cleaned.sourceSequencer,
      status: outcome.status,
      reasonCode: outcome.code,
      reason: outcome.reason,
      processedAt,
    });
  }
  const article: CleanArticle = outcome.article;
  let annotated: ReturnType<typeof annotateArticle>;
  try {
    annotated = annotateArticle(article);
  } catch (error) {
    // The pure stages are deterministic: a crash would repeat on every retry, so it is recorded at once.
    return statusBundle({
      id: cleaned.articleId,
      sourceKey: cleaned.sourceKey,
      sourceSequencer: cleaned.sourceSequencer,
      status: 'FAILED',
      reasonCode: 'ANNOTATE_CRASHED',
      reason: stageCrashReason('annotation', error),
      processedAt,
    });
  }
  const { quotes, entities, warnings } = boundAnnotations(annotated.quotes, annotated.entities);
  const speakers = new Set(quotes.map((q) => q.speaker).filter(Boolean));
  return {
    article: {
      id: cleaned.articleId,
      sourceKey: cleaned.sourceKey,
      status: 'PROCESSED',
      reason: null,
      reasonCode: null,
      title: article.title,
      byline: article.byline,
      authors: article.authors,
      dateline: article.dateline,
      publishedAt: article.publishedAt,
      url: article.url,
      language: article.language,
      format: article.format,
      wordCount: annotated.wordCount,
      textLength: article.text.length,
      counts: {
        paragraphs: article.paragraphs.length,
        quotes: quotes.length,
        entities: entities.length,
        speakers: speakers.size,
      },
      boilerplate: article.boilerplate.slice(0, 200).map((b) => ({ text: b.text.slice(0, 500), reason: b.reason })),
      warnings: [...annotated.warnings, ...warnings, ...article.warnings].slice(0, 50),
      pipelineVersion: annotated.pipelineVersion,
      modelVersion: annotated.modelVersion,
      sourceSequencer: cleaned.sourceSequencer,
      processedAt,
    },
    text: article.text,
    quotes: quotes.map((q, index) => ({ articleId: cleaned.articleId, index, ...q })),
    entities: entities.map((e) => ({ articleId: cleaned.articleId, ...e })),
  };
}

/** Longest entity name or alias kept: no person, organisation or place is named in more characters. */
export const MAX_ENTITY_NAME_CHARS = 200;
/** Longest quote kept: a longer "quote" is a run-away span (an unclosed quote mark), not something someone said. */
export const MAX_QUOTE_CHARS = 50_000;

/**
 * The outer layer's guard on what the stages return for hostile input: run-away entity names and quote spans are
 * dropped (with a warning on the article) so no record outgrows DynamoDB's 400 KB item limit and every stored quote
 * still satisfies `text === cleanText.slice(start, end)`.
 */
export function boundAnnotations(
  quotes: Quote[],
  entities: Entity[],
): { quotes: Quote[]; entities: Entity[]; warnings: string[] } {
  const warnings: string[] = [];
  const keptEntities = entities
    .filter((e) => e.name.length <= MAX_ENTITY_NAME_CHARS && e.id.length <= MAX_ENTITY_NAME_CHARS + 50)
    .map((e) => ({ ...e, aliases: e.aliases.filter((a) => a.length <= MAX_ENTITY_NAME_CHARS).slice(0, 100) }));
  const droppedEntities = entities.length - keptEntities.length;
  if (droppedEntities > 0) {
    warnings.push(`Dropped ${droppedEntities} entity name(s) longer than ${MAX_ENTITY_NAME_CHARS} characters.`);
  }
  const known = new Set(keptEntities.map((e) => e.name));
  const keptQuotes = quotes
    .filter((q) => q.text.length <= MAX_QUOTE_CHARS)
    .map((q) =>
      q.speaker && q.speaker.length > MAX_ENTITY_NAME_CHARS && !known.has(q.speaker) ? { ...q, speaker: null } : q,
    );
  const droppedQuotes = quotes.length - keptQuotes.length;
  if (droppedQuotes > 0) {
    warnings.push(`Dropped ${droppedQuotes} run-away quote span(s) longer than ${MAX_QUOTE_CHARS} characters.`);
  }
  return { quotes: keptQuotes, entities: keptEntities, warnings };
}

/** A REJECTED or FAILED article: the status record and nothing else (no text, quotes or entities). */
function statusBundle(fields: {
  id: string;
  sourceKey: string;
  sourceSequencer: string;
  status: 'REJECTED' | 'FAILED';
  reasonCode: string;
  reason: string;
  processedAt: string;
}): ArticleBundle {
  const article: ArticleRecord = {
    ...fields,
    title: null,
    byline: null,
    authors: [],
    dateline: null,
    publishedAt: null,
    url: null,
    language: null,
    format: null,
    wordCount: 0,
    textLength: 0,
    counts: { paragraphs: 0, quotes: 0, entities: 0, speakers: 0 },
    boilerplate: [],
    warnings: [],
    pipelineVersion: PIPELINE_VERSION,
    modelVersion: MODEL_VERSION,
  };
  return { article, text: '', quotes: [], entities: [] };
}
