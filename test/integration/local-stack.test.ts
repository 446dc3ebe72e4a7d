/**
 * The local-mode harness itself, with real servers (s3rver, DynamoDB Local) and the real AWS SDK: notification
 * bodies shaped like AWS's, queue semantics (retries, partial batch failures, dead letters), the HTTP API mapping,
 * the drop folder and idempotent resource creation. Handlers here are small recorders, not the pipeline's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, Context, S3Event, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandler } from '../../scripts/local/api-server.ts';
import { type DeadLetter, LocalQueue } from '../../scripts/local/queues.ts';
import { ensureBucket, ensureTable } from '../../scripts/local/resources.ts';
import { assertJava } from '../../scripts/local/servers.ts';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { HandlerPool } from '../../scripts/local/workers.ts';
import { decodeS3Key } from '../../shared/events/s3-records.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { TABLE_KEYS } from '../../shared/store/table.ts';
import { startTestStack } from '../support/stack.ts';

interface Delivery {
  record: SQSRecord;
  body: S3Event | { Event: string };
}

const deliveries: Record<'clean' | 'annotate', Delivery[]> = { clean: [], annotate: [] };
/** Per-test behaviour of the clean handler: return the ids to fail, or throw. */
let cleanBehaviour: (records: SQSRecord[]) => string[] = () => [];
let apiBehaviour: ApiHandler = async () => ({ statusCode: 204 });
let inboxDir: string;
let stack: LocalStack;

const recorder =
  (queue: 'clean' | 'annotate') =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    for (const record of event.Records) deliveries[queue].push({ record, body: JSON.parse(record.body) });
    const failed = queue === 'clean' ? cleanBehaviour(event.Records) : [];
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };

/** The S3 records a queue received for one decoded key, in delivery order. */
function recordsFor(queue: 'clean' | 'annotate', key: string) {
  return deliveries[queue]
    .flatMap((d) => ('Records' in d.body ? d.body.Records.map((r) => ({ sqs: d.record, s3: r })) : []))
    .filter((r) => decodeS3Key(r.s3.s3.object.key) === key);
}

beforeAll(async () => {
  inboxDir = mkdtempSync(join(tmpdir(), 'annotator-inbox-'));
  stack = await startTestStack({
    inboxDir,
    handlers: { clean: recorder('clean'), annotate: recorder('annotate'), api: (e, c) => apiBehaviour(e, c) },
  });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(inboxDir, { recursive: true, force: true });
});

beforeEach(() => {
  cleanBehaviour = () => [];
});

async function put(key: string, body = 'An article body.') {
  const out = await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body }));
  return out.ETag?.replace(/"/g, '') ?? '';
}

