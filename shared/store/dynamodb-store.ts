/**
 * The DynamoDB adapter of `ArticleStore`: one table, versioned writes (see README "Data model").
 *
 *   pk = A#<articleId>   sk = META                          the article record (current version pointer)
 *   pk = A#<articleId>   sk = V#<version>#T#<nnnn>          text chunks (≤ 100,000 chars each: items < 400 KB)
 *   pk = A#<articleId>   sk = V#<version>#Q#<nnnnn>         quotes      gsi1: SPEAKER#<name> / <date>#<id>#<n>
 *   pk = A#<articleId>   sk = V#<version>#E#<entityId>      entities    gsi1: ENTITY#<TYPE>#<name> / <date>#<id>
 *                                                                       gsi2: ENAMES#<TYPE>#<shard> / <name>#<id>
 *   pk = A#<articleId>   sk = V#<version>#S#<name>          speakers    gsi2: SNAMES#<shard> / <name>#<id>
 *   META                                                    gsi1: ARTICLES#<yyyy-mm> / <processedAt>#<id>
 *                                                           gsi2: STATUS#<REJECTED|FAILED> / <processedAt>#<id>
 *   pk = CATALOG         sk = MONTHS                        the months that have articles (for newest-first lists)
 *
 * A version is `<sequencer padded>.<write token>`. Children are written first under their version, then META is
 * switched to that version with a condition (only forwards), then older children are deleted. A crash at any
 * point leaves META pointing at a complete version; a retry converges.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { normalizeName } from '../ids.ts';
import {
  type ArticleBundle,
  type ArticleRecord,
  ArticleRecordSchema,
  type ArticleStatus,
  ENTITY_TYPES,
  type EntityArticle,
  EntityArticleSchema,
  type EntityRecord,
  EntityRecordSchema,
  type EntityType,
  type NameEntry,
  type QuoteRecord,
  QuoteRecordSchema,
  type SpeakerQuote,
  SpeakerQuoteSchema,
} from '../records.ts';
import {
  type ArticleStore,
  InvalidCursorError,
  type Page,
  type PageRequest,
  type SaveResult,
} from './article-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export const TEXT_CHUNK_CHARS = 100_000;
const MAX_MENTIONS_STORED = 2_000;
const MAX_QUOTE_TEXT_STORED = 50_000;
const BATCH = 25;

type Item = Record<string, unknown>;

const pkOf = (id: string) => `A#${id}`;

/** S3 sequencers: right-pad with zeros, then they compare as strings (AWS's rule). */
export function normalizeSequencer(sequencer: string): string {
  return sequencer.toUpperCase().padEnd(40, '0');
}

