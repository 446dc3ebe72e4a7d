/**
 * The record types: one zod schema per record, shared by the writers (clean, annotate) and the API.
 * Types are `z.infer`red from the schemas so the two sides cannot drift apart.
 */
import * as z from 'zod';

export const ArticleStatus = z.enum(['PROCESSED', 'REJECTED', 'FAILED']);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

const SpanText = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

export const RemovedBlockSchema = z.object({ text: z.string(), reason: z.string() });
export const ParagraphSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(['body', 'heading']),
});

export const CleanArticleSchema = z.object({
  text: z.string(),
  paragraphs: z.array(ParagraphSchema),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  dateline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  format: z.enum(['text', 'html', 'markdown', 'json']),
  boilerplate: z.array(RemovedBlockSchema),
  warnings: z.array(z.string()),
});

/** What `clean` writes to `cleaned/<articleId>.json` and `annotate` reads. */
export const CleanedObjectSchema = z.object({
  schemaVersion: z.literal(1),
  articleId: z.string(),
  sourceKey: z.string(),
  /** S3 sequencer of the raw event that produced this object (orders versions of one key). */
  sourceSequencer: z.string(),
  sourceETag: z.string().nullable(),
  sourceBytes: z.number().int().nonnegative(),
  cleanedAt: z.string(),
  pipelineVersion: z.string(),
  outcome: z.discriminatedUnion('status', [
    z.object({ status: z.literal('CLEANED'), article: CleanArticleSchema }),
    z.object({ status: z.literal('REJECTED'), code: z.string(), reason: z.string() }),
    z.object({ status: z.literal('FAILED'), code: z.string(), reason: z.string() }),
  ]),
});
export type CleanedObject = z.infer<typeof CleanedObjectSchema>;

export const CountsSchema = z.object({
  paragraphs: z.number().int(),
  quotes: z.number().int(),
  entities: z.number().int(),
  speakers: z.number().int(),
});

export const ArticleRecordSchema = z.object({
  id: z.string(),
  sourceKey: z.string(),
  status: ArticleStatus,
  /** Human-readable reason for REJECTED / FAILED. */
  reason: z.string().nullable(),
  reasonCode: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  dateline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  format: z.string().nullable(),
  wordCount: z.number().int(),
  textLength: z.number().int(),
  counts: CountsSchema,
  boilerplate: z.array(RemovedBlockSchema),
  warnings: z.array(z.string()),
  pipelineVersion: z.string(),
  modelVersion: z.string(),
  sourceSequencer: z.string(),
  processedAt: z.string(),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

export const QuoteRecordSchema = z.object({
  articleId: z.string(),
  index: z.number().int(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  speaker: z.string().nullable(),
  speakerMention: SpanText.nullable(),
  speakerEntityId: z.string().nullable(),
  speakerType: z.enum(['person', 'organization', 'nominal', 'pronoun', 'unknown']),
  verb: z.string().nullable(),
  type: z.enum(['direct', 'partial', 'indirect']),
  confidence: z.number(),
});
export type QuoteRecord = z.infer<typeof QuoteRecordSchema>;

export const EntityRecordSchema = z.object({
  articleId: z.string(),
  id: z.string(),
  name: z.string(),
  type: z.enum(['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC']),
  aliases: z.array(z.string()),
  mentions: z.array(SpanText),
  count: z.number().int(),
  firstStart: z.number().int(),
  salience: z.number(),
});
export type EntityRecord = z.infer<typeof EntityRecordSchema>;
export type EntityType = EntityRecord['type'];
export const ENTITY_TYPES = EntityRecordSchema.shape.type.options;

/** Everything written for one article version. */
export interface ArticleBundle {
  article: ArticleRecord;
  text: string;
  quotes: QuoteRecord[];
  entities: EntityRecord[];
}

/** What cross-article lists carry of the article an item came from. */
const ArticleContext = z.object({ articleTitle: z.string().nullable(), articleDate: z.string() });

/** A quote as listed across articles (by speaker), with the article it came from. */
export const SpeakerQuoteSchema = QuoteRecordSchema.extend(ArticleContext.shape);
export type SpeakerQuote = z.infer<typeof SpeakerQuoteSchema>;

/** An article that mentions an entity, as listed by entity. */
export const EntityArticleSchema = EntityRecordSchema.pick({
  articleId: true,
  name: true,
  type: true,
  count: true,
  salience: true,
}).extend(ArticleContext.shape);
export type EntityArticle = z.infer<typeof EntityArticleSchema>;

/** A distinct name in the speaker or entity directory. */
export const NameEntrySchema = z.object({
  name: z.string(),
  key: z.string(),
  type: EntityRecordSchema.shape.type.optional(),
});
export type NameEntry = z.infer<typeof NameEntrySchema>;