describe('S3 notifications', () => {
  it.each([
    ['raw/red flower.txt', 'raw/red+flower.txt'],
    ['raw/c++ notes.txt', 'raw/c%2B%2B+notes.txt'],
    ['raw/100% sure.md', 'raw/100%25+sure.md'],
    ['raw/Zürich – café.html', 'raw/Z%C3%BCrich+%E2%80%93+caf%C3%A9.html'],
    ['raw/dt=2026-03-01/a:b (1).json', 'raw/dt%3D2026-03-01/a%3Ab+%281%29.json'],
    ['raw/日本 記事.txt', 'raw/%E6%97%A5%E6%9C%AC+%E8%A8%98%E4%BA%8B.txt'],
  ])('delivers %j to the clean queue with the key encoded as AWS does (%s)', async (key, encoded) => {
    // Prepare / Act
    const eTag = await put(key, `body of ${key}`);
    await stack.idle();

    // Assess
    const [delivered, ...more] = recordsFor('clean', key);
    expect(more).toHaveLength(0);
    expect(delivered?.s3.s3.object.key).toBe(encoded);
    expect(decodeS3Key(encoded)).toBe(key);
    expect(delivered?.s3).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: stack.bucket, arn: `arn:aws:s3:::${stack.bucket}` },
        object: { size: Buffer.byteLength(`body of ${key}`), eTag },
      },
    });
    const sqs = delivered?.sqs;
    expect(sqs?.eventSource).toBe('aws:sqs');
    expect(sqs?.eventSourceARN).toMatch(/^arn:aws:sqs:us-east-1:\d{12}:clean-queue$/);
    expect(sqs?.attributes.ApproximateReceiveCount).toBe('1');
    expect(sqs?.md5OfBody).toBe(
      createHash('md5')
        .update(sqs?.body ?? '')
        .digest('hex'),
    );
    expect(recordsFor('annotate', key)).toHaveLength(0);
  });

  it('gives sequencers that are fixed-width upper-case hex and strictly increase', async () => {
    // Prepare / Act: the same key rewritten quickly, then other keys
    for (let i = 0; i < 6; i += 1) await put('raw/seq.txt', `version ${i}`);
    await Promise.all(['raw/seq-a.txt', 'raw/seq-b.txt', 'raw/seq-c.txt'].map((k) => put(k)));
    await stack.idle();

    // Assess
    const firstDeliveries = new Map<string, string>();
    for (const d of deliveries.clean) {
      if ('Records' in d.body && !firstDeliveries.has(d.record.messageId)) {
        firstDeliveries.set(d.record.messageId, d.body.Records[0]?.s3.object.sequencer ?? '');
      }
    }
    const sequencers = [...firstDeliveries.values()];
    expect(sequencers.length).toBeGreaterThanOrEqual(9);
    for (const s of sequencers) expect(s).toMatch(/^[0-9A-F]{18}$/);
    const sorted = [...sequencers].sort();
    expect(sequencers).toEqual(sorted);
    expect(new Set(sequencers).size).toBe(sequencers.length);
  });

  it('sends ObjectRemoved:Delete for single and multi-object deletes, without size or eTag', async () => {
    // Prepare
    await put('raw/gone one.txt');
    await put('raw/gone+two.txt');
    await put('raw/gone three.txt');

    // Act
    await stack.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: 'raw/gone one.txt' }));
    await stack.s3.send(
      new DeleteObjectsCommand({
        Bucket: stack.bucket,
        Delete: { Objects: [{ Key: 'raw/gone+two.txt' }, { Key: 'raw/gone three.txt' }] },
      }),
    );
    await stack.idle();

    // Assess
    for (const key of ['raw/gone one.txt', 'raw/gone+two.txt', 'raw/gone three.txt']) {
      const removed = recordsFor('clean', key).filter((r) => r.s3.eventName === 'ObjectRemoved:Delete');
      expect(removed, key).toHaveLength(1);
      expect(removed[0]?.s3.s3.object).not.toHaveProperty('size');
      expect(removed[0]?.s3.s3.object).not.toHaveProperty('eTag');
    }
  });

  it('routes cleaned/ to the annotate queue and ignores other prefixes', async () => {
    // Act
    await put('cleaned/abc.json', '{}');
    await put('elsewhere/abc.txt');
    await stack.idle();

    // Assess
    expect(recordsFor('annotate', 'cleaned/abc.json')).toHaveLength(1);
    expect(recordsFor('clean', 'cleaned/abc.json')).toHaveLength(0);
    expect(recordsFor('clean', 'elsewhere/abc.txt')).toHaveLength(0);
    expect(recordsFor('annotate', 'elsewhere/abc.txt')).toHaveLength(0);
  });

  it('sends one s3:TestEvent to each queue at start, as S3 does when notifications are configured', () => {
    // Assess
    for (const queue of ['clean', 'annotate'] as const) {
      const tests = deliveries[queue].filter((d) => 'Event' in d.body && d.body.Event === 's3:TestEvent');
      expect(tests, queue).toHaveLength(1);
    }
  });
});

