/**
 * The DynamoDB adapter of `ArticleStore`: one table, versioned writes (see README "Data model").
 *
 *   pk = A#<articleId>   sk = META                         the article record (current version pointer)
 *                                                          gsi1: ARTICLES#<yyyy-mm> / <processedAt>#<id>
 *                                                          gsi2: STATUS#<REJECTED|FAILED> / <processedAt>#<id>
 *   pk = A#<articleId>   sk = V#<version>#T#<nnnn>         text chunks (≤ 100,000 chars each, deflated)
 *   pk = A#<articleId>   sk = V#<version>#Q#<nnnn>         quotes, packed (deflated JSON; Q#<nnnnn> with a gsi1 copy
 *                                                          SPEAKER#<name> / <date>#<id>#<n> when written by earlier
 *                                                          versions, one per quote)
 *   pk = A#<articleId>   sk = V#<version>#E#<nnnn>         entities, packed (deflated JSON; E#<entityId> when
 *                                                          written by earlier versions, one per entity)
 *   pk = A#<articleId>   sk = V#<version>#X#<nnnn>         the keys of this version's directory entries (below)
 *   pk = ENAMES#<TYPE>#<shard>  sk = <name>#<date>#<id>#<version>#<entityId>   directory + articles by entity
 *   pk = SNAMES#<shard>         sk = <name>#<date>#<id>#<version>#<nnnn>       speaker directory + the speaker's
 *                                                          quotes of that article, packed (earlier versions:
 *                                                          <name>#<id>#<version>, no quotes)
 *   pk = CATALOG         sk = MONTHS                       the months that have articles (for newest-first lists)
 *
 * A version is `<sequencer padded>.<write token>`. Children are written first under their version (the X items, which
 * list the directory entries, before those entries), then META is switched to that version with a condition (only
 * forwards), then older children are deleted (directory entries first, found through their X items). A crash at
 * any point leaves META pointing at a complete version; a retry converges.
 *
 * Write units: every item costs 1 per started KB, plus the same again for each GSI it is indexed in. Directory
 * entries are table items of their own (1 unit each, no mentions) rather than GSI copies of the article's entity
 * items with their mentions (1 + 2 copies each); quotes, entities and text chunks are packed and deflated, and a
 * speaker's quotes of an article ride in its speaker directory entry (one item, ~1 unit) instead of a gsi1 copy of
 * each quote (2 units per quote).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
import * as z from 'zod';
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
/** BatchWriteItem calls of one write in flight at once. */
const WRITE_CONCURRENCY = 4;
/**
 * Names (≤ 200 characters after the annotate use case's bounds) and entity ids in directory sort keys are cut to these
 * lengths: with the date, article id and version the key stays under DynamoDB's 1,024-byte sort-key limit.
 */
