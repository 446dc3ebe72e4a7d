/**
 * npm run bench [-- --quick] [--only throughput,stages,requests,cold,e2e,profile] [--out FILE] [--n 500]
 *
 * Runs every measure of issue 8 in one go and writes bench/RESULTS.md (a full run) or prints the report (--quick,
 * unless --out is given). See docs/bench.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { javaMajorVersion, startDynamoDbLocal } from '../scripts/local/servers.ts';
import { buildBundles } from './bundles.ts';
import { type ColdArticle, measureColdStart } from './cold-start.ts';
import { loadHtmlPages, loadPolnear, loadSamples, REPO_ROOT } from './corpus.ts';
import { costPer1000, ioMsFor } from './cost.ts';
import { measureEndToEnd } from './e2e.ts';
import { profileAnnotatePath } from './profile.ts';
import { type BenchResults, renderResults } from './report.ts';
import { countRequests } from './requests.ts';
import { syntheticArticle } from './synthetic.ts';
import { measureStages, measureThroughput, prepare } from './throughput.ts';

/** A plain-text article of at least `chars` characters: synthetic articles one after another. */
function stressText(chars: number): ColdArticle {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const article = syntheticArticle(i, 99);
    if (!article.key.endsWith('.txt')) continue;
    parts.push(article.body);
    length += article.body.length + 2;
  }
  const text = parts.join('\n\n');
  return { key: 'stress.txt', raw: new TextEncoder().encode(text), chars: text.length };
}

const KEEP_MARKER = '<!-- Everything below this line is kept when the bench rewrites this file. -->';
const ALL = ['throughput', 'stages', 'requests', 'cold', 'e2e', 'profile'] as const;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    n: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.error(
    'usage: npm run bench -- [--quick] [--only throughput,stages,requests,cold,e2e,profile] [--out FILE] [--n N]',
  );
  process.exit(0);
}
const quick = values.quick ?? false;
const only = new Set(values.only ? values.only.split(',').map((s) => s.trim()) : ALL);
for (const name of only) {
  if (!(ALL as readonly string[]).includes(name)) {
    console.error(`--only: unknown part ${JSON.stringify(name)} (one of ${ALL.join(', ')})`);
    process.exit(2);
  }
}
const outFile = values.out ?? (quick || values.only ? undefined : join(REPO_ROOT, 'bench', 'RESULTS.md'));
const log = (message: string) => console.error(message);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

const workDir = mkdtempSync(join(tmpdir(), 'annotator-bench-'));
const results: BenchResults = {
  quick,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGb: Math.round(totalmem() / 1e9),
    loadAverage: loadavg(),
  },
  corpus: { samples: 0, polnear: 0, htmlPages: 0, rejected: [] },
  notes: [],
};

let stopDynamo: (() => Promise<void>) | undefined;
let dynamoCpuMs: (() => number) | undefined;

