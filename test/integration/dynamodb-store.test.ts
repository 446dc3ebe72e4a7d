/**
 * The DynamoDB adapter against AWS's DynamoDB Local through the real SDK v3 client (no mocks).
 */
import { deflateRawSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../scripts/local/resources.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local/servers.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import type { ArticleBundle, ArticleRecord, QuoteRecord } from '../../shared/records.ts';
import { InvalidCursorError } from '../../shared/store/article-store.ts';
import { DynamoArticleStore } from '../../shared/store/dynamodb-store.ts';

const table = `store-test-${process.pid}-${Date.now().toString(36)}`;
let raw: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let store: DynamoArticleStore;

beforeAll(async () => {
  raw = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  await ensureTable(raw, table);
  store = new DynamoArticleStore(doc, table);
});
afterAll(() => raw?.destroy());

function bundle(key: string, sequencer: string, opts: { quotes?: number; text?: string; processedAt?: string } = {}) {
  const id = articleIdForKey(key);
  const text = opts.text ?? `Body of ${key} at ${sequencer}.`;
  const quotes: QuoteRecord[] = Array.from({ length: opts.quotes ?? 2 }, (_, index) => ({
    articleId: id,
    index,
    text: `quote ${index} of ${sequencer}`,
    start: 0,
    end: 5,
    speaker: 'Amara Okafor',
    speakerMention: { start: 0, end: 6, text: 'Okafor' },
    speakerEntityId: 'PERSON:amara-okafor',
    speakerType: 'person',
    verb: 'say',
    type: 'direct',
    confidence: 0.9,
  }));
  const article: ArticleRecord = {
    id,
    sourceKey: key,
    status: 'PROCESSED',
    reason: null,
    reasonCode: null,
    title: `Title ${sequencer}`,
    byline: null,
    authors: [],
    dateline: null,
    publishedAt: null,
    url: null,
    language: 'en',
    format: 'text',
    wordCount: 5,
    textLength: text.length,
    counts: { paragraphs: 1, quotes: quotes.length, entities: 1, speakers: 1 },
    boilerplate: [],
    warnings: [],
    pipelineVersion: 'test',
    modelVersion: 'test',
    sourceSequencer: sequencer,
    processedAt: opts.processedAt ?? new Date().toISOString(),
  };
  const result: ArticleBundle = {
    article,
    text,
    quotes,
    entities: [
      {
        articleId: id,
        id: 'PERSON:amara-okafor',
        name: 'Amara Okafor',
        type: 'PERSON',
        aliases: ['Okafor'],
        mentions: [{ start: 0, end: 6, text: 'Okafor' }],
        count: 1,
        firstStart: 0,
        salience: 1,
      },
    ],
  };
  return result;
}

/** The same bundle with its entity and speaker renamed (a name no other test uses). */
function named(b: ArticleBundle, name: string): ArticleBundle {
  return {
    ...b,
    quotes: b.quotes.map((q) => ({ ...q, speaker: name })),
    entities: b.entities.map((e) => ({ ...e, name })),
  };
}

/** The article's entries in the speaker and entity directories (table items outside its partition). */
async function entries(id: string): Promise<Record<string, unknown>[]> {
  const found = [];
  for (const shard of [...'abcdefghijklmnopqrstuvwxyz']) {
    for (const pk of [`SNAMES#${shard}`, `ENAMES#PERSON#${shard}`]) {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      found.push(...(out.Items ?? []).filter((i) => i.articleId === id));
    }
  }
  return found;
}

async function itemCount(id: string): Promise<number> {
  const out = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${id}` },
    }),
  );
  return out.Count ?? 0;
}

describe('DynamoArticleStore versioned writes', () => {
  it('replaces every item on a newer version and leaves no stale quote', async () => {
    // Prepare
    const first = bundle('raw/replace.txt', '0001', { quotes: 5 });
    const second = bundle('raw/replace.txt', '0002', { quotes: 2 });
    // Act
    const r1 = await store.save(first);
    const r2 = await store.save(second);
    // Assess
    expect([r1, r2]).toEqual(['written', 'written']);
    const record = await store.get(first.article.id);
    expect(record?.title).toBe('Title 0002');
    const quotes = await store.listQuotes(record!, { limit: 100 });
    expect(quotes.items.map((q) => q.text)).toEqual(['quote 0 of 0002', 'quote 1 of 0002']);
    const articles = await store.listArticlesByEntity('PERSON', 'Amara Okafor', { limit: 100 });
    expect(articles.items.filter((a) => a.articleId === first.article.id)).toHaveLength(1);
    // META + 1 text chunk + 1 quote pack + 1 entity pack + 1 list of directory entries: nothing of version 0001 survives.
    expect(await itemCount(first.article.id)).toBe(5);
  });

  it('ignores an older or repeated event (stale / duplicate), whatever order they arrive in', async () => {
    // Prepare
    const key = 'raw/shuffled.txt';
    const versions = ['00A1', '00A3', '00A2', '00A3', '00A1'];
    // Act
    const results = [];
    for (const v of versions) results.push(await store.save(bundle(key, v)));
    // Assess
    expect(results).toEqual(['written', 'written', 'stale', 'duplicate', 'stale']);
    expect((await store.get(articleIdForKey(key)))?.title).toBe('Title 00A3');
    expect(await itemCount(articleIdForKey(key))).toBe(5);
  });

  it('replaces the same source version when a newer pipeline made it (reprocess)', async () => {
    // Prepare
    const old = bundle('raw/reprocess.txt', '0007', { quotes: 4 });
    const upgraded = bundle('raw/reprocess.txt', '0007', { quotes: 1 });
    upgraded.article.pipelineVersion = 'test-2';
    // Act
    const results = [await store.save(old), await store.save(upgraded), await store.save(upgraded)];
    // Assess
    expect(results).toEqual(['written', 'written', 'duplicate']);
    const record = await store.get(old.article.id);
    expect(record?.pipelineVersion).toBe('test-2');
    expect(await itemCount(old.article.id)).toBe(5); // META, text, 1 quote pack, 1 entity pack, 1 entry list
  });

  it('replaces a FAILED status of the same version with a later real outcome, never the other way round', async () => {
    // Prepare
    const failed = bundle('raw/failed-then-ok.txt', '0005');
    failed.article.status = 'FAILED';
    const ok = bundle('raw/failed-then-ok.txt', '0005');
    // Act
    const results = [await store.save(failed), await store.save(ok), await store.save(failed)];
    // Assess
    expect(results).toEqual(['written', 'written', 'duplicate']);
    expect((await store.get(ok.article.id))?.status).toBe('PROCESSED');
  });

  it('finishes an interrupted cleanup when the same event is retried', async () => {
    // Prepare: a crash left an older version's quote behind after the pointer switch.
    const b = bundle('raw/interrupted.txt', '0009');
    await store.save(b);
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `A#${b.article.id}`,
          sk: 'V#0001#Q#00000',
          text: 'stale',
          gsi1pk: 'SPEAKER#amara okafor',
          gsi1sk: 'x',
        },
      }),
    );
    // Act
    const result = await store.save(b);
    // Assess
    expect(result).toBe('duplicate');
    expect(await itemCount(b.article.id)).toBe(5);
    const quotes = await store.listQuotesBySpeaker('Amara Okafor', { limit: 100 });
    expect(quotes.items.map((q) => q.text)).not.toContain('stale');
  });

  it('deletes every item of an article, its directory entries included', async () => {
    const b = named(bundle('raw/delete me.txt', '0001', { quotes: 30 }), 'Delphine Ostrova');
    await store.save(b);
    await store.delete(b.article.id);
    expect(await store.get(b.article.id)).toBeNull();
    expect(await itemCount(b.article.id)).toBe(0);
    expect(await entries(b.article.id)).toEqual([]);
    expect((await store.listArticlesByEntity('PERSON', 'Delphine Ostrova', { limit: 10 })).items).toEqual([]);
  });

  it('removes the directory entries of an attempt that crashed before the pointer switch', async () => {
    // Prepare: an attempt writes its children and entries, then dies at the META write.
    const b = named(bundle('raw/crashed.txt', '0001'), 'Quillon Vasquez');
    const crashing = new DynamoArticleStore(
      {
        send: (command: unknown) =>
          command instanceof PutCommand ? Promise.reject(new Error('crash')) : doc.send(command as never),
      } as unknown as DynamoDBDocumentClient,
      table,
    );
    await expect(crashing.save(b)).rejects.toThrow('crash');
    expect(await entries(b.article.id)).toHaveLength(2);
    // Act: the retry
    const result = await store.save(b);
    // Assess: one entity entry and one speaker entry, of the version META points at
    expect(result).toBe('written');
    expect(await entries(b.article.id)).toHaveLength(2);
    expect(await itemCount(b.article.id)).toBe(5);
    const articles = await store.listArticlesByEntity('PERSON', 'quillon vasquez', { limit: 10 });
    expect(articles.items.map((a) => a.articleId)).toEqual([b.article.id]);
  });

  it('leaves only the winner’s directory entries when two versions are saved at the same time', async () => {
    // Prepare: version 0001 is about to switch META when version 0002 is saved in between.
    const older = named(bundle('raw/race.txt', '0001'), 'Tomasz Ellery');
    const newer = named(bundle('raw/race.txt', '0002'), 'Tomasz Ellery');
    let raced = false;
    const slow = new DynamoArticleStore(
      {
        send: async (command: unknown) => {
          if (command instanceof PutCommand && !raced) {
            raced = true;
            await store.save(newer);
          }
          return doc.send(command as never);
        },
      } as unknown as DynamoDBDocumentClient,
      table,
    );
    // Act
    const result = await slow.save(older);
    // Assess
    expect(result).toBe('stale');
    expect((await store.get(older.article.id))?.sourceSequencer).toBe('0002');
    expect(await entries(older.article.id)).toHaveLength(2);
    expect(await itemCount(older.article.id)).toBe(5);
  });

  it('round-trips a 1 MB article text with items under 400 KB', async () => {
    // Prepare: 1,050,000 characters, including 3-byte UTF-8 characters.
    const text = 'Touré said “yes” — again. '.repeat(40_385).slice(0, 1_050_000);
    const b = bundle('raw/huge.txt', '0001', { text, quotes: 300 });
    // Act
    await store.save(b);
    const record = await store.get(b.article.id);
    // Assess
    expect(await store.getText(record!)).toBe(text);
    const quotes = [];
    let cursor: string | undefined;
    do {
      const page = await store.listQuotes(record!, { limit: 100, cursor });
      quotes.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(quotes).toHaveLength(300);
  });

  it('pages through an article’s entities in id order, and refuses the cursor once the article changed', async () => {
    // Prepare: 25 entities, stored in a shuffled order.
    const b = bundle('raw/entities.txt', '0001');
    const template = b.entities[0]!;
    const ids = Array.from({ length: 25 }, (_, n) => `PERSON:person-${String(n).padStart(2, '0')}`);
    b.entities = [...ids].reverse().map((id, n) => ({ ...template, id, name: `Person ${n}` }));
    await store.save(b);
    const record = (await store.get(b.article.id))!;
    // Act
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await store.listEntities(record, { limit: 10, cursor });
      pages.push(page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const second = await store.listEntities(record, { limit: 10 });
    await store.save(bundle('raw/entities.txt', '0002'));
    // Assess
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(ids);
    const latest = (await store.get(b.article.id))!;
    await expect(store.listEntities(latest, { limit: 10, cursor: second.nextCursor! })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('round-trips a text whose chunk boundary falls inside a surrogate pair', async () => {
    // Prepare: an emoji (two UTF-16 code units) straddling the 100,000th code unit.
    const text = `${'a'.repeat(99_999)}😀 and ${'ü'.repeat(120_000)}`;
    const b = bundle('raw/emoji.txt', '0001', { text });
    // Act
    await store.save(b);
    // Assess
    expect(await store.getText((await store.get(b.article.id))!)).toBe(text);
  });

  it('reads entities stored packed (deflated JSON, several per item)', async () => {
    // Prepare: the entity item of the current version replaced by a pack of two entities.
    const b = bundle('raw/packed.txt', '0001');
    await store.save(b);
    const out = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': `A#${b.article.id}`, ':v': 'V#' },
      }),
    );
    const entityItem = out.Items?.find((i) => String(i.sk).includes('#E#'));
    const version = String(entityItem?.sk).split('#')[1];
    const two = [b.entities[0]!, { ...b.entities[0]!, id: 'PERSON:zed-okafor', name: 'Zed Okafor' }];
    await doc.send(new DeleteCommand({ TableName: table, Key: { pk: entityItem?.pk, sk: entityItem?.sk } }));
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `A#${b.article.id}`,
          sk: `V#${version}#E#0000`,
          z: deflateRawSync(Buffer.from(JSON.stringify(two), 'utf8')),
        },
      }),
    );
    // Act
    const page = await store.listEntities((await store.get(b.article.id))!, { limit: 10 });
    // Assess
    expect(page.items).toEqual(two);
  });

  it('reads the text of an article stored before text chunks were deflated', async () => {
    // Prepare: an older item layout (plain `text` attribute) under the current version.
    const b = bundle('raw/plain-chunk.txt', '0001', { text: 'Deflated text.' });
    await store.save(b);
    const chunk = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': `A#${b.article.id}`, ':v': 'V#' },
      }),
    );
    const textItem = chunk.Items?.find((i) => String(i.sk).includes('#T#'));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: textItem?.pk, sk: textItem?.sk, text: 'Plain.' } }));
    // Act / Assess
    expect(await store.getText((await store.get(b.article.id))!)).toBe('Plain.');
  });
});

