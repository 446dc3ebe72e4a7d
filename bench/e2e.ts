/**
 * 4. Local end to end: the whole local stack (s3rver + DynamoDB Local + in-process queues + the real handlers +
 *    the HTTP API), N articles uploaded to raw/ as fast as the client can (16 PUTs in flight), each timed from
 *    its PutObject acknowledgement until it shows up in `GET /articles` (the API, i.e. queryable), polled every
 *    100 ms.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type HandlerIsolation, resolveIsolation, startLocalStack } from '../scripts/local/stack.ts';
import { articleIdForKey } from '../shared/ids.ts';
import { type CorpusItem, contentTypeFor } from './corpus.ts';
import { analyseCpuProfile, type CpuProfile } from './profile.ts';
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
  /** Where the clean and annotate handlers ran: worker instances or the bench process's main thread. */
  handlerIsolation: 'workers' | 'in-process';
  /** Upload → queryable of articles uploaded one at a time on the idle stack (no backlog). */
  singleLatencyMs: Summary;
  statuses: Record<string, number>;
  /** Articles found only by the final per-article check (their latency is an overestimate). */
  lateDetections: number;
  missing: number;
  /** CPU ms per article of the bench process (handlers, s3rver, queues, API, uploader, poller), first PUT → last seen. */
  nodeCpuMsPerArticle: number;
  /**
   * Of `nodeCpuMsPerArticle`, the main thread's share (s3rver, queues, API, uploader, poller); the rest is the
   * handler workers, libuv's file system threads and V8's helper threads. NaN when /proc is not readable.
   */
  mainThreadCpuMsPerArticle?: number;
  /** CPU ms per article of DynamoDB Local (Java), when it could be read from /proc. */
  dynamoCpuMsPerArticle: number;
  /** Where the Node process's CPU went during the run (sampling profiler), coarse groups, % of sampled time. */
  cpuByGroup: { group: string; percent: number }[];
}

/** Coarse group of a profile file group: the pipeline, our other code by folder, npm packages, node internals. */
function coarseGroup(file: string): string {
  if (file.startsWith('shared/pipeline/')) return 'shared/pipeline (annotation)';
  if (file.startsWith('npm:@aws-sdk/') || file.startsWith('npm:@smithy/') || file.startsWith('npm:@aws-crypto/'))
    return 'AWS SDK (@aws-sdk, @smithy)';
  if (/^npm:(s3rver|koa|@koa|xmlbuilder|fast-xml-parser|busboy|statuses|on-finished|fs-extra|graceful-fs)/.test(file))
    return 's3rver (+ koa, fs-extra)';
  if (file.startsWith('bench/')) return 'bench client (uploads, polling)';
  if (file.startsWith('npm:')) return file;
  const folder = /^([a-z]+\/[a-z-]+)/.exec(file)?.[1];
  if (folder) return folder;
  return file;
}

/** CPU ms used so far by this process's main thread (Linux /proc; NaN elsewhere). */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ = 100
  } catch {
    return Number.NaN;
  }
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
  /** Articles then uploaded one at a time for the latency without backlog (default 10). */
  singles?: number;
  /** Where the clean and annotate handlers run (default: $E2E_HANDLERS, else the local stack's `auto`). */
  handlerIsolation?: HandlerIsolation;
  /** CPU ms used so far by the DynamoDB Local process (NaN when unknown). */
  dynamoCpuMs?: () => number;
}): Promise<E2eResult> {
  const uploadConcurrency = options.uploadConcurrency ?? 16;
  const queueConcurrency = options.queueConcurrency ?? 5;
  const handlerIsolation = resolveIsolation(
    options.handlerIsolation ?? ((process.env.E2E_HANDLERS || 'auto') as HandlerIsolation),
  );
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
    handlerIsolation,
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
      cpuAtLastSeen = process.cpuUsage();
      mainCpuAtLastSeen = mainThreadCpuMs();
      dynamoCpuAtLastSeen = dynamoCpu();
      return true;
    };

    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const dynamoCpu = options.dynamoCpuMs ?? (() => Number.NaN);
    const cpuStart = process.cpuUsage();
    const dynamoCpuStart = dynamoCpu();
    let cpuAtLastSeen = cpuStart;
    const mainCpuStart = mainThreadCpuMs();
    let mainCpuAtLastSeen = mainCpuStart;
    let dynamoCpuAtLastSeen = dynamoCpuStart;
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

    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    // E2E_PROFILE_OUT=FILE keeps the raw profile (open it in Chrome DevTools or speedscope)
    if (process.env.E2E_PROFILE_OUT) writeFileSync(process.env.E2E_PROFILE_OUT, JSON.stringify(profile));
    const analysed = analyseCpuProfile(profile, undefined, 10);
    const groups = new Map<string, number>();
    for (const f of analysed.byFile)
      groups.set(coarseGroup(f.file), (groups.get(coarseGroup(f.file)) ?? 0) + f.selfPercent);
    groups.set('(garbage collector)', analysed.gcPercent);
    const cpuByGroup = [...groups].sort((a, b) => b[1] - a[1]).map(([group, percent]) => ({ group, percent }));

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
    {
      const n = Math.max(1, latencies.length);
      const node = (cpuAtLastSeen.user - cpuStart.user + cpuAtLastSeen.system - cpuStart.system) / 1000 / n;
      options.log(
        `  handlers ${handlerIsolation}; CPU ms per article: Node ${node.toFixed(1)} (main thread ${((mainCpuAtLastSeen - mainCpuStart) / n).toFixed(1)}), DynamoDB Local ${((dynamoCpuAtLastSeen - dynamoCpuStart) / n).toFixed(1)}`,
      );
    }

    // One article at a time on the idle stack: upload, then poll its status every 20 ms until it is stored.
    const single: number[] = [];
    for (let i = 0; i < (options.singles ?? 10); i++) {
      const a = syntheticArticle(100_000 + i);
      const key = `raw/single/${a.key}`;
      const id = articleIdForKey(key);
      await stack.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: a.body, ContentType: a.contentType }),
      );
      const putAt = performance.now();
      for (const until = Date.now() + 30_000; Date.now() < until; ) {
        const response = await fetch(`${stack.apiUrl}/articles/${id}/status`);
        if (response.ok) {
          single.push(performance.now() - putAt);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return {
      singleLatencyMs: summarize(single),
      handlerIsolation,
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
      nodeCpuMsPerArticle:
        (cpuAtLastSeen.user - cpuStart.user + cpuAtLastSeen.system - cpuStart.system) /
        1000 /
        Math.max(1, latencies.length),
      mainThreadCpuMsPerArticle: (mainCpuAtLastSeen - mainCpuStart) / Math.max(1, latencies.length),
      dynamoCpuMsPerArticle: (dynamoCpuAtLastSeen - dynamoCpuStart) / Math.max(1, latencies.length),
      cpuByGroup,
    };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