describe('queues', () => {
  it('retries a failing message and moves it to the dead-letter folder after 5 receives', async () => {
    // Prepare
    cleanBehaviour = (records) => {
      const poisoned = records.filter((r) => r.body.includes('poison'));
      if (poisoned.length) throw new Error('cannot digest poison');
      return [];
    };

    // Act
    await put('raw/poison pill.txt');
    await stack.idle();

    // Assess
    const receives = recordsFor('clean', 'raw/poison pill.txt').map((r) => r.sqs.attributes.ApproximateReceiveCount);
    expect(receives).toEqual(['1', '2', '3', '4', '5']);
    const messageId = recordsFor('clean', 'raw/poison pill.txt')[0]?.sqs.messageId ?? '';
    const file = join(stack.dlqDir, 'clean-queue', `${messageId}.json`);
    expect(existsSync(file)).toBe(true);
    const letter = JSON.parse(readFileSync(file, 'utf8'));
    expect(letter).toMatchObject({ messageId, queue: 'clean-queue', attempts: 5 });
    expect(letter.lastError).toContain('cannot digest poison');
    expect(decodeS3Key(JSON.parse(letter.body).Records[0].s3.object.key)).toBe('raw/poison pill.txt');
  });

  it('retries only the messages named in batchItemFailures', async () => {
    // Prepare: fail "flaky" on its first receive only
    cleanBehaviour = (records) =>
      records
        .filter((r) => r.body.includes('flaky') && r.attributes.ApproximateReceiveCount === '1')
        .map((r) => r.messageId);

    // Act: three uploads land in the same batch
    await Promise.all(['raw/steady-1.txt', 'raw/flaky.txt', 'raw/steady-2.txt'].map((k) => put(k)));
    await stack.idle();

    // Assess
    expect(recordsFor('clean', 'raw/flaky.txt').map((r) => r.sqs.attributes.ApproximateReceiveCount)).toEqual([
      '1',
      '2',
    ]);
    expect(recordsFor('clean', 'raw/steady-1.txt')).toHaveLength(1);
    expect(recordsFor('clean', 'raw/steady-2.txt')).toHaveLength(1);
    const flakyId = recordsFor('clean', 'raw/flaky.txt')[0]?.sqs.messageId;
    expect(existsSync(join(stack.dlqDir, 'clean-queue', `${flakyId}.json`))).toBe(false);
  });

  it('delivers at most 10 messages per batch and fails the whole batch on an unknown itemIdentifier', async () => {
    // Prepare
    const dlqDir = mkdtempSync(join(tmpdir(), 'annotator-dlq-'));
    const batches: string[][] = [];
    const queue = new LocalQueue({
      name: 'unit-queue',
      dlqDir,
      batchWindowMs: 10,
      // Far longer than the batching window, so m10/m11 are delivered before m0..m9 come back, even under load.
      retryDelayMs: 1_000,
      maxReceiveCount: 2,
      log: () => undefined,
      handler: async (event) => {
        batches.push(event.Records.map((r) => r.body));
        const bad = event.Records.some((r) => r.body === 'm3');
        return { batchItemFailures: bad ? [{ itemIdentifier: 'not-a-message-id' }] : [] };
      },
    });

    // Act
    for (let i = 0; i < 12; i += 1) queue.send(`m${i}`);
    await queue.idle();
    await queue.stop();

    // Assess: 12 messages → 10 + 2; the first batch (with m3) fails entirely, twice, then dead-letters
    expect(batches.map((b) => b.length).every((n) => n <= 10)).toBe(true);
    expect(batches[0]).toHaveLength(10);
    expect(queue.stats.deadLettered).toBe(10);
    expect(readdirSync(join(dlqDir, 'unit-queue'))).toHaveLength(10);
    rmSync(dlqDir, { recursive: true, force: true });
  });
});