const MAX_KEY_CHARS = 200;
const MAX_ID_CHARS = 100;
/** An entity pack or a key list holds up to this many characters of JSON (deflated, the item stays < 400 KB). */
const PACK_CHARS = 100_000;

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
const TableKey = z.object({ pk: z.string(), sk: z.string() });
/** Position in an article's packed entity list (quote list with `k: 'Q'`), at one version. */
const PackCursor = z.object({
  pk: z.string(),
  v: z.string(),
  i: z.number().int().min(0),
  k: z.literal('Q').optional(),
});
const Gsi1Key = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string() });
const NamesCursor = z.object({ t: z.string(), s: z.string(), a: z.string().max(600) });
const SpeakerCursor = z.object({ s: z.string(), k: z.string().max(1500) });
/** A speaker directory entry's payload: the article context and the speaker's quotes in it. */
const SpeakerPack = z.object({
  c: z.object({ articleTitle: z.string().nullable(), articleDate: z.string() }),
  q: z.array(z.looseObject({ index: z.number().int() })),
});

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
    const { children, entries } = this.childItems(bundle, version);
    // The X items (keys of the directory entries) are written before the entries, so a cleanup can always find them.
    await this.batchWrite(children.map((Item) => ({ PutRequest: { Item } })));
    await this.batchWrite(entries.map((Item) => ({ PutRequest: { Item } })));

    const month = article.processedAt.slice(0, 7);
    const meta: Item = {
      pk,
      sk: 'META',
      ...article,
      seq,
      version,
      textChunks: textChunks(bundle.text).length,
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
      // The entries as written, not as listed by the X items: a concurrent save that won may have removed those.
      await this.batchWrite(entries.map((e) => ({ DeleteRequest: { Key: { pk: e.pk, sk: e.sk } } })));
      await this.deleteChildren(pk, (v) => v === version);
      return current && String(current.seq) === seq ? 'duplicate' : 'stale';
    }
    await Promise.all([this.registerMonth(month), this.deleteChildren(pk, (v) => v < version)]);
    return 'written';
  }

  async delete(articleId: string): Promise<void> {
    const pk = pkOf(articleId);
    const keys = await this.queryKeys({ pk, prefix: '' });
    await this.deleteEntries(pk, versionsOf(keys));
    await this.batchWrite(lastXItems(keys).map((Key) => ({ DeleteRequest: { Key } })));
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
    const chunks = await this.queryAll({ pk: pkOf(article.id), prefix: `V#${version}#T#` });
    return chunks.map(chunkText).join('');
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
    return this.listPacked(article, 'Q', request, QuoteRecordSchema);
  }

  /** Entities in the order of their ids. */
  async listEntities(article: ArticleRecord, request: PageRequest): Promise<Page<EntityRecord>> {
    return this.listPacked(article, 'E', request, EntityRecordSchema);
  }

  /**
   * An article's quotes (by index) or entities (by id). One item per record (earlier versions): paged by DynamoDB
   * (Limit); packed: all packs read, paged by position.
   */
  private async listPacked<T>(
    article: ArticleRecord,
    kind: 'Q' | 'E',
    request: PageRequest,
    schema: z.ZodType<T>,
  ): Promise<Page<T>> {
    const cursor = request.cursor ? decodeCursor(request.cursor, z.union([TableKey, PackCursor])) : null;
    if (cursor && 'i' in cursor && (cursor.k ?? 'E') !== kind) throw new InvalidCursorError();
    if (cursor === null || 'sk' in cursor) {
      const page = await this.listChildren(article, kind, request, (item) => item);
      const packed = page.items.some((item) => item.z instanceof Uint8Array);
      if (!packed) return { items: page.items.map((item) => schema.parse(item)), nextCursor: page.nextCursor };
      if (cursor) throw new InvalidCursorError();
      // Every pack read already (the usual case): no second query.
      if (!page.nextCursor) return this.listPacks(article, kind, request, schema, null, page.items);
    }
    return this.listPacks(article, kind, request, schema, cursor);
  }

  private async listPacks<T>(
    article: ArticleRecord,
    kind: 'Q' | 'E',
    request: PageRequest,
    schema: z.ZodType<T>,
    cursor: z.infer<typeof PackCursor> | null,
    preloaded?: Item[],
  ): Promise<Page<T>> {
    const version = await this.versionOf(article);
    if (!version) return { items: [], nextCursor: null };
    const pk = pkOf(article.id);
    if (cursor && (cursor.pk !== pk || cursor.v !== version)) throw new InvalidCursorError();
    const stored = preloaded ?? (await this.queryAll({ pk, prefix: `V#${version}#${kind}#` }));
    const records: T[] = [];
    for (const item of stored) {
      // Items written before packing hold one record each.
      if (item.z instanceof Uint8Array) records.push(...z.array(schema).parse(unpack(item.z)));
      else records.push(schema.parse(item));
    }
    const from = cursor?.i ?? 0;
    const items = records.slice(from, from + request.limit);
    // Like a DynamoDB Query with Limit: a full page has a cursor, even when nothing follows.
    const full = items.length === request.limit;
    const next = { pk, v: version, i: from + items.length, ...(kind === 'E' ? {} : { k: kind }) };
    return { items, nextCursor: full ? encodeCursor(next) : null };
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

  /**
   * Newest article first, then by quote index, highest first: the order of the quote's key
   * `<date>#<articleId>#<index>`. Quotes live in the speaker's directory entries (one per speaker and article); articles
   * written before that layout have one gsi1 item per quote (`SPEAKER#<name>`). Both are read and merged by that key,
   * which is also the cursor.
   */
  async listQuotesBySpeaker(name: string, request: PageRequest): Promise<Page<SpeakerQuote>> {
    const speaker = normalizeName(name);
    const partition = `SPEAKER#${speaker}`;
    const cursor = request.cursor ? decodeCursor(request.cursor, z.union([SpeakerCursor, Gsi1Key])) : null;
    let after: string | null = null;
    if (cursor) {
      const [cursorPartition, key] = 's' in cursor ? [cursor.s, cursor.k] : [cursor.gsi1pk, cursor.gsi1sk];
      if (cursorPartition !== partition) throw new InvalidCursorError();
      after = key;
    }
    const [packed, indexed] = await Promise.all([
      this.speakerPackQuotes(speaker, after, request.limit),
      this.queryGsi1(partition, after, request.limit),
    ]);
    const merged = indexed.length === 0 ? packed : [...packed, ...indexed].sort((a, b) => compareUtf8(b.key, a.key));
    const page = merged.slice(0, request.limit);
    const last = page[page.length - 1];
    // Like a DynamoDB Query with Limit: a full page has a cursor, even when nothing follows.
    return {
      items: page.map((q) => q.quote),
      nextCursor: last && page.length === request.limit ? encodeCursor({ s: partition, k: last.key }) : null,
    };
  }

  /** At least `limit` quotes (unless there are fewer) of the speaker's directory entries, keys below `after`. */
  private async speakerPackQuotes(
    speaker: string,
    after: string | null,
    limit: number,
  ): Promise<{ key: string; quote: SpeakerQuote }[]> {
    const found: { key: string; quote: SpeakerQuote }[] = [];
    const prefix = `${speaker.slice(0, MAX_KEY_CHARS)}#`;
    // Entries of the cursor's article (`<date>#<articleId>#…`) and older ones.
    const hi = `${prefix}${after === null ? '' : after.slice(0, after.lastIndexOf('#') + 1)}\uffff`;
    let start: Item | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
          ExpressionAttributeValues: { ':p': `SNAMES#${nameShard(speaker)}`, ':lo': prefix, ':hi': hi },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        // Entries written before quotes moved here carry no quotes (their quotes are in gsi1).
        if (!(item.z instanceof Uint8Array) || item.key !== speaker) continue;
        const sk = String(item.sk);
        // `<name>#<date>#<articleId>#<version>#<pack>` → `<date>#<articleId>#`
        const article = sk.slice(prefix.length, sk.lastIndexOf('#', sk.lastIndexOf('#') - 1) + 1);
        const { c, q } = SpeakerPack.parse(unpack(item.z));
        for (let i = q.length - 1; i >= 0; i--) {
          const quote = q[i] as QuoteRecord;
          const key = `${article}${pad(quote.index, 5)}`;
          if (after !== null && compareUtf8(key, after) >= 0) continue;
          found.push({ key, quote: SpeakerQuoteSchema.parse({ ...quote, ...c }) });
        }
      }
      start = out.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found;
  }

  /** The entity's entries in its directory shard (`<name>#<date>#<id>#<version>#<entityId>`), newest first. */
  async listArticlesByEntity(type: EntityType, name: string, request: PageRequest): Promise<Page<EntityArticle>> {
    const key = normalizeName(name);
    const partition = `ENAMES#${type}#${nameShard(key)}`;
    const prefix = `${key.slice(0, MAX_KEY_CHARS)}#`;
    return this.queryPrefix(partition, prefix, request, (item) => EntityArticleSchema.parse(item), {
      newestFirst: true,
    });
  }

  /** Quotes written before they moved into the speaker directory: one gsi1 item each, newest first, below `after`. */
  private async queryGsi1(
    partition: string,
    after: string | null,
    limit: number,
  ): Promise<{ key: string; quote: SpeakerQuote }[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: after === null ? 'gsi1pk = :p' : 'gsi1pk = :p AND gsi1sk < :a',
        ExpressionAttributeValues: after === null ? { ':p': partition } : { ':p': partition, ':a': after },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => ({ key: String(item.gsi1sk), quote: SpeakerQuoteSchema.parse(item) }));
  }

  /**
   * Distinct names of a sharded directory (partition `<base><shard>`, sort key `<name>#…`), alphabetically. Entries
   * of one name are contiguous, so duplicates (one per article) collapse as they stream by; a name is shown as the
   * entry of the smallest article id (then entity id) spells it. The cursor is the last name returned, and the next
   * page starts after all of its entries.
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
    /** The name whose entries are streaming by; pushed when the next name starts or the shard ends. */
    let run: { key: string; name: string; rank: string } | null = null;
    const finishRun = () => {
      if (!run) return;
      items.push({ name: run.name, key: run.key });
      after = run.key;
      run = null;
    };
    while (shardIndex < shards.length) {
      const shard = shards[shardIndex] as string;
      let start: Item | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: {
              ':p': `${base}${shard}`,
              ':lo': after ? `${after}#\uffff` : prefix || ' ',
              ':hi': `${prefix}\uffff`,
            },
            // Speaker entries also carry their quotes: only what the list shows is read back.
            ProjectionExpression: '#k, #n, #a, #i',
            ExpressionAttributeNames: { '#k': 'key', '#n': 'name', '#a': 'articleId', '#i': 'id' },
            Limit: 200,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const key = String(item.key ?? '');
          if (!key || key === after) continue; // an entity whose name has no letter or digit is not listed
          const name = String(item.name);
          const rank = `${String(item.articleId)}\u0000${String(item.id ?? '')}`;
          if (run && key === run.key) {
            if (rank < run.rank) run = { key, name, rank };
            continue;
          }
          finishRun();
          if (items.length >= request.limit) {
            return { items, nextCursor: encodeCursor({ t: base, s: shard, a: after }) };
          }
          run = { key, name, rank };
        }
        start = out.LastEvaluatedKey;
      } while (start);
      finishRun();
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
    return this.queryPrefix(pkOf(article.id), `V#${version}#${kind}#`, request, parse);
  }

  /** One page of the items of partition `pk` whose sort keys start with `prefix`; the cursor must stay inside. */
  private async queryPrefix<T>(
    pk: string,
    prefix: string,
    request: PageRequest,
    parse: (item: Item) => T,
    options: { newestFirst?: boolean } = {},
  ): Promise<Page<T>> {
    const cursor = request.cursor ? decodeCursor(request.cursor, TableKey) : null;
    if (cursor && (cursor.pk !== pk || !cursor.sk.startsWith(prefix))) throw new InvalidCursorError();
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        ...(options.newestFirst ? { ScanIndexForward: false } : {}),
        Limit: request.limit,
        ExclusiveStartKey: cursor ?? undefined,
      }),
    );
    return {
      items: (out.Items ?? []).map(parse),
      nextCursor: out.LastEvaluatedKey ? encodeCursor(pickKey(out.LastEvaluatedKey, TableKey)) : null,
    };
  }

  private async getMeta(articleId: string): Promise<Item | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pkOf(articleId), sk: 'META' }, ConsistentRead: true }),
    );
    return out.Item ?? null;
  }

  /** The version's items in the article's partition, and its directory entries (in other partitions). */
  private childItems(bundle: ArticleBundle, version: string): { children: Item[]; entries: Item[] } {
    const { article } = bundle;
    const pk = pkOf(article.id);
    const date = article.publishedAt ?? article.processedAt;
    const children: Item[] = [];
    const entries: Item[] = [];
    textChunks(bundle.text).forEach((chunk, n) => {
      // Deflated: about half the write units of the plain text (1 KB each). 100,000 UTF-16 code units are at most
      // 300,000 UTF-8 bytes, and deflate adds a few bytes per 16 KB at worst: the item stays < 400 KB.
      children.push({ pk, sk: `V#${version}#T#${pad(n, 4)}`, z: deflateRawSync(Buffer.from(chunk, 'utf8')) });
    });
    const context = { articleTitle: article.title, articleDate: date };
    // Quotes in the order of their padded indexes (the order of the one-item-per-quote layout), packed and deflated
    // like entities: ~1 write unit per article instead of 2 per quote with a speaker (the item + its gsi1 copy).
    const quotes = bundle.quotes
      .map((quote) => ({ ...quote, text: quote.text.slice(0, MAX_QUOTE_TEXT_STORED) }))
      .sort((a, b) => compareStrings(pad(a.index, 5), pad(b.index, 5)));
    packs(quotes).forEach((pack, n) => {
      children.push({ pk, sk: `V#${version}#Q#${pad(n, 4)}`, z: deflateRawSync(Buffer.from(pack, 'utf8')) });
    });
    // Per speaker and article: the speaker's quotes of this article, packed, in the speaker directory (SNAMES). The one
    // item both lists the name and serves the speaker's quotes, newest article first by its sort key.
    const bySpeaker = new Map<string, { name: string; quotes: QuoteRecord[] }>();
    for (const quote of quotes) {
      const speaker = quote.speaker ? normalizeName(quote.speaker) : '';
      if (!speaker) continue;
      const entry = bySpeaker.get(speaker);
      if (entry) entry.quotes.push(quote);
      else bySpeaker.set(speaker, { name: quote.speaker as string, quotes: [quote] });
    }
    const contextJson = JSON.stringify(context);
    for (const [speaker, { name, quotes: own }] of bySpeaker) {
      packs(own).forEach((pack, n) => {
        entries.push({
          pk: `SNAMES#${nameShard(speaker)}`,
          sk: `${speaker.slice(0, MAX_KEY_CHARS)}#${date}#${article.id}#${version}#${pad(n, 4)}`,
          name,
          key: speaker,
          articleId: article.id,
          z: deflateRawSync(Buffer.from(`{"c":${contextJson},"q":${pack}}`, 'utf8')),
        });
      });
    }
    // Listed in the order of their ids, as DynamoDB ordered them when each entity was an item of its own.
    const entities = bundle.entities
      .map((entity) => ({ ...entity, mentions: entity.mentions.slice(0, MAX_MENTIONS_STORED) }))
      .sort((a, b) => Buffer.compare(Buffer.from(a.id.slice(0, 300)), Buffer.from(b.id.slice(0, 300))));
    // Entities packed into one item per PACK_CHARS of JSON, deflated: ~2 write units per article instead of one per
    // entity (~28 on the bench corpus). Reads also take the one-item-per-entity layout of earlier versions.
    packs(entities).forEach((pack, n) => {
      children.push({ pk, sk: `V#${version}#E#${pad(n, 4)}`, z: deflateRawSync(Buffer.from(pack, 'utf8')) });
    });
    for (const entity of entities) {
      const key = normalizeName(entity.name);
      entries.push({
        pk: `ENAMES#${entity.type}#${nameShard(key)}`,
        sk: `${key.slice(0, MAX_KEY_CHARS)}#${date}#${article.id}#${version}#${entity.id.slice(0, MAX_ID_CHARS)}`,
        articleId: article.id,
        id: entity.id,
        name: entity.name,
        key,
        type: entity.type,
        count: entity.count,
        salience: entity.salience,
        ...context,
      });
    }
    // Entries carry the version, as children do: a cleanup of another version never touches them. One entry per key
    // (two entity ids or speaker names alike in their first characters would collide).
    const seen = new Set<string>();
    const unique = entries.filter((e) => {
      const id = `${String(e.pk)}\u0000${String(e.sk)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    // The keys of the entries, for the cleanup of this version (see deleteEntries).
    packs(unique.map((e) => [e.pk, e.sk])).forEach((pack, n) => {
      children.push({ pk, sk: `V#${version}#X#${pad(n, 4)}`, z: deflateRawSync(Buffer.from(pack, 'utf8')) });
    });
    return { children, entries: unique };
  }

  /** Deletes the directory entries of these versions of the article, as listed by their X items. */
  private async deleteEntries(pk: string, versions: ReadonlySet<string>): Promise<void> {
    const keys: Item[] = [];
    for (const version of versions) {
      let start: Item | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: { ':pk': pk, ':p': `V#${version}#X#` },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          if (!(item.z instanceof Uint8Array)) continue;
          for (const [entryPk, entrySk] of z.array(z.tuple([z.string(), z.string()])).parse(unpack(item.z))) {
            keys.push({ pk: entryPk, sk: entrySk });
          }
        }
        start = out.LastEvaluatedKey;
      } while (start);
    }
    await this.batchWrite(keys.map((Key) => ({ DeleteRequest: { Key } })));
  }

  /**
   * Delete this article's version children whose version matches: their directory entries first, then the items of
   * the article's partition, the X items (which list the entries) last, so that a crash in between leaves them to
   * the retry.
   */
  private async deleteChildren(pk: string, match: (version: string) => boolean): Promise<void> {
    const keys = await this.queryKeys({ pk, prefix: 'V#' });
    const doomed = keys.filter((k) => match(versionOfKey(k)));
    await this.deleteEntries(pk, versionsOf(doomed));
    await this.batchWrite(lastXItems(doomed).map((Key) => ({ DeleteRequest: { Key } })));
  }

  private async queryKeys({ pk, prefix }: { pk: string; prefix: string }): Promise<Item[]> {
    return this.queryAll({ pk, prefix, keysOnly: true });
  }

  /**
   * Every item of partition `pk` whose sort key starts with `prefix` (all when empty), all pages. `keysOnly`: just
   * the keys, read consistently (what a cleanup must see).
   */
  private async queryAll({ pk, prefix, keysOnly = false }: { pk: string; prefix: string; keysOnly?: boolean }) {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.tableName,
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
        ExpressionAttributeValues: prefix ? { ':pk': pk, ':p': prefix } : { ':pk': pk },
        ...(keysOnly ? { ProjectionExpression: 'pk, sk', ConsistentRead: true } : {}),
        ExclusiveStartKey: start,
      };
      const out = await this.doc.send(new QueryCommand(input));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * BatchWriteItem in chunks of 25, up to WRITE_CONCURRENCY chunks in flight (the items of one call have no order
   * among themselves), each retrying its UnprocessedItems with exponential backoff and jitter.
   */
  private async batchWrite(requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string]): Promise<void> {
    const chunks: (typeof requests)[] = [];
    for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < chunks.length) {
        let pending = chunks[next++]!;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt >= 10)
            throw new Error(`DynamoDB left ${pending.length} items unprocessed after ${attempt} tries`);
          if (attempt > 0) await this.sleep(Math.min(2_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
          const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
          pending = out.UnprocessedItems?.[this.tableName] ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, chunks.length) }, lane));
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

