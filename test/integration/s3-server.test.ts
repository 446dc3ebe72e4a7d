/**
 * The local S3 (s3rver with the local stack's wrappers) answers reads of the objects it wrote from memory: what a
 * client sees must be what s3rver's own file store gives, before and after a restart on the same directory.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client } from '../../scripts/lib/s3-client.ts';
import { ensureBucket } from '../../scripts/local/resources.ts';
import { type S3ServerHandle, startS3Server } from '../../scripts/local/servers.ts';

const BUCKET = 'cache-test';
let directory: string;
let server: S3ServerHandle;
let s3: S3Client;

async function start(): Promise<void> {
  server = await startS3Server({ directory });
  s3 = localS3Client(server.endpoint);
}

async function stop(): Promise<void> {
  s3.destroy();
  await server.stop();
}

/** What a client sees of an object: body, ETag, type, user metadata, length (and the range answer if asked). */
async function read(key: string, range?: string) {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: range }));
  return {
    body: await out.Body?.transformToString(),
    eTag: out.ETag,
    contentType: out.ContentType,
    metadata: out.Metadata,
    length: out.ContentLength,
    contentRange: out.ContentRange,
  };
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 's3-cache-'));
  await start();
  await ensureBucket(s3, BUCKET);
});
afterAll(async () => {
  await stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('local S3 object reads', () => {
  it('serves what was written, the same before and after a restart on the same directory', async () => {
    // Prepare
    const body = 'Kestrel Bay council met on Monday — “we will decide”, said Ada Okonkwo.';
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'raw/a b.txt',
        Body: body,
        ContentType: 'text/plain; charset=utf-8',
        Metadata: { origin: 'inbox' },
      }),
    );
    // Act
    const warm = await read('raw/a b.txt');
    const ranged = await read('raw/a b.txt', 'bytes=7-10');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'raw/a b.txt' }));
    await stop();
    await start();
    const cold = await read('raw/a b.txt');
    const coldRanged = await read('raw/a b.txt', 'bytes=7-10');
    // Assess
    const md5 = createHash('md5').update(body).digest('hex');
    expect(warm).toEqual({
      body,
      eTag: `"${md5}"`,
      contentType: 'text/plain; charset=utf-8',
      metadata: { origin: 'inbox' },
      length: Buffer.byteLength(body),
      contentRange: undefined,
    });
    expect(ranged.body).toBe(' Bay');
    expect(ranged.contentRange).toBe(`bytes 7-10/${Buffer.byteLength(body)}`);
    expect(head.ContentLength).toBe(Buffer.byteLength(body));
    expect(head.ETag).toBe(`"${md5}"`);
    expect(cold).toEqual(warm);
    expect(coldRanged).toEqual(ranged);
  });

  it('serves the new content after an overwrite, a copy, and nothing after a delete', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/x.txt', Body: 'first' }));
    await read('raw/x.txt');
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/y.txt', Body: 'copied' }));
    await read('raw/y.txt');
    // Act
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/x.txt', Body: 'second' }));
    const overwritten = await read('raw/x.txt');
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'raw/y.txt', CopySource: `${BUCKET}/raw/x.txt` }));
    const copy = await read('raw/y.txt');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'raw/x.txt' }));
    // Assess
    expect(overwritten.body).toBe('second');
    expect(copy.body).toBe('second');
    await expect(read('raw/x.txt')).rejects.toThrow(/NoSuchKey|does not exist/);
  });
});