describe('DynamoArticleStore directories', () => {
  it('writes one directory entry per entity and per speaker, without mentions', async () => {
    // Prepare
    const b = named(bundle('raw/entries.txt', '0001', { quotes: 3 }), 'Ilse Brandvold');
    // Act
    await store.save(b);
    // Assess: what the directories and the entity lists show, not the bulky attributes.
    const found = await entries(b.article.id);
    expect(found.map((e) => [e.pk, e.key]).sort()).toEqual([
      ['ENAMES#PERSON#i', 'ilse brandvold'],
      ['SNAMES#i', 'ilse brandvold'],
    ]);
    for (const entry of found) {
      expect(entry).not.toHaveProperty('mentions');
      expect(entry).not.toHaveProperty('text');
    }
    const speakers = await store.listSpeakers({ limit: 10, prefix: 'ilse' });
    expect(speakers.items).toEqual([{ name: 'Ilse Brandvold', key: 'ilse brandvold' }]);
  });

  it('lists a speaker’s quotes newest article first, last quote first, page by page', async () => {
    // Prepare: three articles of three dates, three quotes each by the same speaker (spelled two ways).
    const days = ['2026-05-02', '2026-05-03', '2026-05-01'];
    for (const [n, day] of days.entries()) {
      const b = named(
        bundle(`raw/wenna-${n}.txt`, '0001', { quotes: 3, processedAt: `${day}T08:00:00.000Z` }),
        n === 1 ? 'WENNA Tregarthen' : 'Wenna Tregarthen',
      );
      await store.save(b);
    }
    // Act
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await store.listQuotesBySpeaker('wenna tregarthen', { limit: 4, cursor });
      pages.push(page.items.map((q) => `${q.articleDate.slice(0, 10)} ${q.index} ${q.speaker}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Assess
    expect(pages).toEqual([
      [
        '2026-05-03 2 WENNA Tregarthen',
        '2026-05-03 1 WENNA Tregarthen',
        '2026-05-03 0 WENNA Tregarthen',
        '2026-05-02 2 Wenna Tregarthen',
      ],
      [
        '2026-05-02 1 Wenna Tregarthen',
        '2026-05-02 0 Wenna Tregarthen',
        '2026-05-01 2 Wenna Tregarthen',
        '2026-05-01 1 Wenna Tregarthen',
      ],
      ['2026-05-01 0 Wenna Tregarthen'],
    ]);
    const first = await store.listQuotesBySpeaker('Wenna Tregarthen', { limit: 4 });
    expect(first.items[0]?.articleTitle).toBe('Title 0001');
    await expect(store.listQuotesBySpeaker('Amara Okafor', { limit: 4, cursor: first.nextCursor! })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('reads quotes stored one item per quote (earlier layout) and merges them with packed ones by date', async () => {
    // Prepare: a packed article of 2026-06-02, and one of 2026-06-03 rewritten in the earlier layout: one item per
    // quote with a gsi1 copy keyed by speaker, and a speaker entry without quotes.
    const packed = named(
      bundle('raw/tamsin-1.txt', '0001', { quotes: 2, processedAt: '2026-06-02T08:00:00.000Z' }),
      'Tamsin Penrose',
    );
    const earlier = named(
      bundle('raw/tamsin-2.txt', '0001', { quotes: 2, processedAt: '2026-06-03T08:00:00.000Z' }),
      'Tamsin Penrose',
    );
    await store.save(packed);
    await store.save(earlier);
    const pk = `A#${earlier.article.id}`;
    const items = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    );
    const pack = items.Items?.find((i) => String(i.sk).includes('#Q#'));
    const version = String(pack?.sk).split('#')[1];
    await doc.send(new DeleteCommand({ TableName: table, Key: { pk, sk: pack?.sk } }));
    for (const quote of earlier.quotes) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk,
            sk: `V#${version}#Q#${String(quote.index).padStart(5, '0')}`,
            ...quote,
            articleTitle: earlier.article.title,
            articleDate: earlier.article.processedAt,
            gsi1pk: 'SPEAKER#tamsin penrose',
            gsi1sk: `${earlier.article.processedAt}#${earlier.article.id}#${String(quote.index).padStart(5, '0')}`,
          },
        }),
      );
    }
    const entry = (await entries(earlier.article.id)).find((e) => String(e.pk).startsWith('SNAMES#'));
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { pk: entry?.pk, sk: entry?.sk, name: entry?.name, key: entry?.key, articleId: entry?.articleId },
      }),
    );
    // Act
    const record = (await store.get(earlier.article.id))!;
    const articleQuotes = [];
    const bySpeaker = [];
    let cursor: string | undefined;
    do {
      const page = await store.listQuotes(record, { limit: 1, cursor });
      articleQuotes.push(...page.items.map((q) => q.text));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    do {
      const page = await store.listQuotesBySpeaker('Tamsin Penrose', { limit: 3, cursor });
      bySpeaker.push(...page.items.map((q) => `${q.articleDate.slice(0, 10)} ${q.index}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Assess
    expect(articleQuotes).toEqual(['quote 0 of 0001', 'quote 1 of 0001']);
    expect(bySpeaker).toEqual(['2026-06-03 1', '2026-06-03 0', '2026-06-02 1', '2026-06-02 0']);
    expect((await store.listSpeakers({ limit: 10, prefix: 'tamsin' })).items).toEqual([
      { name: 'Tamsin Penrose', key: 'tamsin penrose' },
    ]);
  });

  it('keeps every item under 400 KB when one speaker says many long quotes', async () => {
    // Prepare: 30 quotes of 20,000 hardly compressible 3-byte characters each (1.8 MB of UTF-8), one speaker.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(0x4e00 + (seed % 20_000));
      }).join('');
    const b = named(bundle('raw/long-quotes.txt', '0001', { quotes: 30 }), 'Morwenna Quick');
    b.quotes = b.quotes.map((q) => ({ ...q, text: noise(20_000) }));
    // Act
    await store.save(b);
    const record = (await store.get(b.article.id))!;
    const listed = [];
    let cursor: string | undefined;
    do {
      const page = await store.listQuotesBySpeaker('Morwenna Quick', { limit: 7, cursor });
      listed.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Assess
    const stored = [
      ...((
        await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `A#${b.article.id}` },
          }),
        )
      ).Items ?? []),
      ...(await entries(b.article.id)),
    ];
    const bytes = stored.map(
      (i) =>
        Buffer.byteLength(JSON.stringify({ ...i, z: undefined })) + ((i.z as Uint8Array | undefined)?.byteLength ?? 0),
    );
    expect(Math.max(...bytes)).toBeLessThan(400_000);
    expect(stored.filter((i) => String(i.pk).startsWith('SNAMES#')).length).toBeGreaterThan(1);
    expect((await store.listQuotes(record, { limit: 100 })).items.map((q) => q.text)).toEqual(
      b.quotes.map((q) => q.text),
    );
    expect(listed.map((q) => q.index)).toEqual([...b.quotes.keys()].reverse());
    expect(listed.map((q) => q.text)).toEqual(b.quotes.map((q) => q.text).reverse());
  });

  it('lists an entity once in the directory and finds its articles newest first, whatever the spelling', async () => {
    // Prepare: the same person, spelled two ways, in three articles of three dates.
    const spellings = [
      ['raw/zola-1.txt', '2026-04-01', 'Zola Mbeki'],
      ['raw/zola-2.txt', '2026-04-03', 'ZOLA MBEKI'],
      ['raw/zola-3.txt', '2026-04-02', 'Zola Mbéki'],
    ] as const;
    for (const [key, day, name] of spellings) {
      const b = bundle(key, '0001', { processedAt: `${day}T09:00:00.000Z` });
      b.entities = b.entities.map((e) => ({ ...e, name }));
      await store.save(b);
    }
    // Act
    const names = await store.listEntityNames({ limit: 10, type: 'PERSON', prefix: 'zola' });
    const first = await store.listArticlesByEntity('PERSON', 'zola mbeki', { limit: 2 });
    const second = await store.listArticlesByEntity('PERSON', 'zola mbeki', { limit: 2, cursor: first.nextCursor! });
    // Assess
    expect(names.items.map((n) => n.key)).toEqual(['zola mbeki']);
    expect([...first.items, ...second.items].map((a) => [a.articleDate.slice(0, 10), a.name])).toEqual([
      ['2026-04-03', 'ZOLA MBEKI'],
      ['2026-04-02', 'Zola Mbéki'],
      ['2026-04-01', 'Zola Mbeki'],
    ]);
    expect(second.nextCursor).toBeNull();
    await expect(store.listArticlesByEntity('PERSON', 'zola', { limit: 2, cursor: first.nextCursor! })).rejects.toThrow(
      InvalidCursorError,
    );
  });
});

