/**
 * 1. Throughput of the whole pipeline (clean → entities → quotes, as `annotate()` runs it) on one core, next to
 *    compromise's people()/organizations()/places() over the same cleaned texts (the peer), runs interleaved. Each
 *    side runs in a child process of its own (`child/throughput-pipeline.ts`, `child/throughput-peer.ts`), as the
 *    pipeline runs alone in Lambda: in one process the peer's heap and garbage were billed to our passes (GC marking,
 *    V8's background threads) and ours to the peer's. This process only drives the passes over IPC.
 * 2. Per stage: clean (text, HTML), entities, quotes, in ms per article (in this process).
 * Times are CPU time of the (single-threaded) process doing the work, `process.cpuUsage()` (µs resolution): on a
 * shared, busy machine wall time mostly measures the wait for a core; CPU time measures the work on one core. Wall
 * times are recorded too.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputRejectedError } from '../shared/errors.ts';
import { clean, countWords, extractEntities, extractQuotes } from '../shared/pipeline/annotate.ts';
import { type FromChild, type PassTime, type ToChild, timed } from './child/passes.ts';
import type { PeerPayload } from './child/throughput-peer.ts';
import type { PipelinePayload } from './child/throughput-pipeline.ts';
import { type CorpusItem, contentTypeFor, isHtmlKey } from './corpus.ts';
import { median, perSecond, type Summary, summarize } from './stats.ts';

export { cpuNow } from './child/passes.ts';

export interface PreparedArticle {
  item: CorpusItem;
  text: string;
  words: number;
}

/** Cleans every item once; items the cleaner rejects are returned apart (they are not part of the timings). */
export function prepare(items: readonly CorpusItem[]): { articles: PreparedArticle[]; rejected: string[] } {
  const articles: PreparedArticle[] = [];
  const rejected: string[] = [];
  for (const item of items) {
    try {
      const { text } = clean(item.raw, { key: item.key, contentType: contentTypeFor(item.key) });
      articles.push({ item, text, words: countWords(text) });
    } catch (error) {
      if (!(error instanceof InputRejectedError)) throw error;
      rejected.push(`${item.source}/${item.id}: ${error.code}`);
    }
  }
  return { articles, rejected };
}

export interface ThroughputResult {
  articles: number;
  words: number;
  chars: number;
  runs: number;
  /** Per run: CPU milliseconds for the whole corpus. */
  pipelineRunMs: number[];
  peerRunMs: number[];
  /** Per run: wall-clock milliseconds (inflated by other processes on a shared machine). */
  pipelineWallMs: number[];
  peerWallMs: number[];
  /** Median of the per-run wall ratios, for comparison with the CPU-time ratio. */
  wallRatio: number;
  pipelineWordsPerSecond: number;
  pipelineArticlesPerSecond: number;
  peerWordsPerSecond: number;
  peerArticlesPerSecond: number;
  /** Pipeline speed / peer speed (medians of the runs). */
  ratio: number;
  /** Our entities stage alone (`extractEntities` on the cleaned texts), the like-for-like comparison with the peer. */
  entitiesWordsPerSecond: number;
  /** The peer's corpus when it was reduced (quick mode), else the same as `articles`. */
  peerArticles: number;
  peerWords: number;
}

