/**
 * The bad-input corpus (test/fixtures/bad/corpus.ts) through the REAL local pipeline: every case is uploaded to
 * raw/ with the real SDK, goes through the real clean and annotate handlers, queues and retries, and must end as the
 * state the API shows for it: PROCESSED, or REJECTED with a human-readable reason, or gone (deleted before it was
 * processed). A normal article uploaded after the corpus is still processed. Then the largest cases are run again,
 * each in a fresh Node process, to measure peak memory against the functions' 1024 MB and time against their 60 s.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { AFTER_CORPUS, BAD_CASES } from '../fixtures/bad/corpus.ts';
import type { Measurement } from '../fixtures/bad/measure.ts';
import { startTestStack } from '../support/stack.ts';

const FUNCTION_MEMORY_MB = 1024;
const FUNCTION_TIMEOUT_MS = 60_000;

let stack: LocalStack;

/** The processing functions' log lines (Powertools JSON on stdout/stderr), captured instead of printed. */
const handlerLogs: Record<string, unknown>[] = [];
const realWrites = { stdout: process.stdout.write, stderr: process.stderr.write };

function captureHandlerLogs(stream: 'stdout' | 'stderr'): void {
  const target = process[stream];
  const real = realWrites[stream];
  target.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!text.includes('"service":"annotator-'))
      return (real as (...args: unknown[]) => boolean).call(target, chunk, ...rest);
    for (const line of text.split('\n').filter((l) => l.trim())) {
      try {
        handlerLogs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        handlerLogs.push({ unparsable: line });
      }
    }
    return true;
  }) as typeof target.write;
}

/** Phrases of the corpus's article texts: none may appear in a log line. */
const ARTICLE_PHRASES = [
  'ferry between Veldhaven',
  'rebuilt every pile',
  'the pier held',
  'attended the meeting',
  'Crossing 39999',
];

async function api(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack.apiUrl}${path}`);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A reason a user can read: a sentence, no stack frame, no source path, no JavaScript runtime jargon. */
function expectHumanReadable(reason: unknown): void {
  expect(reason).toEqual(expect.any(String));
  const text = String(reason);
  expect(text).toMatch(/^[A-Z].{9,}/);
  expect(text).not.toMatch(/\bat \S+ \(|\.(?:ts|js|mjs):\d+|\/(?:work|home|var|tmp|opt)\//);
  expect(text).not.toMatch(/Cannot (?:read|destructure|set) propert|is not a function|is not iterable|undefined/);
}

beforeAll(async () => {
  captureHandlerLogs('stdout');
  captureHandlerLogs('stderr');
  stack = await startTestStack({ logLevel: 'INFO' });
  // Hold the clean function back while everything is uploaded, so the "deleted before it is processed" case is
  // deleted before its event is handled (like an event source mapping that is behind).
  stack.queues.clean.pause();
  for (const c of BAD_CASES) {
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: c.key,
        Body: c.body(),
        ContentType: c.contentType ?? 'text/plain; charset=utf-8',
        ...(c.contentEncoding ? { ContentEncoding: c.contentEncoding } : {}),
      }),
    );
    if (c.deleteBeforeProcessing) {
      await stack.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: c.key }));
    }
  }
  stack.queues.clean.resume();
  await stack.idle();
}, 600_000);

afterAll(async () => {
  await stack?.stop();
  process.stdout.write = realWrites.stdout;
  process.stderr.write = realWrites.stderr;
});

describe(`the bad-input corpus (${BAD_CASES.length} cases) through the real local pipeline`, () => {
  it('has at least 30 cases', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Prepare
    const id = articleIdForKey(c.key);
    const expected = c.expected;

    // Act
    const { status, body } = await api(`/articles/${id}`);

    // Assess
    if (expected.status === 'GONE') {
      expect(status).toBe(404);
      const items = await stack.doc.send(
        new QueryCommand({
          TableName: stack.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `A#${id}` },
        }),
      );
      expect(items.Items ?? []).toEqual([]);
      await expect(
        stack.s3.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: `cleaned/${id}.json` })),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
      return;
    }
    expect(status).toBe(200);
    expect(body.sourceKey).toBe(c.key);
    if (expected.status === 'REJECTED') {
      expect({ status: body.status, reasonCode: body.reasonCode }).toEqual({
        status: 'REJECTED',
        reasonCode: expected.code,
      });
      expect(body.reason).toMatch(expected.reason);
      expectHumanReadable(body.reason);
      // It is listed among the rejected articles too.
      const listed = await api(`/articles/${id}/status`);
      expect(listed.body).toMatchObject({ id, status: 'REJECTED', reasonCode: expected.code });
      return;
    }
    expect({ status: body.status, reason: body.reason }).toEqual({ status: 'PROCESSED', reason: null });
    if (expected.contains) expect(body.text).toContain(expected.contains);
    if (expected.minWords) expect(body.wordCount).toBeGreaterThanOrEqual(expected.minWords);
    if (expected.warning) expect(body.warnings.join('\n')).toMatch(expected.warning);
    expect(body.quotes).toHaveLength(body.counts.quotes);
    for (const quote of body.quotes.slice(0, 50)) expect(body.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('keeps nothing failed or dead-lettered', async () => {
    const failed = await api('/articles?status=FAILED&limit=100');
    expect(failed.body.items.map((a: any) => `${a.sourceKey}: ${a.reason}`)).toEqual([]);
    expect(stack.queues.clean.stats.deadLettered + stack.queues.annotate.stats.deadLettered).toBe(0);
  });

  it('logs every processing line with the article id and the S3 key, and never article text', () => {
    // Prepare
    const lines = handlerLogs.filter((l) => l.service === 'annotator-clean' || l.service === 'annotator-annotate');
    // Assess
    expect(lines.length).toBeGreaterThanOrEqual(BAD_CASES.length);
    for (const line of lines) {
      expect(line).toMatchObject({ s3Key: expect.any(String), articleId: expect.stringMatching(/^[0-9a-f]{24}$/) });
      const key = String(line.s3Key);
      expect(line.articleId).toBe(key.startsWith('raw/') ? articleIdForKey(key) : key.slice(8, -5));
    }
    const everything = JSON.stringify(handlerLogs);
    for (const phrase of ARTICLE_PHRASES) expect(everything).not.toContain(phrase);
  });

  it('still processes a normal article uploaded after the corpus', async () => {
    // Prepare
    const key = 'raw/after the corpus.txt';
    // Act
    await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: AFTER_CORPUS }));
    await stack.idle();
    const { body } = await api(`/articles/${articleIdForKey(key)}`);
    // Assess
    expect(body.status).toBe('PROCESSED');
    expect(body.quotes.map((q: any) => q.speaker)).toContain('Jonas Akerberg');
  });
});

describe('the largest cases, each in a fresh process', () => {
  const measureScript = fileURLToPath(new URL('../fixtures/bad/measure.ts', import.meta.url));
  const large = BAD_CASES.filter((c) => c.large);

  it.each(large.map((c) => [c.name] as const))(
    '%s: peak memory under the function’s 1024 MB, time under its 60 s timeout',
    async (name) => {
      // Act
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', measureScript, name], {
        maxBuffer: 1024 * 1024,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
      console.log(
        `memory: ${result.name}: ${result.status}${result.code ? ` ${result.code}` : ''}, peak RSS ${result.maxRssMb} MB, ${result.ms} ms`,
      );
      // Assess
      expect(result.maxRssMb).toBeLessThan(FUNCTION_MEMORY_MB);
      expect(result.ms).toBeLessThan(FUNCTION_TIMEOUT_MS);
    },
    120_000,
  );
});