/** CPU ms (user + system) of a process and its descendants' main processes, from /proc (Linux); NaN elsewhere. */
function procCpuMs(pid: number): number {
  try {
    const ticks = (p: number): number => {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const own = Number(fields[11]) + Number(fields[12]);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return own + children.reduce((sum, c) => sum + ticks(Number(c)), 0);
    };
    return ticks(pid) * 10; // USER_HZ = 100 on Linux
  } catch {
    return Number.NaN;
  }
}
try {
  // Corpus (read at bench time; nothing from ../shared is written anywhere).
  const samples = loadSamples();
  const polnear = loadPolnear(quick ? 8 : Number.POSITIVE_INFINITY);
  const htmlPages = loadHtmlPages(quick ? 8 : Number.POSITIVE_INFINITY);
  const { articles, rejected } = prepare([...samples, ...polnear]);
  results.corpus = { samples: samples.length, polnear: polnear.length, htmlPages: htmlPages.length, rejected };
  if (polnear.length === 0)
    results.notes.push('../shared/eval/quotes/polnear-dev.jsonl not found: the corpus is samples/ only.');
  if (articles.length === 0) throw new Error('no article to measure: samples/ is empty and ../shared is absent');
  log(
    `bench: ${articles.length} articles (${samples.length} samples, ${polnear.length} PolNeAR), ${htmlPages.length} HTML pages; work dir ${workDir}`,
  );

  if (only.has('throughput')) {
    log(`[${elapsed()}] 1. throughput…`);
    // The peer is ~10× slower: in quick mode it gets a third of the texts (ratios stay per word).
    const peerArticles = quick ? articles.filter((_, i) => i % 3 === 0) : articles;
    // Pipeline and peer each in a child process of their own. The pipeline's CPU per pass falls until about the
    // fifth pass over the full corpus (V8 still optimising): 5 warm-ups for both sides (2 in quick mode).
    results.throughput = await measureThroughput(articles, { runs: 5, warmups: quick ? 2 : 5, peerArticles });
    log(
      `  ${Math.round(results.throughput.pipelineWordsPerSecond)} words/s, ratio ${results.throughput.ratio.toFixed(2)}×`,
    );
  }
  if (only.has('stages') || only.has('throughput')) {
    log(`[${elapsed()}] 2. stages…`);
    // Warm-up of its own: the throughput passes ran in child processes, not in this one.
    results.stages = measureStages(articles, htmlPages, { passes: quick ? 2 : 3, warmups: quick ? 2 : 5 });
  }
  if (only.has('requests') || results.stages) {
    log(`[${elapsed()}] 6. request counts…`);
    results.requests = await countRequests(articles.map((a) => a.item));
  }

  const needServers = only.has('cold') || only.has('e2e');
  let dynamoEndpoint: string | undefined;
  if (needServers) {
    const java = javaMajorVersion();
    if (java !== undefined && java >= 17) {
      log(`[${elapsed()}] starting DynamoDB Local…`);
      const dynamo = await startDynamoDbLocal({});
      dynamoEndpoint = dynamo.endpoint;
      stopDynamo = () => dynamo.stop();
      const pid = dynamo.process.pid;
      if (pid !== undefined) dynamoCpuMs = () => procCpuMs(pid);
    } else {
      results.notes.push(
        'Java 17+ not found: DynamoDB Local could not start (cold start of annotate/api limited, end to end skipped).',
      );
    }
  }

  if (only.has('cold')) {
    log(`[${elapsed()}] 3./5. bundles, cold start, memory…`);
    results.notes.push(`Load average when the cold starts began: ${load()}.`);
    const bundles = await buildBundles(join(workDir, 'bundles'));
    results.bundles = bundles.map(({ name, bytes, mapBytes }) => ({ name, bytes, mapBytes }));
    const byChars = [...articles].sort((a, b) => a.text.length - b.text.length);
    const typicalArticle = byChars[Math.floor(byChars.length / 2)];
    const htmlLargest = htmlPages
      .map((item) => ({ item, chars: item.raw.byteLength }))
      .sort((a, b) => b.chars - a.chars)[0];
    const largestArticle = byChars[byChars.length - 1];
    const toCold = (item: { key: string; raw: Uint8Array }, chars: number): ColdArticle => ({
      key: item.key,
      raw: item.raw,
      chars,
    });
    if (typicalArticle && largestArticle) {
      // Largest = the longest cleaned text of the corpus; an HTML page is used when it is bigger in raw bytes.
      const largest =
        htmlLargest && htmlLargest.chars > largestArticle.item.raw.byteLength
          ? toCold(htmlLargest.item, htmlLargest.chars)
          : toCold(largestArticle.item, largestArticle.text.length);
      results.coldStart = await measureColdStart({
        bundles,
        workDir: join(workDir, 'cold'),
        samples: quick ? 2 : 10,
        typical: toCold(typicalArticle.item, typicalArticle.text.length),
        largest,
        extraMemory: [
          ...(largest.key !== largestArticle.item.key
            ? [{ ...toCold(largestArticle.item, largestArticle.text.length), label: 'longest cleaned text' }]
            : []),
          ...(quick ? [] : [{ ...stressText(1_000_000), label: 'synthetic stress text' }]),
        ],
        dynamoEndpoint,
        log,
        profileImports: !quick,
      });
    }
  }

  if (only.has('e2e')) {
    const n = Number(values.n ?? (quick ? 50 : 500));
    if (!dynamoEndpoint) {
      results.e2e = { skipped: 'DynamoDB Local (Java 17+) is not available.' };
    } else {
      log(`[${elapsed()}] 4. end to end, N=${n}…`);
      results.notes.push(`Load average when the end-to-end run began: ${load()}.`);
      results.e2e = await measureEndToEnd({
        n,
        samples,
        dynamoEndpoint,
        log,
        singles: quick ? 5 : 10,
        ...(dynamoCpuMs ? { dynamoCpuMs } : {}),
      });
      log(`  ${results.e2e.articlesPerSecond.toFixed(1)} articles/s, p95 ${Math.round(results.e2e.latencyMs.p95)} ms`);
    }
  }

  if (results.stages && results.requests) {
    const memory = { clean: 1024, annotate: 1024 };
    const cpuMs = { clean: results.stages.cleanMeanMs, annotate: results.stages.annotateMeanMs };
    const ioMs = {
      clean: ioMsFor(results.requests.byFunction.clean),
      annotate: ioMsFor(results.requests.byFunction.annotate),
    };
    const breakdown = costPer1000({
      functions: (['clean', 'annotate'] as const).map((name) => ({
        name,
        memoryMb: memory[name],
        cpuMsPerArticle: cpuMs[name],
        ioMsPerArticle: ioMs[name],
        articlesPerInvocation: 10,
      })),
      requests: results.requests.perArticle,
      charsPerArticle: articles.map((a) => a.text.length),
    });
    results.cost = { ...breakdown, memory, cpuMs, ioMs };
  }

  if (only.has('profile')) {
    log(`[${elapsed()}] profile…`);
    results.profile = await profileAnnotatePath({
      corpus: articles.map((a) => ({ key: a.item.key, text: new TextDecoder().decode(a.item.raw) })),
      passes: quick ? 1 : 3,
      workDir,
    });
  }

  if (outFile && existsSync(outFile)) {
    const previous = readFileSync(outFile, 'utf8');
    const at = previous.indexOf(KEEP_MARKER);
    if (at >= 0) results.appendix = previous.slice(at);
  }
  const markdown = renderResults(results);
  const finalMarkdown = results.appendix ? markdown : `${markdown}\n${KEEP_MARKER}\n`;
  if (outFile) {
    writeFileSync(outFile, finalMarkdown);
    log(`[${elapsed()}] wrote ${outFile}`);
  } else {
    process.stdout.write(finalMarkdown);
  }
  log(`[${elapsed()}] done`);
} finally {
  await stopDynamo?.().catch(() => undefined);
  rmSync(workDir, { recursive: true, force: true });
}
// Keep-alive sockets of SDK clients could hold the event loop open.
process.exit(0);
