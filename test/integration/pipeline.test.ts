/**
 * The whole pipeline on real local servers (s3rver + DynamoDB Local) through the real SDK clients and the real
 * handlers: upload to raw/ → clean → cleaned/ → annotate → table → API.
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { startTestStack } from '../support/stack.ts';

const FIRST = [
  'Harbour Council Approves Tidal Barrier',
  '',
  'PORTMERE, Wales — The Portmere Harbour Council voted on Monday to build a tidal barrier across the estuary.',
  '',
  '“This barrier will protect four thousand homes,” said council leader Ingrid Halvorsen.',
  '',
  'Halvorsen said the work would start in the spring. “We cannot wait for the next storm,” she added.',
].join('\n');

const SECOND = [
  'Barrier Vote Delayed',
  '',
  'PORTMERE, Wales — The vote on the tidal barrier was postponed, the Portmere Harbour Council said on Tuesday.',
  '',
  '“We need another month to study the costs,” said Tomas Quill, the council treasurer.',
].join('\n');

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function put(key: string, body: string | Uint8Array, contentType = 'text/plain; charset=utf-8') {
  await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, ContentType: contentType }));
  await stack.idle();
}

async function api(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack.apiUrl}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function tableItems(id: string): Promise<Record<string, unknown>[]> {
  const out = await stack.doc.send(
    new QueryCommand({
      TableName: stack.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${id}` },
    }),
  );
  return out.Items ?? [];
}

describe('an uploaded article', () => {
  const key = 'raw/Harbour news/Touré + Halvorsen 100% ünïcode.txt';
  const id = articleIdForKey(key);

  it('is cleaned, annotated and served by the API (key with spaces, +, % and unicode)', async () => {
    // Act
    await put(key, FIRST);
    const { status, body } = await api(`/articles/${id}`);
    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, sourceKey: key, status: 'PROCESSED' });
    expect(body.text).toContain('The Portmere Harbour Council voted on Monday');
    expect(body.counts.quotes).toBe(body.quotes.length);
    const quote = body.quotes.find((q: any) => q.text.includes('four thousand homes'));
    expect(quote.speaker).toBe('Ingrid Halvorsen');
    expect(body.text.slice(quote.start, quote.end)).toBe(quote.text);
    const names = body.entities.map((e: any) => e.name);
    expect(names).toContain('Ingrid Halvorsen');
    // The cleaned object is in the bucket, under an id that does not trigger clean again.
    const cleaned = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: `cleaned/${id}.json` }));
    expect(JSON.parse(await cleaned.Body!.transformToString())).toMatchObject({
      sourceKey: key,
      outcome: { status: 'CLEANED' },
    });
  });

  it('is listed newest first, and paged with an opaque cursor', async () => {
    await put('raw/second.txt', SECOND);
    const first = await api('/articles?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].sourceKey).toBe('raw/second.txt');
    const next = await api(`/articles?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0].sourceKey).toBe(key);
  });

  it('is replaced on re-upload: new quotes only, no stale rows', async () => {
    // Act
    await put(key, SECOND);
    const { body } = await api(`/articles/${id}`);
    // Assess
    expect(body.text).toContain('postponed');
    expect(body.quotes.map((q: any) => [q.speaker, q.type])).toEqual([
      ['Portmere Harbour Council', 'indirect'],
      ['Tomas Quill', 'direct'],
    ]);
    const items = await tableItems(id);
    const kinds = items.map((i) =>
      String(i.sk)
        .replace(/^V#[^#]+#/, '')
        .slice(0, 1),
    );
    // Quotes and entities are packed, several per item: no stale row means every child belongs to META's version.
    expect(kinds).toContain('Q');
    const version = String(items.find((i) => i.sk === 'META')?.version);
    expect(items.filter((i) => i.sk !== 'META' && !String(i.sk).startsWith(`V#${version}#`))).toEqual([]);
  });

  it('disappears with every record when the object is deleted', async () => {
    // Act
    await stack.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: key }));
    await stack.idle();
    // Assess
    expect((await api(`/articles/${id}`)).status).toBe(404);
    expect(await tableItems(id)).toEqual([]);
  });
});

describe('npm run reprocess', () => {
  it('re-annotates existing articles without a re-upload', async () => {
    // Prepare
    const key = 'raw/reprocess me.txt';
    await put(key, FIRST);
    const before = await api(`/articles/${articleIdForKey(key)}`);
    // Act
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/reprocess.ts', '--local', '--bucket', stack.bucket, '--prefix', 'raw/reprocess'],
      { env: { ...process.env, S3_PORT: new URL(stack.s3Endpoint).port } },
    );
    await new Promise((r) => setTimeout(r, 200));
    await stack.idle();
    const after = await api(`/articles/${articleIdForKey(key)}`);
    // Assess
    expect(stdout).toContain('Reprocessing 1 object(s)');
    expect(after.body.status).toBe('PROCESSED');
    expect(after.body.processedAt > before.body.processedAt).toBe(true);
    expect(after.body.quotes).toEqual(before.body.quotes);
  });
});

describe('bad input', () => {
  it.each([
    ['raw/empty.txt', '', 'EMPTY'],
    ['raw/blank.txt', '  \n\n \t \n', 'EMPTY'],
    [
      'raw/picture.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'UNSUPPORTED_FORMAT',
    ],
  ])('%s is REJECTED with a reason the API shows', async (key, body, code) => {
    // Act
    await put(key, body);
    const id = articleIdForKey(key);
    const status = await api(`/articles/${id}/status`);
    const rejected = await api('/articles?status=REJECTED&limit=100');
    // Assess
    expect(status.body).toMatchObject({ id, status: 'REJECTED', reasonCode: code });
    expect(status.body.reason).toMatch(/\w+/);
    expect(rejected.body.items.map((a: any) => a.id)).toContain(id);
  });
});

describe('the API', () => {
  it.each([
    ['/health', 200, null],
    ['/articles?limit=abc', 400, 'BAD_REQUEST'],
    ['/articles?limit=0', 400, 'BAD_REQUEST'],
    ['/articles?status=LOST', 400, 'BAD_REQUEST'],
    ['/articles?cursor=not-a-cursor', 400, 'BAD_CURSOR'],
    ['/articles/0123456789abcdef01234567', 404, 'NOT_FOUND'],
    ['/articles/..%2F..%2Fetc', 404, 'NOT_FOUND'],
    ['/articles/%E0%A4%A', 400, 'BAD_REQUEST'],
    ['/nothing-here', 404, 'NOT_FOUND'],
  ])('GET %s → %i', async (path, expected, code) => {
    const { status, body } = await api(path);
    expect(status).toBe(expected);
    if (code) expect(body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('clamps huge limits', async () => {
    const { status } = await api('/articles?limit=100000');
    expect(status).toBe(200);
  });

  it('has no route for other methods (like the HTTP API, which only routes GET)', async () => {
    const res = await fetch(`${stack.apiUrl}/articles`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
