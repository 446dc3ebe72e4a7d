/**
 * How many AWS requests (and DynamoDB capacity units) the real use cases make per article: `cleanObject` and
 * `annotateObject` run over the corpus with the real `S3Objects` and `DynamoArticleStore` adapters on top of
 * in-memory counting fakes of the S3 client and the DynamoDB document client. The counts follow the code.
 */

import type { S3Client } from '@aws-sdk/client-s3';
import { S3ServiceException } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { annotateObject } from '../shared/app/annotate-object.ts';
import { cleanObject } from '../shared/app/clean-object.ts';
import type { ObjectEvent } from '../shared/events/s3-records.ts';
import { articleIdForKey } from '../shared/ids.ts';
import { DynamoArticleStore } from '../shared/store/dynamodb-store.ts';
import { S3Objects } from '../shared/store/s3-objects.ts';
import { TABLE_KEYS } from '../shared/store/table.ts';
import { type CorpusItem, contentTypeFor } from './corpus.ts';
import { dynamoItemBytes, type RequestsPerArticle, readUnits, writeUnits } from './cost.ts';
import { nextSequencer } from './events.ts';

type Item = Record<string, unknown>;
interface Command {
  constructor: { name: string };
  input: Record<string, unknown>;
}

class Counter {
  readonly calls = new Map<string, number>();
  readUnits = 0;
  writeUnits = 0;
  /** Write units by item kind (META, text chunk, quote, entity, directory entries) over the whole run (never reset). */
  readonly writeUnitsByKind = new Map<string, number>();
  count(name: string) {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }
  reset() {
    this.calls.clear();
    this.readUnits = 0;
    this.writeUnits = 0;
  }
}

function missing(name: string): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: 404 }, message: name });
}

/** An in-memory S3 client answering the commands S3Objects sends. */
class FakeS3 {
  readonly objects = new Map<string, { bytes: Uint8Array; contentType: string | undefined; eTag: string }>();
  constructor(readonly counter: Counter) {}
  async send(command: Command): Promise<unknown> {
    const name = command.constructor.name.replace(/Command$/, '');
    this.counter.count(`S3 ${name}`);
    const key = String(command.input.Key);
    const object = this.objects.get(key);
    switch (name) {
      case 'GetObject': {
        if (!object) throw missing('NoSuchKey');
        return {
          ContentLength: object.bytes.byteLength,
          ContentType: object.contentType,
          ETag: object.eTag,
          Body: {
            transformToByteArray: async () => object.bytes,
            transformToString: async () => new TextDecoder().decode(object.bytes),
            transformToWebStream: () => new ReadableStream(),
          },
        };
      }
      case 'HeadObject':
        if (!object) throw missing('NotFound');
        return { ContentLength: object.bytes.byteLength, ETag: object.eTag };
      case 'PutObject': {
        const body = command.input.Body;
        const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : (body as Uint8Array);
        this.objects.set(key, {
          bytes,
          contentType: command.input.ContentType as string | undefined,
          eTag: `"e${key}"`,
        });
        return { ETag: `"e${key}"` };
      }
      case 'DeleteObject':
        this.objects.delete(key);
        return {};
      default:
        throw new Error(`FakeS3: unexpected ${name}`);
    }
  }
}

const KIND_NAMES: Record<string, string> = {
  T: 'text chunks',
  Q: 'quotes',
  E: 'entities',
  X: 'directory-key lists',
};

/** `META`, `text chunks`, `quotes`, `entities`, `catalog`, the two directories; deletes apart. */
function itemKind(pk: string, sk: string, deleted: boolean): string {
  const child = /^V#[^#]*#([A-Z])#/.exec(sk)?.[1];
  const kind = child
    ? (KIND_NAMES[child] ?? child)
    : sk === 'META'
      ? 'META'
      : sk === 'MONTHS'
        ? 'catalog'
        : pk.startsWith('SNAMES#')
          ? 'speaker directory entries (with their quotes)'
          : 'entity directory entries';
  return deleted ? `${kind} (delete)` : kind;
}

/** Number of table + index writes an item costs: the table, plus each GSI whose keys it carries. */
function indexCopies(item: Item): number {
  return 1 + TABLE_KEYS.gsis.filter((g) => item[g.partitionKey] !== undefined && item[g.sortKey] !== undefined).length;
}

