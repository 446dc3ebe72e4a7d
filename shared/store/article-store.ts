/**
 * The port: what the handlers need from storage, with no AWS types. Adapters: `dynamodb-store.ts`.
 */
import type {
  ArticleBundle,
  ArticleRecord,
  ArticleStatus,
  EntityArticle,
  EntityRecord,
  EntityType,
  NameEntry,
  QuoteRecord,
  SpeakerQuote,
} from '../records.ts';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` to get the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** `written`: this version is now current; `stale`: a newer version is stored; `duplicate`: already stored. */
export type SaveResult = 'written' | 'stale' | 'duplicate';

export interface ArticleStore {
  /**
   * Replace the article's records with this version unless a newer (or the same) version is stored. The same version
   * is replaced when another pipeline/model version made it, or when what is stored is a FAILED status and this is not.
   */
  save(bundle: ArticleBundle, options?: { overwriteSameVersion?: boolean }): Promise<SaveResult>;
  /** Remove every record of the article. */
  delete(articleId: string): Promise<void>;
  get(articleId: string): Promise<ArticleRecord | null>;
  getText(article: ArticleRecord): Promise<string>;
  listArticles(request: PageRequest & { status?: ArticleStatus | undefined }): Promise<Page<ArticleRecord>>;
  listQuotes(article: ArticleRecord, request: PageRequest): Promise<Page<QuoteRecord>>;
  listEntities(article: ArticleRecord, request: PageRequest): Promise<Page<EntityRecord>>;
  /** Distinct speakers whose normalised name starts with `prefix`, alphabetically. */
  listSpeakers(request: PageRequest & { prefix?: string | undefined }): Promise<Page<NameEntry>>;
  /** Every quote by this speaker (case- and accent-insensitive), newest article first. */
  listQuotesBySpeaker(name: string, request: PageRequest): Promise<Page<SpeakerQuote>>;
  /** Distinct entity names (of one type, or all types in turn), alphabetically. */
  listEntityNames(
    request: PageRequest & { prefix?: string | undefined; type?: EntityType | undefined },
  ): Promise<Page<NameEntry>>;
  /** Every article that mentions this entity, newest first. */
  listArticlesByEntity(type: EntityType, name: string, request: PageRequest): Promise<Page<EntityArticle>>;
}

/** A cursor that is not one we issued (tampered, truncated, for another list). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('The cursor is not valid for this list.');
  }
}
