/**
 * The HTTP API, independent of API Gateway: (method, path, query) → (status, JSON body), over the ArticleStore port.
 */
import * as z from 'zod';
import { isArticleId } from '../ids.ts';
// The version string only: importing the entities stage would load the model into the API function.
import { MODEL_VERSION } from '../pipeline/entities/model/model-data.ts';
import { PIPELINE_VERSION } from '../pipeline/version.ts';
import { type ArticleRecord, ArticleStatus, ENTITY_TYPES, type EntityType } from '../records.ts';
import { type ArticleStore, InvalidCursorError, type Page } from '../store/article-store.ts';
import { ApiError, BadRequestError, MethodNotAllowedError, NotFoundError } from './errors.ts';
import { openApiDocument } from './openapi.ts';

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

const MAX_LIMIT = 100;

const PageQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .transform((n) => Math.min(n, MAX_LIMIT))
    .default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
const ArticlesQuery = PageQuery.extend({ status: ArticleStatus.optional() });
const NamesQuery = PageQuery.extend({ prefix: z.string().max(200).optional() });
const EntityTypeParam = z
  .string()
  .transform((t) => t.toUpperCase())
  .pipe(z.enum(ENTITY_TYPES, { error: `type must be one of ${ENTITY_TYPES.join(', ')}` }));
const EntityNamesQuery = NamesQuery.extend({ type: EntityTypeParam.optional() });

function entityType(value: string): EntityType {
  const parsed = EntityTypeParam.safeParse(value);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]?.message ?? 'Invalid entity type.');
  return parsed.data;
}

function nameParam(value: string): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 200) throw new BadRequestError('The name must be 1 to 200 characters.');
  return trimmed;
}

function parseQuery<S extends z.ZodType>(schema: S, query: ApiRequest['query']): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequestError(`Invalid query parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function createRouter(store: ArticleStore) {
  async function article(id: string): Promise<ArticleRecord> {
    const record = isArticleId(id) ? await store.get(id) : null;
    if (!record) throw new NotFoundError(`No article with id ${JSON.stringify(id.slice(0, 64))}.`);
    return record;
  }

  type Handler = (params: string[], query: ApiRequest['query']) => Promise<unknown>;
  const routes: Array<[RegExp, Handler]> = [
    [/^\/health$/, async () => ({ status: 'ok', pipelineVersion: PIPELINE_VERSION, modelVersion: MODEL_VERSION })],
    [/^\/articles$/, async (_, q) => store.listArticles(parseQuery(ArticlesQuery, q))],
    [
      /^\/articles\/([^/]+)$/,
      async ([id = '']) => {
        const record = await article(id);
        const [text, quotes, entities] = await Promise.all([
          store.getText(record),
          allPages((cursor) => store.listQuotes(record, { limit: 1000, cursor })),
          allPages((cursor) => store.listEntities(record, { limit: 1000, cursor })),
        ]);
        return { ...record, text, quotes, entities };
      },
    ],
    [
      /^\/articles\/([^/]+)\/status$/,
      async ([id = '']) => {
        const { status, reason, reasonCode, processedAt, pipelineVersion, modelVersion } = await article(id);
        return { id, status, reason, reasonCode, processedAt, pipelineVersion, modelVersion };
      },
    ],
    [
      /^\/articles\/([^/]+)\/quotes$/,
      async ([id = ''], q) => store.listQuotes(await article(id), parseQuery(PageQuery, q)),
    ],
    [
      /^\/articles\/([^/]+)\/entities$/,
      async ([id = ''], q) => store.listEntities(await article(id), parseQuery(PageQuery, q)),
    ],
    [/^\/speakers$/, async (_, q) => store.listSpeakers(parseQuery(NamesQuery, q))],
    [
      /^\/speakers\/([^/]+)\/quotes$/,
      async ([name = ''], q) => store.listQuotesBySpeaker(nameParam(name), parseQuery(PageQuery, q)),
    ],
    [/^\/entities$/, async (_, q) => store.listEntityNames(parseQuery(EntityNamesQuery, q))],
    [
      /^\/entities\/([^/]+)\/([^/]+)\/articles$/,
      async ([type = '', name = ''], q) =>
        store.listArticlesByEntity(entityType(type), nameParam(name), parseQuery(PageQuery, q)),
    ],
    [/^\/openapi\.json$/, async () => openApiDocument()],
  ];

  return async function route(request: ApiRequest): Promise<ApiResponse> {
    try {
      const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
      for (const [pattern, handler] of routes) {
        const match = pattern.exec(path);
        if (!match) continue;
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new MethodNotAllowedError();
        const params = match.slice(1).map((p) => safeDecode(p));
        return { status: 200, body: await handler(params, request.query) };
      }
      throw new NotFoundError('No such route.');
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message);
      if (error instanceof InvalidCursorError) return errorResponse(400, 'BAD_CURSOR', error.message);
      throw error;
    }
  };
}

export function errorResponse(status: number, code: string, message: string): ApiResponse {
  return { status, body: { error: { code, message } } };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequestError('Malformed percent-encoding in the path.');
  }
}