describe('HTTP API', () => {
  it('maps a request to a payload 2.0 event and the structured result back to HTTP', async () => {
    // Prepare
    let seen: APIGatewayProxyEventV2 | undefined;
    apiBehaviour = async (event) => {
      seen = event;
      return {
        statusCode: 201,
        headers: { 'Content-Type': 'application/octet-stream', 'X-Answer': '42' },
        cookies: ['a=1; Path=/', 'b=2; Path=/'],
        body: Buffer.from([0, 1, 2, 255]).toString('base64'),
        isBase64Encoded: true,
      };
    };

    // Act
    const response = await fetch(`${stack.apiUrl}/articles/abc%20d?limit=5&tag=x&tag=y&q=a%2Bb`, {
      headers: { 'X-Custom': 'Yes', Cookie: 'session=s1; theme=dark' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());

    // Assess: the event
    expect(seen).toMatchObject({
      version: '2.0',
      routeKey: 'GET /{proxy+}',
      rawPath: '/articles/abc%20d',
      rawQueryString: 'limit=5&tag=x&tag=y&q=a%2Bb',
      queryStringParameters: { limit: '5', tag: 'x,y', q: 'a+b' },
      cookies: ['session=s1', 'theme=dark'],
      pathParameters: { proxy: 'articles/abc d' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/articles/abc%20d', sourceIp: '127.0.0.1' }, stage: '$default' },
    });
    expect(seen?.headers['x-custom']).toBe('Yes');
    expect(seen?.headers).not.toHaveProperty('cookie');
    // Assess: the response
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('42');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect([...bytes]).toEqual([0, 1, 2, 255]);
  });

  it.each([
    ['a thrown error', 'GET', '/boom', 500, { message: 'Internal Server Error' }],
    ['a route that is not integrated', 'POST', '/articles', 404, { message: 'Not Found' }],
    ['a plain object result', 'GET', '/', 200, { ok: true }],
    ['a malformed percent-escape in the path', 'GET', '/articles/%E0%A4%A', 200, { ok: true }],
  ])('answers %s like API Gateway', async (_, method, path, status, body) => {
    // Prepare
    apiBehaviour = async (event) => {
      if (event.rawPath === '/boom') throw new Error('kaboom');
      return { ok: true } as never;
    };

    // Act
    const response = await fetch(`${stack.apiUrl}${path}`, { method });

    // Assess
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });
});

describe('drop folder and resources', () => {
  it('uploads a file dropped into the inbox to raw/<name>', async () => {
    // Act
    writeFileSync(join(inboxDir, 'dropped article.md'), '# Dropped\n\nText.');
    await stack.idle();

    // Assess
    const object = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'raw/dropped article.md' }));
    expect(await object.Body?.transformToString()).toBe('# Dropped\n\nText.');
    expect(object.ContentType).toBe('text/markdown; charset=utf-8');
    expect(recordsFor('clean', 'raw/dropped article.md')).toHaveLength(1);
  });

  it('creates bucket and table idempotently, with the keys, GSIs and TTL of the CDK stack', async () => {
    // Act: the stack already created both; creating again changes nothing
    const bucketCreated = await ensureBucket(stack.s3, stack.bucket);
    const tableCreated = await ensureTable(stack.ddb, stack.table);

    // Assess
    expect([bucketCreated, tableCreated]).toEqual([false, false]);
    const { Table } = await stack.ddb.send(new DescribeTableCommand({ TableName: stack.table }));
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    // The projections the table definition declares (shared/store/table.ts, which the CDK stack uses too; ALL
    // unless it says otherwise).
    const declaredGsis = TABLE_KEYS.gsis as readonly {
      indexName: string;
      projection?: { type: string; nonKeyAttributes?: readonly string[] };
    }[];
    const projection = (g: { Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }) =>
      g.Projection?.ProjectionType === 'INCLUDE'
        ? { type: 'INCLUDE', nonKeyAttributes: [...(g.Projection.NonKeyAttributes ?? [])].sort() }
        : { type: g.Projection?.ProjectionType };
    expect(
      Table?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, projection(g)]).sort((a, b) =>
        String(a[0]).localeCompare(String(b[0])),
      ),
    ).toEqual(
      declaredGsis.map((g) => [
        g.indexName,
        g.projection?.type === 'INCLUDE'
          ? { type: 'INCLUDE', nonKeyAttributes: [...(g.projection.nonKeyAttributes ?? [])].sort() }
          : { type: 'ALL' },
      ]),
    );
    const ttl = await stack.ddb.send(new DescribeTimeToLiveCommand({ TableName: stack.table }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });
});

describe('servers', () => {
  it('explains how to install Java when it is missing', () => {
    // Act / Assess
    expect(() => assertJava('java-that-does-not-exist')).toThrow(/apt-get install -y openjdk-17-jre-headless/);
  });
});

describe('s3rver additions', () => {
  it('answers a conditional create (If-None-Match: *) of an existing key with 412, and creates a new one', async () => {
    // Prepare
    await put('raw/conditional.txt', 'conditional');
    const create = (key: string, body: string) =>
      stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, IfNoneMatch: '*' }));

    // Act
    const refused = await create('raw/conditional.txt', 'second').catch(
      (error: { name: string; $metadata?: { httpStatusCode?: number } }) => error,
    );
    await create('raw/conditional-new.txt', 'first');

    // Assess
    expect(refused).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    const kept = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'raw/conditional.txt' }));
    expect(await kept.Body?.transformToString()).toBe('conditional');
    const created = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'raw/conditional-new.txt' }));
    expect(await created.Body?.transformToString()).toBe('first');
  });
});