/** An in-memory DynamoDB document client answering the commands DynamoArticleStore sends, with unit accounting. */
class FakeDynamo {
  readonly items = new Map<string, Item>();
  constructor(readonly counter: Counter) {}
  private keyOf(key: Item) {
    return `${String(key.pk)}\u0000${String(key.sk)}`;
  }
  private write(next: Item | undefined, previous: Item | undefined) {
    const bytes = Math.max(next ? dynamoItemBytes(next) : 0, previous ? dynamoItemBytes(previous) : 0);
    const copies = Math.max(next ? indexCopies(next) : 1, previous ? indexCopies(previous) : 1);
    const units = writeUnits(bytes) * copies;
    this.counter.writeUnits += units;
    const item = next ?? previous;
    const kind = itemKind(String(item?.pk ?? ''), String(item?.sk ?? ''), next === undefined);
    this.counter.writeUnitsByKind.set(kind, (this.counter.writeUnitsByKind.get(kind) ?? 0) + units);
  }
  async send(command: Command): Promise<unknown> {
    const name = command.constructor.name.replace(/Command$/, '');
    const input = command.input;
    const api = { Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', BatchWrite: 'BatchWriteItem' }[name] ?? name;
    this.counter.count(`DynamoDB ${api}`);
    switch (name) {
      case 'Get': {
        const item = this.items.get(this.keyOf(input.Key as Item));
        this.counter.readUnits += readUnits(item ? dynamoItemBytes(item) : 0, input.ConsistentRead === true);
        return { Item: item };
      }
      case 'Put': {
        const item = input.Item as Item;
        const previous = this.items.get(this.keyOf(item));
        this.write(item, previous);
        this.items.set(this.keyOf(item), item);
        return {};
      }
      case 'Update':
        this.counter.writeUnits += 1;
        return {};
      case 'BatchWrite': {
        const requests = Object.values(input.RequestItems as Record<string, Item[]>)[0] ?? [];
        for (const request of requests) {
          const put = (request.PutRequest as { Item: Item } | undefined)?.Item;
          const del = (request.DeleteRequest as { Key: Item } | undefined)?.Key;
          const key = this.keyOf((put ?? del) as Item);
          this.write(put, this.items.get(key));
          if (put) this.items.set(key, put);
          else this.items.delete(key);
        }
        return { UnprocessedItems: {} };
      }
      case 'Query': {
        const values = input.ExpressionAttributeValues as Record<string, string>;
        const pk = values[':pk'];
        const prefix = values[':p'] ?? '';
        if (pk === undefined) throw new Error('FakeDynamo: only table queries by pk are modelled');
        let bytes = 0;
        const found: Item[] = [];
        for (const item of this.items.values()) {
          if (item.pk === pk && String(item.sk).startsWith(prefix)) {
            bytes += dynamoItemBytes(item);
            found.push(input.ProjectionExpression ? { pk: item.pk, sk: item.sk } : item);
          }
        }
        this.counter.readUnits += readUnits(bytes, input.ConsistentRead === true);
        return { Items: found.sort((a, b) => String(a.sk).localeCompare(String(b.sk))) };
      }
      default:
        throw new Error(`FakeDynamo: unexpected ${name}`);
    }
  }
}

export interface RequestCount {
  articles: number;
  perArticle: RequestsPerArticle;
  /** Calls per article by API, e.g. `S3 GetObject: 2`. */
  calls: Record<string, number>;
  /** The same, by function. */
  byFunction: { clean: Record<string, number>; annotate: Record<string, number> };
  /** Write units per article by item kind (GSI copies included). */
  writeUnitsByKind: Record<string, number>;
  /** Articles that were rejected by clean (they still produce a cleaned object and a status record). */
  rejected: number;
}

/**
 * Runs clean → annotate for each item as the two functions would (new key, ObjectCreated events), counting the
 * requests. `articlesPerBatch` models the SQS batch size reached (receive + delete-batch per batch).
 */
export async function countRequests(items: readonly CorpusItem[], articlesPerBatch = 10): Promise<RequestCount> {
  const counter = new Counter();
  const s3 = new FakeS3(counter);
  const dynamo = new FakeDynamo(counter);
  const objects = new S3Objects(s3 as unknown as S3Client, 'bench');
  const store = new DynamoArticleStore(dynamo as unknown as DynamoDBDocumentClient, 'bench');
  const clean = { objects, rawPrefix: 'raw/', cleanedPrefix: 'cleaned/', maxInputBytes: 5 * 1024 * 1024 };
  const annotate = { objects, store, cleanedPrefix: 'cleaned/' };
  let rejected = 0;
  const totals = new Map<string, number>();
  const phaseTotals = { clean: new Map<string, number>(), annotate: new Map<string, number>() };
  let readTotal = 0;
  let writeTotal = 0;
  const collect = (phase: 'clean' | 'annotate') => {
    for (const [name, n] of counter.calls) {
      totals.set(name, (totals.get(name) ?? 0) + n);
      phaseTotals[phase].set(name, (phaseTotals[phase].get(name) ?? 0) + n);
    }
    readTotal += counter.readUnits;
    writeTotal += counter.writeUnits;
    counter.reset();
  };
  for (const item of items) {
    const key = `raw/${item.source}/${item.key}`;
    s3.objects.set(key, { bytes: item.raw, contentType: contentTypeFor(item.key), eTag: '"raw"' });
    counter.reset();
    const event = (k: string): ObjectEvent => ({
      kind: 'created',
      bucket: 'bench',
      key: k,
      size: null,
      eTag: null,
      versionId: null,
      sequencer: nextSequencer(),
      eventTime: null,
    });
    const outcome = await cleanObject(clean, event(key));
    if (outcome === 'rejected') rejected++;
    collect('clean');
    await annotateObject(annotate, event(`cleaned/${articleIdForKey(key)}.json`));
    collect('annotate');
  }
  const n = Math.max(1, items.length);
  const average = (m: Map<string, number>) =>
    Object.fromEntries([...m].sort().map(([name, total]) => [name, total / n]));
  const calls = average(totals);
  const get = (name: string) => calls[name] ?? 0;
  const dynamoCalls = Object.fromEntries(
    Object.entries(calls)
      .filter(([name]) => name.startsWith('DynamoDB '))
      .map(([name, v]) => [name.replace('DynamoDB ', ''), v]),
  );
  // Per queue: S3's SendMessage for the notification, and the poller's ReceiveMessage + DeleteMessageBatch per batch.
  const sqsPerQueue = 1 + 2 / articlesPerBatch;
  return {
    articles: items.length,
    calls,
    byFunction: { clean: average(phaseTotals.clean), annotate: average(phaseTotals.annotate) },
    writeUnitsByKind: average(counter.writeUnitsByKind),
    rejected,
    perArticle: {
      s3Get: get('S3 GetObject'),
      s3Put: get('S3 PutObject'),
      s3Head: get('S3 HeadObject'),
      s3Delete: get('S3 DeleteObject'),
      dynamoReadUnits: readTotal / n,
      dynamoWriteUnits: writeTotal / n,
      dynamoCalls,
      sqs: 2 * sqsPerQueue,
    },
  };
}
