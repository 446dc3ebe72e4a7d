/** Typed calls to the JSON API on the same origin (relative URLs, so a stage prefix in the page URL still works). */
import type { z } from 'zod';
import type { Responses } from '../../shared/api/schemas.ts';

type R<K extends keyof typeof Responses> = z.infer<(typeof Responses)[K]>;
export type ArticlePage = R<'ArticlePage'>;
export type Article = ArticlePage['items'][number];
export type ArticleDetail = R<'ArticleDetail'>;
export type Quote = ArticleDetail['quotes'][number];
export type Entity = ArticleDetail['entities'][number];
export type NamePage = R<'NamePage'>;
export type SpeakerQuotePage = R<'SpeakerQuotePage'>;
export type EntityArticlePage = R<'EntityArticlePage'>;
export type Status = Article['status'];
export type EntityType = Entity['type'];

export const STATUSES: readonly Status[] = ['PROCESSED', 'REJECTED', 'FAILED'];
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | null | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

async function get<T>(path: string, query?: Query): Promise<T> {
  const response = await fetch(url(path, query), { headers: { accept: 'application/json' } });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new ApiCallError(response.status, message ?? `The API answered ${response.status}.`);
  }
  return body as T;
}

const seg = encodeURIComponent;

export const api = {
  articles: (q: { limit?: number; cursor?: string; status?: Status }) => get<ArticlePage>('articles', q),
  article: (id: string) => get<ArticleDetail>(`articles/${seg(id)}`),
  speakers: (q: { prefix?: string; cursor?: string; limit?: number }) => get<NamePage>('speakers', q),
  speakerQuotes: (name: string, q: { cursor?: string; limit?: number }) =>
    get<SpeakerQuotePage>(`speakers/${seg(name)}/quotes`, q),
  entities: (q: { type?: EntityType; prefix?: string; cursor?: string; limit?: number }) =>
    get<NamePage>('entities', q),
  entityArticles: (type: EntityType, name: string, q: { cursor?: string; limit?: number }) =>
    get<EntityArticlePage>(`entities/${seg(type)}/${seg(name)}/articles`, q),
};