describe('handler workers', () => {
  const context = (): Context => ({
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'pool-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:pool-test',
    memoryLimitInMB: '1024',
    awsRequestId: 'request-1',
    logGroupName: '/aws/lambda/pool-test',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  });
  const event = (body: string): SQSEvent => ({
    Records: [{ messageId: 'm-1', body } as SQSRecord],
  });

  it('runs a handler module in an instance of its own, with the function env, and replaces an instance that dies', async () => {
    // Prepare: a handler that reports its env, throws, or kills its instance, as told by the message body
    const dir = mkdtempSync(join(tmpdir(), 'annotator-pool-'));
    const handlerFile = join(dir, 'handler.mjs');
    writeFileSync(
      handlerFile,
      [
        'let calls = 0;',
        'export const handler = async (event, context) => {',
        '  calls += 1;',
        '  const body = event.Records[0].body;',
        "  if (body === 'die') process.exit(3);",
        "  if (body === 'throw') throw new TypeError('bad batch');",
        "  const id = [process.env.POOL_TEST_VALUE, calls, context.functionName, context.getRemainingTimeInMillis() > 0].join('/');",
        '  return { batchItemFailures: [{ itemIdentifier: id }] };',
        '};',
      ].join('\n'),
    );
    const pool = new HandlerPool({
      name: 'pool-test',
      handlerFile,
      env: { ...(process.env as Record<string, string>), POOL_TEST_VALUE: 'from-the-function-env' },
      size: 1,
    });
    try {
      await pool.start();

      // Act
      const first = await pool.handler(event('ok'), context());
      const second = await pool.handler(event('ok'), context());
      const thrown = await Promise.resolve(pool.handler(event('throw'), context())).catch((e: Error) => e);
      const died = await Promise.resolve(pool.handler(event('die'), context())).catch((e: Error) => e);
      const afterDeath = await pool.handler(event('ok'), context());

      // Assess: module state lives in the instance (calls 1, 2), env is the function's, not this process's
      expect(first?.batchItemFailures).toEqual([{ itemIdentifier: 'from-the-function-env/1/pool-test/true' }]);
      expect(second?.batchItemFailures).toEqual([{ itemIdentifier: 'from-the-function-env/2/pool-test/true' }]);
      expect(process.env.POOL_TEST_VALUE).toBeUndefined();
      expect(thrown).toMatchObject({ name: 'TypeError', message: 'bad batch' });
      expect(died).toMatchObject({ name: 'Runtime.ExitError', message: expect.stringContaining('exit status 3') });
      expect(afterDeath?.batchItemFailures).toEqual([{ itemIdentifier: 'from-the-function-env/1/pool-test/true' }]);
    } finally {
      await pool.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the real handlers in workers: articles are processed and a failure reason reaches the dead letter', async () => {
    // Prepare: a second stack whose clean and annotate handlers run in worker instances; one raw object is unreadable
    const workerStack = await startTestStack({
      handlerIsolation: 'workers',
      queue: { concurrency: 2 },
      logLevel: 'SILENT', // the five expected AccessDenied failures
      s3Faults: ({ method, key }) =>
        method === 'GET' && key === 'raw/locked.txt'
          ? { status: 403, code: 'AccessDenied', message: 'Locked by the test' }
          : undefined,
    });
    try {
      const body =
        'Ferry news\n\nKESTREL BAY — The ferry left late again on Monday.\n\n“We are sorry,” said harbour master Liv Asheim.';

      // Act
      for (const key of ['raw/ferry.txt', 'raw/locked.txt']) {
        await workerStack.s3.send(new PutObjectCommand({ Bucket: workerStack.bucket, Key: key, Body: body }));
      }
      await workerStack.idle();

      // Assess
      const article = await fetch(`${workerStack.apiUrl}/articles/${articleIdForKey('raw/ferry.txt')}`);
      expect(((await article.json()) as { status: string }).status).toBe('PROCESSED');
      const dir = join(workerStack.dlqDir, 'clean-queue');
      const letters = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DeadLetter);
      expect(letters).toHaveLength(1);
      expect(letters[0]?.lastError).toContain('AccessDenied');
      const locked = await fetch(`${workerStack.apiUrl}/articles/${articleIdForKey('raw/locked.txt')}/status`);
      expect(((await locked.json()) as { status: string }).status).toBe('FAILED');
    } finally {
      await workerStack.stop();
    }
  }, 60_000);
});
