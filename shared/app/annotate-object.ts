/**
 * Use case of the `annotate` function: one S3 event on `cleaned/` → the article's records in the store
 * (or their removal).
 */
import type { ObjectEvent } from '../events/s3-records.ts';
import { annotateArticle } from '../pipeline/annotate.ts';
import { MODEL_VERSION } from '../pipeline/entities/index.ts';
import type { CleanArticle } from '../pipeline/types.ts';
import { PIPELINE_VERSION } from '../pipeline/version.ts';
import type { ArticleBundle, ArticleRecord, CleanedObject } from '../records.ts';
import type { ArticleStore, SaveResult } from '../store/article-store.ts';
import type { S3Objects } from '../store/s3-objects.ts';
import { publicReason } from './clean-object.ts';

export interface AnnotateDeps {
  objects: S3Objects;
  store: ArticleStore;
  cleanedPrefix: string;
  now?: () => Date;
}

export type AnnotateOutcome = SaveResult | 'removed' | 'skipped';

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
  const result = await deps.store.save(toBundle(cleaned, (deps.now?.() ?? new Date()).toISOString()));
  // The source may have been deleted while we worked: never leave records of a deleted article behind.
  if (result === 'written' && !(await deps.objects.exists(event.key))) {
    await deps.store.delete(articleId);
    return 'removed';
  }
  return result;
}

/** After the last retry: record the article as FAILED with the reason (best effort; the message goes to the DLQ). */
export async function recordAnnotateFailure(deps: AnnotateDeps, event: ObjectEvent, error: unknown): Promise<void> {
  const articleId = articleIdFromCleanedKey(deps.cleanedPrefix, event.key);
  if (!articleId || event.kind !== 'created') return;
  const cleaned = await deps.objects.readCleaned(event.key).catch(() => null);
  const processedAt = (deps.now?.() ?? new Date()).toISOString();
  const article = statusRecord({
    id: articleId,
    sourceKey: cleaned?.sourceKey ?? '',
    sourceSequencer: cleaned?.sourceSequencer ?? event.sequencer,
    status: 'FAILED',
    reasonCode: 'ANNOTATE_FAILED',
    reason: publicReason(error),
    processedAt,
  });
  await deps.store.save({ article, text: '', quotes: [], entities: [] }, { overwriteSameVersion: true });
}

export function toBundle(cleaned: CleanedObject, processedAt: string): ArticleBundle {
  const { outcome } = cleaned;
  if (outcome.status !== 'CLEANED') {
    return {
      article: statusRecord({
        id: cleaned.articleId,
        sourceKey: cleaned.sourceKey,
        sourceSequencer: cleaned.sourceSequencer,
        status: outcome.status,
        reasonCode: outcome.code,
        reason: outcome.reason,
        processedAt,
      }),
      text: '',
      quotes: [],
      entities: [],
    };
  }
  const article: CleanArticle = outcome.article;
  const annotated = annotateArticle(article);
  const speakers = new Set(annotated.quotes.map((q) => q.speaker).filter(Boolean));
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
        quotes: annotated.quotes.length,
        entities: annotated.entities.length,
        speakers: speakers.size,
      },
      boilerplate: article.boilerplate.slice(0, 200).map((b) => ({ text: b.text.slice(0, 500), reason: b.reason })),
      warnings: article.warnings.slice(0, 50),
      pipelineVersion: annotated.pipelineVersion,
      modelVersion: annotated.modelVersion,
      sourceSequencer: cleaned.sourceSequencer,
      processedAt,
    },
    text: article.text,
    quotes: annotated.quotes.map((q, index) => ({ articleId: cleaned.articleId, index, ...q })),
    entities: annotated.entities.map((e) => ({ articleId: cleaned.articleId, ...e })),
  };
}

function statusRecord(fields: {
  id: string;
  sourceKey: string;
  sourceSequencer: string;
  status: 'REJECTED' | 'FAILED';
  reasonCode: string;
  reason: string;
  processedAt: string;
}): ArticleRecord {
  return {
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
}