/** The text in pieces of at most TEXT_CHUNK_CHARS code units, never splitting a surrogate pair (UTF-8 per piece). */
function textChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + TEXT_CHUNK_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

/** The version of a child item's key (`V#<version>#…`); '' for META and the like. */
function versionOfKey(key: Item): string {
  const sk = String(key.sk);
  return sk.startsWith('V#') ? (sk.split('#')[1] ?? '') : '';
}

function versionsOf(keys: readonly Item[]): Set<string> {
  return new Set(keys.map(versionOfKey).filter((v) => v !== ''));
}

/** The keys with the X items (lists of directory entries) moved to the end. */
function lastXItems(keys: readonly Item[]): Item[] {
  const isX = (k: Item) => /^V#[^#]*#X#/.test(String(k.sk));
  return [...keys.filter((k) => !isX(k)), ...keys.filter(isX)];
}

/** JSON arrays of the values, each at most PACK_CHARS characters long unless one value alone is longer. */
function packs(values: readonly unknown[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let length = 2;
  for (const value of values) {
    const json = JSON.stringify(value);
    if (current.length > 0 && length + json.length + 1 > PACK_CHARS) {
      out.push(`[${current.join(',')}]`);
      current = [];
      length = 2;
    }
    current.push(json);
    length += json.length + 1;
  }
  if (current.length > 0) out.push(`[${current.join(',')}]`);
  return out;
}

function unpack(bytes: Uint8Array): unknown {
  return JSON.parse(inflateRawSync(bytes).toString('utf8'));
}

/** A text chunk's text: deflated UTF-8 in `z`, or (items written before deflating) plain in `text`. */
function chunkText(item: Item): string {
  return item.z instanceof Uint8Array ? inflateRawSync(item.z).toString('utf8') : String(item.text ?? '');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** DynamoDB's order of string keys: by UTF-8 bytes. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function pickKey<S extends z.ZodType>(key: Item, schema: S): z.infer<S> {
  return schema.parse(key);
}
