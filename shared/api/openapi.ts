/** The OpenAPI 3.1 document, generated from the same zod schemas the API uses. */
import * as z from 'zod';
import { PIPELINE_VERSION } from '../pipeline/version.ts';
import { type ResponseName, Responses } from './schemas.ts';

interface Param {
  name: string;
  in: 'query' | 'path';
  schema: Record<string, unknown>;
  description?: string;
}

const limit: Param = {
  name: 'limit',
  in: 'query',
  schema: { type: 'integer', minimum: 1, default: 20 },
  description: 'Page size; values above 100 are clamped to 100.',
};
const cursor: Param = {
  name: 'cursor',
  in: 'query',
  schema: { type: 'string' },
  description: 'nextCursor of the previous page.',
};
const prefix: Param = {
  name: 'prefix',
  in: 'query',
  schema: { type: 'string' },
  description: 'Case- and accent-insensitive name prefix.',
};
const id: Param = { name: 'id', in: 'path', schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } };
const name: Param = {
  name: 'name',
  in: 'path',
  schema: { type: 'string' },
  description: 'Case- and accent-insensitive.',
};
const entityType: Param = {
  name: 'type',
  in: 'path',
  schema: { type: 'string', enum: ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] },
};

/** Every route: path template → [summary, parameters, 200 response, other statuses]. */
export const ROUTES: Record<string, [string, Param[], ResponseName, number[]]> = {
  '/health': ['Liveness and versions', [], 'Health', []],
  '/articles': [
    'Articles, newest first',
    [
      limit,
      cursor,
      { name: 'status', in: 'query', schema: { type: 'string', enum: ['PROCESSED', 'REJECTED', 'FAILED'] } },
    ],
    'ArticlePage',
    [400],
  ],
  '/articles/{id}': ['One article with its text, quotes and entities', [id], 'ArticleDetail', [404]],
  '/articles/{id}/status': ['Processing status of one article', [id], 'ArticleStatus', [404]],
  '/articles/{id}/quotes': ['Quotes of one article, in text order', [id, limit, cursor], 'QuotePage', [400, 404]],
  '/articles/{id}/entities': ['Entities of one article', [id, limit, cursor], 'EntityPage', [400, 404]],
  '/speakers': ['Distinct speakers, alphabetically', [prefix, limit, cursor], 'NamePage', [400]],
  '/speakers/{name}/quotes': [
    'Every quote by a speaker, newest first',
    [name, limit, cursor],
    'SpeakerQuotePage',
    [400],
  ],
  '/entities': [
    'Distinct entity names, alphabetically (by type)',
    [{ ...entityType, in: 'query' }, prefix, limit, cursor],
    'NamePage',
    [400],
  ],
  '/entities/{type}/{name}/articles': [
    'Every article that mentions an entity, newest first',
    [entityType, name, limit, cursor],
    'EntityArticlePage',
    [400],
  ],
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  return rest;
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const schemas = Object.fromEntries(Object.entries(Responses).map(([n, s]) => [n, jsonSchema(s)]));
  const ref = (n: ResponseName) => ({
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${n}` } } },
  });
  const paths = Object.fromEntries(
    Object.entries(ROUTES).map(([path, [summary, parameters, ok, errors]]) => [
      path,
      {
        get: {
          summary,
          parameters: parameters.map((p) => ({ ...p, required: p.in === 'path' })),
          responses: {
            200: { description: 'OK', ...ref(ok) },
            ...Object.fromEntries(errors.map((s) => [s, { description: 'Error', ...ref('Error') }])),
            default: { description: 'Error', ...ref('Error') },
          },
        },
      },
    ]),
  );
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Annotator API',
      version: PIPELINE_VERSION,
      description: 'Quotes, speakers and entities of news articles.',
    },
    paths: {
      ...paths,
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
    components: { schemas },
  };
  return cached;
}