/** A forked child serving passes (`child/passes.ts`), one request at a time. */
class PassChild {
  private pending: ((message: FromChild) => void) | undefined;
  private exited: string | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly name: string,
  ) {
    child.on('message', (message: FromChild) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.(message);
    });
    const gone = (reason: string) => {
      this.exited = reason;
      const pending = this.pending;
      this.pending = undefined;
      pending?.({ kind: 'failed', message: reason });
    };
    child.on('error', (error) => gone(`${name} child: ${error.message}`));
    child.on('exit', (code, signal) => gone(`${name} child exited (${signal ?? `code ${code}`})`));
  }

  /**
   * Forks `module` with this process's execArgv (under `npm run bench`, tsx's loader: the child runs TypeScript; tsx
   * is added when absent, as under the test runner) and sends it its corpus (structured clone: bytes stay bytes).
   */
  static async start(name: string, module: string, payload: unknown): Promise<PassChild> {
    const file = fileURLToPath(new URL(module, import.meta.url));
    const execArgv = process.execArgv.some((arg) => arg.includes('tsx'))
      ? process.execArgv
      : [...process.execArgv, '--import', 'tsx'];
    const child = new PassChild(fork(file, [], { execArgv, serialization: 'advanced' }), name);
    try {
      await child.request({ kind: 'init', payload });
    } catch (error) {
      child.close();
      throw error;
    }
    return child;
  }

  private request(message: ToChild): Promise<FromChild> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    if (this.pending) return Promise.reject(new Error(`${this.name} child is busy`));
    return new Promise((resolve, reject) => {
      this.pending = (reply) =>
        reply.kind === 'failed' ? reject(new Error(`${this.name} child: ${reply.message}`)) : resolve(reply);
      this.child.send(message);
    });
  }

  async pass(pass: string): Promise<PassTime> {
    const reply = await this.request({ kind: 'pass', pass });
    if (reply.kind !== 'done' || reply.pass !== pass) throw new Error(`${this.name} child: unexpected ${reply.kind}`);
    return { cpu: reply.cpu, wall: reply.wall };
  }

  /** Disconnecting ends the child (it exits on `disconnect`). */
  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** Starts every child; when one fails to start, the others are closed and the error is thrown. */
async function startAll(specs: readonly { name: string; module: string; payload: unknown }[]): Promise<PassChild[]> {
  const started = await Promise.allSettled(specs.map((s) => PassChild.start(s.name, s.module, s.payload)));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of started) if (s.status === 'fulfilled') s.value.close();
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<PassChild>).value);
}

/**
 * Interleaved runs (pipeline, peer, pipeline, peer…) after warm-up, so machine noise hits both alike. The pipeline
 * (and the entities-only pass) runs in one child process, the peer in another; each child times its own passes.
 */
export async function measureThroughput(
  articles: readonly PreparedArticle[],
  options: { runs: number; warmups: number; peerArticles?: readonly PreparedArticle[] },
): Promise<ThroughputResult> {
  const peerArticles = options.peerArticles ?? articles;
  const pipelinePayload: PipelinePayload = {
    items: articles.map(({ item }) => ({ key: item.key, raw: item.raw })),
    texts: articles.map((a) => a.text),
  };
  const peerPayload: PeerPayload = { texts: peerArticles.map((a) => a.text) };
  const [pipeline, peer] = await startAll([
    { name: 'pipeline', module: './child/throughput-pipeline.ts', payload: pipelinePayload },
    { name: 'peer', module: './child/throughput-peer.ts', payload: peerPayload },
  ]);
  if (!pipeline || !peer) throw new Error('throughput children did not start');
  const pipelineRuns: PassTime[] = [];
  const peerRuns: PassTime[] = [];
  const entitiesRuns: PassTime[] = [];
  try {
    for (let i = 0; i < options.warmups; i++) {
      await pipeline.pass('pipeline');
      await peer.pass('peer');
      await pipeline.pass('entities');
    }
    for (let i = 0; i < options.runs; i++) {
      pipelineRuns.push(await pipeline.pass('pipeline'));
      peerRuns.push(await peer.pass('peer'));
      entitiesRuns.push(await pipeline.pass('entities'));
    }
  } finally {
    pipeline.close();
    peer.close();
  }
  const pipelineRunMs = pipelineRuns.map((r) => r.cpu);
  const peerRunMs = peerRuns.map((r) => r.cpu);
  const words = articles.reduce((sum, a) => sum + a.words, 0);
  const chars = articles.reduce((sum, a) => sum + a.text.length, 0);
  const peerWords = peerArticles.reduce((sum, a) => sum + a.words, 0);
  const pipelineMs = median(pipelineRunMs);
  const peerMs = median(peerRunMs);
  const pipelineWordsPerSecond = perSecond(words, pipelineMs);
  const peerWordsPerSecond = perSecond(peerWords, peerMs);
  return {
    articles: articles.length,
    words,
    chars,
    runs: options.runs,
    pipelineRunMs,
    peerRunMs,
    pipelineWallMs: pipelineRuns.map((r) => r.wall),
    peerWallMs: peerRuns.map((r) => r.wall),
    wallRatio: median(
      pipelineRuns.map((r, i) => perSecond(words, r.wall) / perSecond(peerWords, peerRuns[i]?.wall ?? Number.NaN)),
    ),
    pipelineWordsPerSecond,
    pipelineArticlesPerSecond: perSecond(articles.length, pipelineMs),
    peerWordsPerSecond,
    peerArticlesPerSecond: perSecond(peerArticles.length, peerMs),
    ratio: pipelineWordsPerSecond / peerWordsPerSecond,
    entitiesWordsPerSecond: perSecond(words, median(entitiesRuns.map((r) => r.cpu))),
    peerArticles: peerArticles.length,
    peerWords,
  };
}