describe('DynamoArticleStore lists', () => {
  it('lists articles newest first across months, with paging', async () => {
    // Prepare: five articles in three months.
    const dates = ['2026-01-05', '2026-03-01', '2026-03-20', '2026-02-10', '2026-03-10'];
    for (const [i, d] of dates.entries()) {
      await store.save(bundle(`raw/list-${i}.txt`, '0001', { processedAt: `${d}T10:00:00.000Z` }));
    }
    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.listArticles({ limit: 2, cursor });
      seen.push(
        ...page.items.filter((a) => a.sourceKey.startsWith('raw/list-')).map((a) => a.processedAt.slice(0, 10)),
      );
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    // Assess
    expect(seen).toEqual(['2026-03-20', '2026-03-10', '2026-03-01', '2026-02-10', '2026-01-05']);
  });

  it('lists REJECTED articles through the status index', async () => {
    const b = bundle('raw/rejected.txt', '0001');
    b.article.status = 'REJECTED';
    b.article.reason = 'The file contains no article text.';
    await store.save({ ...b, quotes: [], entities: [], text: '' });
    const page = await store.listArticles({ limit: 10, status: 'REJECTED' });
    expect(page.items.map((a) => a.sourceKey)).toContain('raw/rejected.txt');
  });

  it.each([
    ['bogus'],
    [
      Buffer.from('{"m":"2026-01","k":{"pk":"X","sk":"Y","gsi1pk":"ARTICLES#1999-01","gsi1sk":"z"}}').toString(
        'base64url',
      ),
    ],
  ])('rejects a cursor it did not issue (%#)', async (cursor) => {
    await expect(store.listArticles({ limit: 5, cursor })).rejects.toThrow(InvalidCursorError);
  });
});