function writeToken(): string {
  return `${Date.now().toString(36).padStart(9, '0')}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

const MetaKey = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string() });
const ListCursor = z.object({ m: z.string().regex(/^\d{4}-\d{2}$/), k: MetaKey.nullable() });
const StatusCursor = z.object({
  s: z.string(),
  k: z.object({ pk: z.string(), sk: z.string(), gsi2pk: z.string(), gsi2sk: z.string() }),
});
const ChildCursor = z.object({ pk: z.string(), sk: z.string() });
const Gsi1Key = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string() });
const NamesCursor = z.object({ t: z.string(), s: z.string(), a: z.string().max(600) });

/** Name directories are sharded by first character so no single GSI partition takes every write. */
const SHARDS = [...'0123456789abcdefghijklmnopqrstuvwxyz', '_'];
export function nameShard(normalized: string): string {
  const first = normalized[0] ?? '_';
  return /[0-9a-z]/.test(first) ? first : '_';
}

export class DynamoArticleStore implements ArticleStore {
  /** Months this container already registered in the catalog (saves a write per article). */
  private readonly knownMonths = new Set<string>();
  /** Versions of the records `get` returned (see `versionOf`). */
  private readonly versions = new WeakMap<ArticleRecord, string>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async save(bundle: ArticleBundle, options: { overwriteSameVersion?: boolean } = {}): Promise<SaveResult> {
    const { article } = bundle;
    const pk = pkOf(article.id);
    const seq = normalizeSequencer(article.sourceSequencer);
    const current = await this.getMeta(article.id);
    // The same source version is replaced when another pipeline or model version made it (a reprocess), or when
    // what is stored is a FAILED status and this is a real outcome (a later attempt or a redrive succeeded).
    const overwrite =
      options.overwriteSameVersion ||
      (current !== null &&
        (current.pipelineVersion !== article.pipelineVersion ||
          current.modelVersion !== article.modelVersion ||
          (current.status === 'FAILED' && article.status !== 'FAILED')));
    if (current) {
      const currentSeq = String(current.seq);
      if (currentSeq > seq) return 'stale';
      if (currentSeq === seq && !overwrite) {
        // A retry after a crash between the pointer switch and the cleanup: finish the cleanup.
        await this.deleteChildren(pk, (v) => v < String(current.version));
        return 'duplicate';
      }
    }
    const version = `${seq}.${writeToken()}`;
    const children = this.childItems(bundle, version);
    await this.batchWrite(children.map((Item) => ({ PutRequest: { Item } })));

    const month = article.processedAt.slice(0, 7);
    const meta: Item = {
      pk,
      sk: 'META',
      ...article,
      seq,
      version,
      textChunks: Math.ceil(bundle.text.length / TEXT_CHUNK_CHARS),
      gsi1pk: `ARTICLES#${month}`,
      gsi1sk: `${article.processedAt}#${article.id}`,
      ...(article.status === 'PROCESSED'
        ? {}
        : { gsi2pk: `STATUS#${article.status}`, gsi2sk: `${article.processedAt}#${article.id}` }),
    };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: meta,
          ConditionExpression: overwrite
            ? 'attribute_not_exists(pk) OR seq < :seq OR (seq = :seq AND version < :version)'
            : 'attribute_not_exists(pk) OR seq < :seq',
          ExpressionAttributeValues: overwrite ? { ':seq': seq, ':version': version } : { ':seq': seq },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await this.deleteChildren(pk, (v) => v === version);
      return current && String(current.seq) === seq ? 'duplicate' : 'stale';
    }
    await this.registerMonth(month);
    await this.deleteChildren(pk, (v) => v < version);
    return 'written';
  }

  async delete(articleId: string): Promise<void> {
    const pk = pkOf(articleId);
    const keys = await this.queryKeys({ pk, prefix: '' });
    await this.batchWrite(keys.map((Key) => ({ DeleteRequest: { Key } })));
  }

  async get(articleId: string): Promise<ArticleRecord | null> {
    const meta = await this.getMeta(articleId);
    if (!meta) return null;
    const record = ArticleRecordSchema.parse(meta);
    this.versions.set(record, String(meta.version));
    return record;
  }

  /**
   * The stored version a record returned by `get` was read at, so its text, quotes and entities come from that same
   * version (one snapshot, and no second read of META); for any other record, the current version.
   */
  private async versionOf(article: ArticleRecord): Promise<string | null> {
    const known = this.versions.get(article);
    if (known !== undefined) return known;
    const meta = await this.getMeta(article.id);
    return meta ? String(meta.version) : null;
  }

  async getText(article: ArticleRecord): Promise<string> {
    const version = await this.versionOf(article);
    if (!version) return '';
    const parts: string[] = [];
    let start: Item | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': pkOf(article.id), ':p': `V#${version}#T#` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) parts.push(String(item.text));
      start = out.LastEvaluatedKey;
    } while (start);
    return parts.join('');
  }

  async listArticles(request: PageRequest & { status?: ArticleStatus | undefined }): Promise<Page<ArticleRecord>> {
    if (request.status && request.status !== 'PROCESSED') return this.listByStatus(request.status, request);
    const months = await this.months();
    const cursor = request.cursor ? decodeCursor(request.cursor, ListCursor) : null;
    let monthIndex = cursor ? months.indexOf(cursor.m) : 0;
    if (cursor && (monthIndex < 0 || (cursor.k && cursor.k.gsi1pk !== `ARTICLES#${cursor.m}`))) {
      throw new InvalidCursorError();
    }
    let start: Item | undefined = cursor?.k ?? undefined;
    const items: ArticleRecord[] = [];
    while (monthIndex < months.length && items.length < request.limit) {
      const month = months[monthIndex] as string;
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `ARTICLES#${month}` },
          ScanIndexForward: false,
          Limit: request.limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        if (request.status && item.status !== request.status) continue;
        items.push(ArticleRecordSchema.parse(item));
      }
      if (out.LastEvaluatedKey) {
        start = out.LastEvaluatedKey;
        if (items.length >= request.limit) {
          return { items, nextCursor: encodeCursor({ m: month, k: pickKey(start, MetaKey) }) };
        }
      } else {
        start = undefined;
        monthIndex++;
        if (items.length >= request.limit && monthIndex < months.length) {
          return { items, nextCursor: encodeCursor({ m: months[monthIndex], k: null }) };
        }
      }
    }
    return { items, nextCursor: null };
  }

  async listQuotes(article: ArticleRecord, request: PageRequest): Promise<Page<QuoteRecord>> {
    return this.listChildren(article, 'Q', request, (item) => QuoteRecordSchema.parse(item));
  }

  async listEntities(article: ArticleRecord, request: PageRequest): Promise<Page<EntityRecord>> {
    return this.listChildren(article, 'E', request, (item) => EntityRecordSchema.parse(item));
  }

  async listSpeakers(request: PageRequest & { prefix?: string | undefined }): Promise<Page<NameEntry>> {
    return this.listNames('SNAMES#', request);
  }

  async listEntityNames(
    request: PageRequest & { prefix?: string | undefined; type?: EntityType | undefined },
  ): Promise<Page<NameEntry>> {
    const types = request.type ? [request.type] : [...ENTITY_TYPES];
    const cursor = request.cursor ? decodeCursor(request.cursor, NamesCursor) : null;
    let typeIndex = cursor ? types.findIndex((t) => `ENAMES#${t}#` === cursor.t) : 0;
    if (typeIndex < 0) throw new InvalidCursorError();
    const items: NameEntry[] = [];
    let innerCursor = request.cursor;
    while (typeIndex < types.length) {
      const type = types[typeIndex] as EntityType;
      const page = await this.listNames(`ENAMES#${type}#`, {
        ...request,
        cursor: innerCursor,
        limit: request.limit - items.length,
      });
      items.push(...page.items.map((i) => ({ ...i, type })));
      if (page.nextCursor) return { items, nextCursor: page.nextCursor };
      typeIndex++;
      innerCursor = undefined;
      if (items.length >= request.limit && typeIndex < types.length) {
        const prefix = normalizeName(request.prefix ?? '');
        const s = prefix ? nameShard(prefix) : SHARDS[0];
        return { items, nextCursor: encodeCursor({ t: `ENAMES#${types[typeIndex]}#`, s, a: '' }) };
      }
    }
    return { items, nextCursor: null };
  }

  async listQuotesBySpeaker(name: string, request: PageRequest): Promise<Page<SpeakerQuote>> {
    return this.queryGsi1(`SPEAKER#${normalizeName(name)}`, request, (item) => SpeakerQuoteSchema.parse(item));
  }

  async listArticlesByEntity(type: EntityType, name: string, request: PageRequest): Promise<Page<EntityArticle>> {
    return this.queryGsi1(`ENTITY#${type}#${normalizeName(name)}`, request, (item) => EntityArticleSchema.parse(item));
  }

  /** Newest-first list of one gsi1 partition. */
  private async queryGsi1<T>(partition: string, request: PageRequest, parse: (item: Item) => T): Promise<Page<T>> {
    const cursor = request.cursor ? decodeCursor(request.cursor, Gsi1Key) : null;
    if (cursor && cursor.gsi1pk !== partition) throw new InvalidCursorError();
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': partition },
        ScanIndexForward: false,
        Limit: request.limit,
        ExclusiveStartKey: cursor ?? undefined,
      }),
    );
    return {
      items: (out.Items ?? []).map(parse),
      nextCursor: out.LastEvaluatedKey ? encodeCursor(pickKey(out.LastEvaluatedKey, Gsi1Key)) : null,
    };
  }

  /**
   * Distinct names of a sharded gsi2 directory (`<base><shard>` / `<name>#<articleId>`), alphabetically. Entries of
   * one name are contiguous, so duplicates (one per article) collapse as they stream by; the cursor is the last
   * name returned, and the next page starts after all of its entries.
   */
  private async listNames(
    base: string,
    request: PageRequest & { prefix?: string | undefined },
  ): Promise<Page<NameEntry>> {
    const prefix = normalizeName(request.prefix ?? '');
    const shards = prefix ? [nameShard(prefix)] : SHARDS;
    const cursor = request.cursor ? decodeCursor(request.cursor, NamesCursor) : null;
    if (
      cursor &&
      (cursor.t !== base || !shards.includes(cursor.s) || (cursor.a !== '' && !cursor.a.startsWith(prefix)))
    ) {
      throw new InvalidCursorError();
    }
    const items: NameEntry[] = [];
    let shardIndex = cursor ? shards.indexOf(cursor.s) : 0;
    let after = cursor?.a ?? '';
    while (shardIndex < shards.length) {
      const shard = shards[shardIndex] as string;
      let start: Item | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: {
              ':p': `${base}${shard}`,
              ':lo': after ? `${after}#\uffff` : prefix || ' ',
              ':hi': `${prefix}\uffff`,
            },
            Limit: 200,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const key = String(item.key);
          if (key === after) continue;
          if (items.length >= request.limit) {
            return { items, nextCursor: encodeCursor({ t: base, s: shard, a: after }) };
          }
          items.push({ name: String(item.name), key });
          after = key;
        }
        start = out.LastEvaluatedKey;
      } while (start);
      shardIndex++;
      after = '';
    }
    return { items, nextCursor: null };
  }

  private async listByStatus(status: ArticleStatus, request: PageRequest): Promise<Page<ArticleRecord>> {
    const cursor = request.cursor ? decodeCursor(request.cursor, StatusCursor) : null;
    if (cursor && (cursor.s !== status || cursor.k.gsi2pk !== `STATUS#${status}`)) throw new InvalidCursorError();
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': `STATUS#${status}` },
        ScanIndexForward: false,
        Limit: request.limit,
        ExclusiveStartKey: cursor?.k,
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => ArticleRecordSchema.parse(i)),
      nextCursor: out.LastEvaluatedKey ? encodeCursor({ s: status, k: out.LastEvaluatedKey }) : null,
    };
  }

  private async listChildren<T>(
    article: ArticleRecord,
    kind: 'Q' | 'E',
    request: PageRequest,
    parse: (item: Item) => T,
  ): Promise<Page<T>> {
    const version = await this.versionOf(article);
    if (!version) return { items: [], nextCursor: null };
    const pk = pkOf(article.id);
    const prefix = `V#${version}#${kind}#`;
    const cursor = request.cursor ? decodeCursor(request.cursor, ChildCursor) : null;
    if (cursor && (cursor.pk !== pk || !cursor.sk.startsWith(prefix))) throw new InvalidCursorError();
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        Limit: request.limit,
        ExclusiveStartKey: cursor ?? undefined,
      }),
    );
    return {
      items: (out.Items ?? []).map(parse),
      nextCursor: out.LastEvaluatedKey ? encodeCursor(pickKey(out.LastEvaluatedKey, ChildCursor)) : null,
    };
  }

  private async getMeta(articleId: string): Promise<Item | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pkOf(articleId), sk: 'META' }, ConsistentRead: true }),
    );
    return out.Item ?? null;
  }

  private childItems(bundle: ArticleBundle, version: string): Item[] {
    const { article } = bundle;
    const pk = pkOf(article.id);
    const date = article.publishedAt ?? article.processedAt;
    const items: Item[] = [];
    for (let i = 0, n = 0; i < bundle.text.length; i += TEXT_CHUNK_CHARS, n++) {
      items.push({ pk, sk: `V#${version}#T#${pad(n, 4)}`, text: bundle.text.slice(i, i + TEXT_CHUNK_CHARS) });
    }
    const context = { articleTitle: article.title, articleDate: date };
    const speakers = new Map<string, string>();
    for (const quote of bundle.quotes) {
      const speaker = quote.speaker ? normalizeName(quote.speaker) : '';
      if (speaker && !speakers.has(speaker)) speakers.set(speaker, quote.speaker ?? speaker);
      items.push({
        pk,
        sk: `V#${version}#Q#${pad(quote.index, 5)}`,
        ...quote,
        ...context,
        text: quote.text.slice(0, MAX_QUOTE_TEXT_STORED),
        ...(speaker ? { gsi1pk: `SPEAKER#${speaker}`, gsi1sk: `${date}#${article.id}#${pad(quote.index, 5)}` } : {}),
      });
    }
    for (const [key, name] of speakers) {
      items.push({
        pk,
        sk: `V#${version}#S#${key.slice(0, 200)}`,
        name,
        key,
        gsi2pk: `SNAMES#${nameShard(key)}`,
        gsi2sk: `${key.slice(0, 400)}#${article.id}`,
      });
    }
    for (const entity of bundle.entities) {
      const key = normalizeName(entity.name);
      items.push({
        pk,
        sk: `V#${version}#E#${entity.id.slice(0, 300)}`,
        ...entity,
        ...context,
        key,
        mentions: entity.mentions.slice(0, MAX_MENTIONS_STORED),
        gsi1pk: `ENTITY#${entity.type}#${key.slice(0, 400)}`,
        gsi1sk: `${date}#${article.id}`,
        ...(key
          ? { gsi2pk: `ENAMES#${entity.type}#${nameShard(key)}`, gsi2sk: `${key.slice(0, 400)}#${article.id}` }
          : {}),
      });
    }
    return items;
  }

  /** Delete this article's version children whose version matches. */
  private async deleteChildren(pk: string, match: (version: string) => boolean): Promise<void> {
    const keys = await this.queryKeys({ pk, prefix: 'V#' });
    const doomed = keys.filter((k) => match(String(k.sk).split('#')[1] ?? ''));
    await this.batchWrite(doomed.map((Key) => ({ DeleteRequest: { Key } })));
  }

  private async queryKeys({ pk, prefix }: { pk: string; prefix: string }): Promise<Item[]> {
    const keys: Item[] = [];
    let start: Item | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.tableName,
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
        ExpressionAttributeValues: prefix ? { ':pk': pk, ':p': prefix } : { ':pk': pk },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      };
      const out = await this.doc.send(new QueryCommand(input));
      keys.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  /** BatchWriteItem in chunks of 25, retrying UnprocessedItems with exponential backoff and jitter. */
  private async batchWrite(requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH) {
      let pending = requests.slice(i, i + BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 10) throw new Error(`DynamoDB left ${pending.length} items unprocessed after ${attempt} tries`);
        if (attempt > 0) await this.sleep(Math.min(2_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = out.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }

  private async registerMonth(month: string): Promise<void> {
    if (this.knownMonths.has(month)) return;
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: 'CATALOG', sk: 'MONTHS' },
        UpdateExpression: 'ADD months :m',
        ExpressionAttributeValues: { ':m': new Set([month]) },
      }),
    );
    this.knownMonths.add(month);
  }

  /** Months with articles, newest first. */
  private async months(): Promise<string[]> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: 'CATALOG', sk: 'MONTHS' } }),
    );
    const set = out.Item?.months as Set<string> | undefined;
    return [...(set ?? [])].sort().reverse();
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function pickKey<S extends z.ZodType>(key: Item, schema: S): z.infer<S> {
  return schema.parse(key);
}
