/**
 * 1. Throughput of the whole pipeline (clean → entities → quotes, as `annotate()` runs it) on one core, next to
 *    compromise's people()/organizations()/places() over the same cleaned texts (the peer), runs interleaved.
 * 2. Per stage: clean (text, HTML), entities, quotes, in ms per article.
 * Times are CPU time of this (single-threaded) process, `process.cpuUsage()` (µs resolution): on a shared, busy
 * machine wall time mostly measures the wait for a core; CPU time measures the work on one core. Wall times are
 * recorded too.
 */
import nlp from 'compromise';
import { InputRejectedError } from '../shared/errors.ts';
import { annotate, clean, countWords, extractEntities, extractQuotes } from '../shared/pipeline/annotate.ts';
import { type CorpusItem, contentTypeFor, isHtmlKey } from './corpus.ts';
import { median, perSecond, type Summary, summarize } from './stats.ts';

/** CPU time used by this process so far, in ms (user + system). */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

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

interface PassTime {
  cpu: number;
  wall: number;
}

function timed(fn: () => void): PassTime {
  const wall = performance.now();
  const cpu = cpuNow();
  fn();
  return { cpu: cpuNow() - cpu, wall: performance.now() - wall };
}

function pipelinePass(articles: readonly PreparedArticle[]): PassTime {
  return timed(() => {
    for (const { item } of articles) annotate(item.raw, { key: item.key, contentType: contentTypeFor(item.key) });
  });
}

function entitiesPass(articles: readonly PreparedArticle[]): PassTime {
  return timed(() => {
    for (const { text } of articles) extractEntities(text);
  });
}

function peerPass(articles: readonly PreparedArticle[]): PassTime {
  return timed(() => {
    for (const { text } of articles) {
      const doc = nlp(text);
      doc.people().out('array');
      doc.organizations().out('array');
      doc.places().out('array');
    }
  });
}

/** Interleaved runs (pipeline, peer, pipeline, peer…) after warm-up, so machine noise hits both alike. */
export function measureThroughput(
  articles: readonly PreparedArticle[],
  options: { runs: number; warmups: number; peerArticles?: readonly PreparedArticle[] },
): ThroughputResult {
  const peerArticles = options.peerArticles ?? articles;
  for (let i = 0; i < options.warmups; i++) {
    pipelinePass(articles);
    peerPass(peerArticles);
    entitiesPass(articles);
  }
  const pipelineRuns: PassTime[] = [];
  const peerRuns: PassTime[] = [];
  const entitiesRuns: PassTime[] = [];
  for (let i = 0; i < options.runs; i++) {
    pipelineRuns.push(pipelinePass(articles));
    peerRuns.push(peerPass(peerArticles));
    entitiesRuns.push(entitiesPass(articles));
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

/** Per-stage timings. `htmlPages` are timed for clean only (clean-html); `articles` for every stage. */
export function measureStages(
  articles: readonly PreparedArticle[],
  htmlPages: readonly CorpusItem[],
  options: { passes: number },
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
