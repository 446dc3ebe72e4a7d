/** Response schemas of the API: the OpenAPI document is generated from these, and tests validate against it. */
import * as z from 'zod';
import {
  ArticleRecordSchema,
  ArticleStatus,
  EntityArticleSchema,
  EntityRecordSchema,
  NameEntrySchema,
  QuoteRecordSchema,
  SpeakerQuoteSchema,
} from '../records.ts';

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const HealthResponse = z.object({
  status: z.literal('ok'),
  pipelineVersion: z.string(),
  modelVersion: z.string(),
});
export const ArticleDetail = ArticleRecordSchema.extend({
  text: z.string(),
  quotes: z.array(QuoteRecordSchema),
  entities: z.array(EntityRecordSchema),
});
export const ArticleStatusResponse = z.object({
  id: z.string(),
  status: ArticleStatus,
  reason: z.string().nullable(),
  reasonCode: z.string().nullable(),
  processedAt: z.string(),
  pipelineVersion: z.string(),
  modelVersion: z.string(),
});

export const Responses = {
  Error: ErrorResponse,
  Health: HealthResponse,
  ArticlePage: page(ArticleRecordSchema),
  ArticleDetail,
  ArticleStatus: ArticleStatusResponse,
  QuotePage: page(QuoteRecordSchema),
  EntityPage: page(EntityRecordSchema),
  NamePage: page(NameEntrySchema),
  SpeakerQuotePage: page(SpeakerQuoteSchema),
  EntityArticlePage: page(EntityArticleSchema),
} as const;
export type ResponseName = keyof typeof Responses;
