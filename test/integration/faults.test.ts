/**
 * Faults on the real local servers (s3rver + a PERSISTENT DynamoDB Local of this file's own, so its data survives a
 * restart), with the real handlers, queues, retries and dead-letter folder:
 *   (a) DynamoDB goes away in the middle of 200 uploads and comes back: every article ends annotated exactly once
 *       (one META each, children of one version only), none lost; the messages that kept failing were
 *       dead-lettered with their reason, and `npm run redrive` (a separate process) put them back;
 *   (b) one message of a batch fails once (a non-domain error): only that message is retried;
 *   (c) the same event delivered twice is a no-op the second time (the store says `duplicate`, records unchanged);
 *   (d) the batch loop's own rules (no servers): order of records, FAILED pre-recorded before a last attempt, and
 *       records handed back when the invocation is about to time out.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../scripts/local/queues.ts';
import { type DynamoServerHandle, freePort, startDynamoDbLocal } from '../../scripts/local/servers.ts';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { toAwsS3Event } from '../../scripts/local/wiring.ts';
import { annotateObject } from '../../shared/app/annotate-object.ts';
import { cleanObject } from '../../shared/app/clean-object.ts';
import { s3BatchHandler } from '../../shared/events/s3-batch.ts';
import { parseS3Notification } from '../../shared/events/s3-records.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { DynamoArticleStore } from '../../shared/store/dynamodb-store.ts';
import { S3Objects } from '../../shared/store/s3-objects.ts';
import { startTestStack } from '../support/stack.ts';

const ARTICLES = 200;
const CRASH_ONCE_KEY = 'raw/batch/article-3.txt';

let stack: LocalStack;
let dynamo: DynamoServerHandle;
let dynamoPort: number;
let dynamoDir: string;
let crashed = 0;

function article(n: number, topic: string): string {
  const people = ['Ada Okonkwo', 'Bram Vesterholt', 'Carys Lindqvist', 'Dario Mensah', 'Elin Harrowgate'];
  const speaker = people[n % people.length];
  return [
    `${topic} Report Number ${n}`,
    '',
    `KESTREL BAY — The Kestrel Bay council published report number ${n} on ${topic.toLowerCase()} on Monday.`,
    '',
    `“Report ${n} shows what we must fix first,” said ${speaker}, who chairs the ${topic.toLowerCase()} committee.`,
  ].join('\n');
}

async function put(key: string, body: string): Promise<void> {
  await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body }));
}

async function items(id: string): Promise<Record<string, unknown>[]> {
  const out = await stack.doc.send(
    new QueryCommand({
      TableName: stack.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${id}` },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function deadLetters(queue: string): DeadLetter[] {
  const dir = join(stack.dlqDir, queue);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DeadLetter);
}

beforeAll(async () => {
  dynamoPort = await freePort();
  dynamoDir = mkdtempSync(join(tmpdir(), 'annotator-faults-ddb-'));
  dynamo = await startDynamoDbLocal({ port: dynamoPort, dataDir: dynamoDir });
  stack = await startTestStack({
    dynamoEndpoint: dynamo.endpoint,
    // Hundreds of expected failures while DynamoDB is down: keep the handlers' logs out of the test output.
    logLevel: process.env.LOG_LEVEL ?? 'SILENT',
    // (b): the first read of one raw object is refused with a non-retryable S3 error (the SDK does not retry it).
    s3Faults: ({ method, key }) => {
      if (method !== 'GET' || key !== CRASH_ONCE_KEY || crashed > 0) return undefined;
      crashed += 1;
      return { status: 403, code: 'AccessDenied', message: 'Injected once by the faults test' };
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
  if (dynamoDir) rmSync(dynamoDir, { recursive: true, force: true });
});

describe('(a) DynamoDB unavailable in the middle of 200 uploads', () => {
  const keys = Array.from({ length: ARTICLES }, (_, n) => `raw/outage/article ${n}.txt`);
  let deadLettered: DeadLetter[] = [];

  it('dead-letters the messages that kept failing while it was down, each with its reason', async () => {
    // Prepare
    for (const [n, key] of keys.entries()) await put(key, article(n, 'Harbour'));
    await waitFor(() => stack.queues.annotate.stats.succeeded >= 30, '30 annotated articles');

    // Act: DynamoDB goes away mid-run, stays away for a while (every retry of some messages fails), comes back
    await dynamo.stop();
    await waitFor(() => stack.queues.annotate.stats.deadLettered >= 5, 'dead letters', 60_000);
    dynamo = await startDynamoDbLocal({ port: dynamoPort, dataDir: dynamoDir });
    await stack.idle();

    // Assess
    deadLettered = deadLetters('annotate-queue');
    console.log(
      `faults: DynamoDB stopped after ${ARTICLES} uploads were queued; ${deadLettered.length} annotate message(s) dead-lettered, e.g. "${deadLettered[0]?.lastError.slice(0, 120)}"`,
    );
    expect(deadLettered.length).toBeGreaterThanOrEqual(5);
    for (const letter of deadLettered) {
      expect(letter.attempts).toBe(5);
      // The reason the handler gave, not just "failed": DynamoDB could not be reached.
      expect(letter.lastError).toMatch(/ECONNREFUSED|ECONNRESET|socket|connect|Timeout/i);
      const [event] = parseS3Notification(letter.body);
      expect(event?.key).toMatch(/^cleaned\/[0-9a-f]{24}\.json$/);
    }
    expect(deadLetters('clean-queue')).toEqual([]); // clean never touches DynamoDB
  }, 180_000);

  it('`npm run redrive` (another process) puts them back, and every article ends annotated exactly once', async () => {
    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/redrive.ts', '--data-dir', stack.dataDir],
      { env: process.env },
    );
    await waitFor(
      () => !existsSync(stack.redriveDir) || readdirSync(join(stack.redriveDir, 'annotate-queue')).length === 0,
      'redrive',
    );
    await stack.idle();

    // Assess: the dead letters were moved back and handled
    expect(stdout).toContain(`Moved ${deadLettered.length} dead letter(s)`);
    expect(deadLetters('annotate-queue')).toEqual([]);

    // Assess: all 200 processed; exactly one META each; every child belongs to the META's version
    const scanned: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.doc.send(
        new ScanCommand({ TableName: stack.table, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      scanned.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const ids = keys.map(articleIdForKey);
    const metas = scanned.filter((i) => i.sk === 'META' && ids.includes(String(i.pk).slice(2)));
    expect(metas).toHaveLength(ARTICLES);
    expect(new Set(metas.map((m) => m.pk)).size).toBe(ARTICLES);
    expect(metas.filter((m) => m.status !== 'PROCESSED').map((m) => `${m.sourceKey}: ${m.reason}`)).toEqual([]);
    const versionOf = new Map(metas.map((m) => [String(m.pk), String(m.version)]));
    const strays = scanned.filter(
      (i) =>
        versionOf.has(String(i.pk)) && i.sk !== 'META' && !String(i.sk).startsWith(`V#${versionOf.get(String(i.pk))}#`),
    );
    expect(strays.map((i) => `${i.pk} ${i.sk}`)).toEqual([]);
    for (const meta of metas) {
      const children = scanned.filter((i) => i.pk === meta.pk && String(i.sk).includes('#Q#'));
      expect(children).toHaveLength((meta.counts as { quotes: number }).quotes);
    }
  }, 180_000);
});

describe('(b) a handler crash on one message of a batch', () => {
  it('retries only that message (partial batch response)', async () => {
    // Prepare: ten uploads held back so they reach the clean function as one batch
    const before = { ...stack.queues.clean.stats };
    stack.queues.clean.pause();
    const keys = Array.from({ length: 10 }, (_, n) => `raw/batch/article-${n}.txt`);
    for (const [n, key] of keys.entries()) await put(key, article(1000 + n, 'Ferry'));
    await waitFor(() => stack.queues.clean.depth === 10, 'ten queued events');

    // Act
    stack.queues.clean.resume();
    await stack.idle();

    // Assess: one batch of ten, one message failed (the injected AccessDenied) and was retried alone
    const stats = stack.queues.clean.stats;
    expect(crashed).toBe(1);
    expect(stats.retried - before.retried).toBe(1);
    expect(stats.batches - before.batches).toBe(2);
    expect(stats.succeeded - before.succeeded).toBe(10);
    expect(stats.deadLettered - before.deadLettered).toBe(0);
    for (const key of keys) {
      const res = await fetch(`${stack.apiUrl}/articles/${articleIdForKey(key)}`);
      expect(((await res.json()) as { status: string }).status).toBe('PROCESSED');
    }
  });
});

describe('(c) the same event delivered twice', () => {
  const key = 'raw/twice/ferry report.txt';
  const id = articleIdForKey(key);

  it('is a no-op the second time: the store says duplicate and the records are unchanged', async () => {
    // Prepare
    await put(key, article(7, 'Ferry'));
    await stack.idle();
    const recordsBefore = await items(id);
    const cleanedBefore = await stack.s3.send(
      new GetObjectCommand({ Bucket: stack.bucket, Key: `cleaned/${id}.json` }),
    );
    const cleanedBodyBefore = await cleanedBefore.Body!.transformToString();
    const sequencer = (JSON.parse(cleanedBodyBefore) as { sourceSequencer: string }).sourceSequencer;
    const rawEvent = rawCreatedEvent(key, sequencer);
    const cleanedEvent = toAwsS3Event({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: stack.bucket }, object: { key: `cleaned/${id}.json`, size: 1 } },
        },
      ],
    });

    // Act: redeliver both events through the real queues and handlers, then call the use cases directly
    stack.queues.clean.send(rawEvent);
    stack.queues.annotate.send(JSON.stringify(cleanedEvent));
    await stack.idle();
    const objects = new S3Objects(stack.s3, stack.bucket);
    const store = new DynamoArticleStore(stack.doc, stack.table);
    const [rawParsed] = parseS3Notification(rawEvent);
    const [cleanedParsed] = parseS3Notification(JSON.stringify(cleanedEvent));
    const cleanOutcome = await cleanObject(
      { objects, rawPrefix: 'raw/', cleanedPrefix: 'cleaned/', maxInputBytes: 5 * 1024 * 1024 },
      rawParsed!,
    );
    const annotateOutcome = await annotateObject({ objects, store, cleanedPrefix: 'cleaned/' }, cleanedParsed!);

    // Assess
    expect(cleanOutcome).toBe('duplicate');
    expect(annotateOutcome).toBe('duplicate');
    expect(await items(id)).toEqual(recordsBefore);
    const cleanedAfter = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: `cleaned/${id}.json` }));
    expect(await cleanedAfter.Body!.transformToString()).toBe(cleanedBodyBefore);
  });
});

/** The raw ObjectCreated notification exactly as first delivered (same key, eTag and sequencer). */
function rawCreatedEvent(key: string, sequencer: string): string {
  const event = toAwsS3Event({
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: stack.bucket }, object: { key, size: 1 } },
      },
    ],
  });
  const record = event.Records[0]!;
  record.s3.object.sequencer = sequencer;
  return JSON.stringify(event);
}

