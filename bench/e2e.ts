/**
 * 4. Local end to end: the whole local stack (s3rver + DynamoDB Local + in-process queues + the real handlers +
 *    the HTTP API), N articles uploaded to raw/ as fast as the client can (16 PUTs in flight), each timed from
 *    its PutObject acknowledgement until it shows up in `GET /articles` (the API, i.e. queryable), polled every
 *    100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalStack } from '../scripts/local/stack.ts';
import { articleIdForKey } from '../shared/ids.ts';
import { type CorpusItem, contentTypeFor } from './corpus.ts';
import { perSecond, type Summary, summarize } from './stats.ts';
import { syntheticArticle } from './synthetic.ts';

export interface E2eResult {
  articles: number;
  uploadConcurrency: number;
  queueConcurrency: number;
  batchWindowMs: number;
  uploadMs: number;
  /** First PUT sent → last article queryable. */
  totalMs: number;
  articlesPerSecond: number;
  latencyMs: Summary;
  statuses: Record<string, number>;
  /** Articles found only by the final per-article check (their latency is an overestimate). */
  lateDetections: number;
  missing: number;
}

/** The poller shares the process with the stack: small pages, paged on only while a whole page is new. */
const POLL_MS = 100;
const POLL_LIMIT = 25;

interface ListedArticle {
  id: string;
  status: string;
}

export async function measureEndToEnd(options: {
  n: number;
  samples: readonly CorpusItem[];
  dynamoEndpoint: string | undefined;
  log: (message: string) => void;
  uploadConcurrency?: number;
  queueConcurrency?: number;
  timeoutMs?: number;
}): Promise<E2eResult> {
  const uploadConcurrency = options.uploadConcurrency ?? 16;
  const queueConcurrency = options.queueConcurrency ?? 5;
  const batchWindowMs = 100;
  const dataDir = mkdtempSync(join(tmpdir(), 'annotator-bench-e2e-'));
  const stack = await startLocalStack({
    dataDir,
    persistent: false,
    table: `bench-e2e-${Date.now().toString(36)}`,
    bucket: 'bench-e2e',
    ...(options.dynamoEndpoint ? { dynamoEndpoint: options.dynamoEndpoint } : {}),
    logLevel: 'ERROR',
    log: (message) => options.log(`  [stack] ${message}`),
    queue: { concurrency: queueConcurrency, batchWindowMs },
  });
  try {
    const uploads = Array.from({ length: options.n }, (_, i) => {
      const sample =
        options.samples.length > 0 && i % 10 === 9 ? options.samples[(i / 10) % options.samples.length] : undefined;
      if (sample) {
        return { key: `raw/bench/${i}-${sample.key}`, body: sample.raw, contentType: contentTypeFor(sample.key) };
      }
      const a = syntheticArticle(i);
      return { key: `raw/${a.key}`, body: a.body, contentType: a.contentType };
    });
    const pending = new Map<string, number>(); // article id → PUT acknowledged at (ms)
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let lastSeen = 0;
    const seen = (article: ListedArticle, at: number) => {
      const putAt = pending.get(article.id);
      if (putAt === undefined) return false;
      pending.delete(article.id);
      latencies.push(at - putAt);
      statuses[article.status] = (statuses[article.status] ?? 0) + 1;
      lastSeen = at;
      return true;
    };

    const start = performance.now();
    let next = 0;
    const uploader = async () => {
      for (let i = next++; i < uploads.length; i = next++) {
        const u = uploads[i];
        if (!u) break;
        await stack.s3.send(
          new PutObjectCommand({ Bucket: stack.bucket, Key: u.key, Body: u.body, ContentType: u.contentType }),
        );
        pending.set(articleIdForKey(u.key), performance.now());
      }
    };
    let uploadMs = 0;
    const uploading = Promise.all(Array.from({ length: uploadConcurrency }, uploader)).then(() => {
      uploadMs = performance.now() - start;
    });

    // Poll the newest-first list; page on while a whole page is new to us.
    const deadline = Date.now() + (options.timeoutMs ?? 60_000 + options.n * 500);
    let done = false;
    const poller = (async () => {
      while (!done && Date.now() < deadline) {
        let cursor: string | undefined;
        for (let page = 0; page < 40; page++) {
          const url = `${stack.apiUrl}/articles?limit=${POLL_LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const response = await fetch(url);
          if (!response.ok) break;
          const body = (await response.json()) as { items: ListedArticle[]; nextCursor: string | null };
          const at = performance.now();
          let fresh = 0;
          for (const item of body.items) if (seen(item, at)) fresh++;
          if (fresh < body.items.length || !body.nextCursor) break;
          cursor = body.nextCursor;
        }
        if (uploadMs > 0 && pending.size === 0) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    await uploading;
    options.log(`  uploaded ${uploads.length} in ${Math.round(uploadMs)} ms`);
    await poller;
    done = true;

    // Anything not seen in the list: check it one by one (counted as late detections).
    let lateDetections = 0;
    for (const id of [...pending.keys()]) {
      const response = await fetch(`${stack.apiUrl}/articles/${id}/status`);
      if (response.ok) {
        const body = (await response.json()) as ListedArticle;
        if (seen({ id, status: body.status }, performance.now())) lateDetections++;
      }
    }
    const totalMs = lastSeen - start;
    return {
      articles: uploads.length,
      uploadConcurrency,
      queueConcurrency,
      batchWindowMs,
      uploadMs,
      totalMs,
      articlesPerSecond: perSecond(latencies.length, totalMs),
      latencyMs: summarize(latencies),
      statuses,
      lateDetections,
      missing: pending.size,
    };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