export interface StageResult {
  /** ms per article: each article's median over the passes, summarised over the articles. */
  cleanText: Summary;
  cleanHtml: Summary;
  entities: Summary;
  quotes: Summary;
  /** Mean ms per article of the clean Lambda's work (clean of the throughput corpus) and the annotate Lambda's. */
  cleanMeanMs: number;
  annotateMeanMs: number;
}

/**
 * Per-stage timings. `htmlPages` are timed for clean only (clean-html); `articles` for every stage. First `warmups`
 * untimed passes of clean → entities → quotes over `articles`: the throughput passes run in child processes, so
 * this process has not run the pipeline yet (until the tenth session it had, 7 passes, when throughput was
 * measured; `--only stages` alone measured cold code).
 */
export function measureStages(
  articles: readonly PreparedArticle[],
  htmlPages: readonly CorpusItem[],
  options: { passes: number; warmups?: number },
): StageResult {
  const perArticle = (fn: () => void): number => timed(fn).cpu;
  const medianOf = (samples: number[][]) => samples.map((s) => median(s));
  const push = (samples: number[][], i: number, value: number) => {
    const list = samples[i] ?? [];
    list.push(value);
    samples[i] = list;
  };
  const cleanText: number[][] = [];
  const cleanHtml: number[][] = [];
  const entities: number[][] = [];
  const quotes: number[][] = [];
  const cleanAll: number[][] = [];
  const annotateAll: number[][] = [];
  const textArticles = articles.filter((a) => !isHtmlKey(a.item.key));
  const htmlItems = [...articles.filter((a) => isHtmlKey(a.item.key)).map((a) => a.item), ...htmlPages];
  const options0 = (item: CorpusItem) => ({ key: item.key, contentType: contentTypeFor(item.key) });
  const htmlOk = htmlItems.filter((item) => {
    try {
      clean(item.raw, options0(item));
      return true;
    } catch {
      return false;
    }
  });
  for (let i = 0; i < (options.warmups ?? 0); i++) {
    for (const a of articles) {
      clean(a.item.raw, options0(a.item));
      extractQuotes(a.text, extractEntities(a.text));
    }
  }
  for (let pass = 0; pass < options.passes; pass++) {
    textArticles.forEach((a, i) => {
      push(
        cleanText,
        i,
        perArticle(() => clean(a.item.raw, options0(a.item))),
      );
    });
    htmlOk.forEach((item, i) => {
      push(
        cleanHtml,
        i,
        perArticle(() => clean(item.raw, options0(item))),
      );
    });
    articles.forEach((a, i) => {
      let found: ReturnType<typeof extractEntities> = [];
      const c = perArticle(() => clean(a.item.raw, options0(a.item)));
      const e = perArticle(() => {
        found = extractEntities(a.text);
      });
      const q = perArticle(() => extractQuotes(a.text, found));
      const w = perArticle(() => countWords(a.text));
      push(entities, i, e);
      push(quotes, i, q);
      push(cleanAll, i, c);
      push(annotateAll, i, e + q + w);
    });
  }
  const meanOfMedians = (samples: number[][]) => summarize(medianOf(samples)).mean;
  return {
    cleanText: summarize(medianOf(cleanText)),
    cleanHtml: summarize(medianOf(cleanHtml)),
    entities: summarize(medianOf(entities)),
    quotes: summarize(medianOf(quotes)),
    cleanMeanMs: meanOfMedians(cleanAll),
    annotateMeanMs: meanOfMedians(annotateAll),
  };
}