describe('(d) the batch loop’s rules for slow and dying attempts', () => {
  // Created inside the tests, after the stack set POWERTOOLS_METRICS_DISABLED (metrics are not printed).
  const tools = () => ({
    logger: new Logger({ serviceName: 'faults-test', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'Test', serviceName: 'faults-test' }),
  });

  function sqsRecord(key: string, receiveCount: number): SQSRecord {
    const body = toAwsS3Event({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: 'articles' }, object: { key, size: 1 } },
        },
      ],
    });
    return {
      messageId: `m-${key}`,
      receiptHandle: 'r',
      body: JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: String(receiveCount),
        SentTimestamp: '0',
        SenderId: 'x',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
      awsRegion: 'us-east-1',
    };
  }

  const context = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as unknown as Context;

  it.each([
    // [records as key:receiveCount, expected processing order]
    [
      ['raw/fresh-a:1', 'raw/retried:3', 'raw/last:5', 'raw/fresh-b:1'],
      ['raw/last', 'raw/fresh-a', 'raw/fresh-b', 'raw/retried'],
    ],
    [
      ['raw/a:2', 'raw/b:1'],
      ['raw/b', 'raw/a'],
    ],
  ])('orders %j as %j (last attempts, then fresh, then retried)', async (records, expected) => {
    // Prepare
    const seen: string[] = [];
    const handler = s3BatchHandler({
      ...tools(),
      maxReceiveCount: 5,
      process: async (event) => {
        seen.push(event.key);
        return 'cleaned';
      },
      onFinalFailure: async () => undefined,
    });
    const event = {
      Records: records.map((r) => {
        const [key, count] = r.split(':');
        return sqsRecord(key!, Number(count));
      }),
    };
    // Act
    const response = await handler(event, context(60_000));
    // Assess
    expect(seen).toEqual(expected);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('records FAILED before a last attempt starts, so an attempt that dies still leaves a status', async () => {
    // Prepare
    const steps: string[] = [];
    const handler = s3BatchHandler({
      ...tools(),
      maxReceiveCount: 5,
      process: async () => {
        steps.push('process');
        return 'cleaned';
      },
      onFinalFailure: async (_event, error) => {
        steps.push(`failure recorded: ${(error as Error).message.slice(0, 40)}`);
      },
    });
    // Act
    await handler({ Records: [sqsRecord('raw/x.txt', 5)] }, context(60_000));
    await handler({ Records: [sqsRecord('raw/y.txt', 4)] }, context(60_000));
    // Assess: only the 5th receive pre-records; a success then overwrites it (annotate-object's FAILED rule)
    expect(steps).toEqual(['failure recorded: Processing did not complete in 5 attempt', 'process', 'process']);
  });

  it('hands a record back instead of starting it with too little time left (never the first)', async () => {
    // Prepare
    const seen: string[] = [];
    const handler = s3BatchHandler({
      ...tools(),
      maxReceiveCount: 5,
      minRemainingMs: 30_000,
      process: async (event) => {
        seen.push(event.key);
        return 'cleaned';
      },
      onFinalFailure: async () => undefined,
    });
    // Act
    const response = await handler(
      { Records: [sqsRecord('raw/first.txt', 1), sqsRecord('raw/second.txt', 1)] },
      context(10_000),
    );
    // Assess
    expect(seen).toEqual(['raw/first.txt']);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-raw/second.txt' }]);
  });
});
