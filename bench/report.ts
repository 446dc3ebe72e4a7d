/** Renders the bench results as Markdown (bench/RESULTS.md). */
import type { ColdStartResult } from './cold-start.ts';
import { ASSUMED_CALL_MS, type CostBreakdown, cpuShareFactor, PRICES } from './cost.ts';
import type { E2eResult } from './e2e.ts';
import type { ProfileResult } from './profile.ts';
import type { RequestCount } from './requests.ts';
import { fmt, fmtBytes, fmtUsd, markdownTable, type Summary, verdict } from './stats.ts';
import type { StageResult, ThroughputResult } from './throughput.ts';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memoryGb: number;
  loadAverage: number[];
}

export interface BenchResults {
  quick: boolean;
  command: string;
  machine: MachineInfo;
  corpus: { samples: number; polnear: number; htmlPages: number; rejected: string[] };
  throughput?: ThroughputResult;
  stages?: StageResult;
  requests?: RequestCount;
  bundles?: { name: string; bytes: number; mapBytes: number }[];
  coldStart?: ColdStartResult | { skipped: string };
  e2e?: E2eResult | { skipped: string };
  cost?: CostBreakdown & {
    memory: Record<string, number>;
    cpuMs: Record<string, number>;
    ioMs: Record<string, number>;
  };
  profile?: ProfileResult | { skipped: string };
  notes: string[];
  /** Free Markdown appended at the end (e.g. the before/after of a change), kept from the previous RESULTS.md. */
  appendix?: string;
}

const ms = (s: Summary, decimals = 1) => `${fmt(s.median, decimals)} / ${fmt(s.p95, decimals)}`;
const skipped = (value: object): value is { skipped: string } => 'skipped' in value;

export function renderResults(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Benchmark results${r.quick ? ' (quick run)' : ''}`);
  out.push('');
  out.push(
    `Written by \`${r.command}\` on ${m.date}. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; ` +
      `load average at start ${m.loadAverage.map((l) => l.toFixed(1)).join(' / ')} (the machine is shared: compare ratios, not absolute times). ` +
      'What each number means: docs/bench.md.',
  );
  out.push('');
  out.push(
    `Corpus: ${r.corpus.samples} project samples + ${r.corpus.polnear} PolNeAR dev texts (read from ../shared at bench time) for throughput and stages; ` +
      `${r.corpus.htmlPages} ScrapingHub pages for HTML cleaning.` +
      (r.corpus.rejected.length ? ` Rejected by clean (not timed): ${r.corpus.rejected.join(', ')}.` : ''),
  );
  out.push('');

  // Summary of targets.
  const rows: string[][] = [];
  const t = r.throughput;
  if (t) {
    rows.push([
      'Throughput, one core (clean+entities+quotes)',
      `${fmt(t.pipelineWordsPerSecond)} words/s`,
      '≥ 100,000 words/s',
      verdict(t.pipelineWordsPerSecond, 100_000, true),
    ]);
    rows.push(['Speed vs compromise (same texts, same run)', `${fmt(t.ratio, 2)}×`, '≥ 3×', verdict(t.ratio, 3, true)]);
  }
  if (r.coldStart && !skipped(r.coldStart)) {
    for (const row of r.coldStart.rows.filter((x) => x.name !== 'pipeline (pure)')) {
      rows.push([
        `Cold start ${row.name} (median of ${row.samples})`,
        `${fmt(row.total.median)} ms`,
        '≤ 250 ms',
        verdict(row.total.median, 250, false),
      ]);
    }
  }
  for (const b of r.bundles ?? []) {
    rows.push([`Bundle ${b.name}`, fmtBytes(b.bytes), '≤ 5 MB', verdict(b.bytes, 5_000_000, false)]);
  }
  if (r.e2e && !skipped(r.e2e)) {
    rows.push([
      `Local end to end, N=${r.e2e.articles}`,
      `${fmt(r.e2e.articlesPerSecond, 1)} articles/s`,
      '≥ 25 articles/s',
      verdict(r.e2e.articlesPerSecond, 25, true),
    ]);
    rows.push([
      `Upload → queryable p95 (burst of ${r.e2e.articles})`,
      `${fmt(r.e2e.latencyMs.p95)} ms`,
      '≤ 1,500 ms',
      verdict(r.e2e.latencyMs.p95, 1500, false),
    ]);
    rows.push([
      'Upload → queryable p95 (one article at a time, no backlog)',
      `${fmt(r.e2e.singleLatencyMs.p95)} ms`,
      '≤ 1,500 ms',
      verdict(r.e2e.singleLatencyMs.p95, 1500, false),
    ]);
  }
  if (r.cost) {
    rows.push([
      'Lambda compute per 1,000 articles (CPU + estimated I/O wait)',
      fmtUsd(r.cost.lambdaCompute),
      '≤ $0.01',
      verdict(r.cost.lambdaCompute, 0.01, false),
    ]);
  }
  out.push('## Targets');
  out.push('');
  out.push(markdownTable(['Measure', 'Measured', 'Target', ''], rows));
  out.push('');

  if (t) {
    out.push('## 1. Throughput on one core');
    out.push('');
    out.push(
      `${t.articles} articles, ${fmt(t.words)} words, ${fmt(t.chars)} characters of cleaned text; median of ${t.runs} runs after warm-up, ` +
        'timed in CPU time of the (single-threaded) process doing the work, i.e. work on one core, because wall time on this shared machine mostly measures the wait for a core; ' +
        'pipeline and peer runs interleaved. Pipeline = `annotate(raw)` (clean → entities → quotes → word count), as the two Lambdas run it. ' +
        `Peer = compromise 14.17.0 \`nlp(text)\` + \`people()\`, \`organizations()\`, \`places()\` on the cleaned texts${t.peerArticles !== t.articles ? ` (a subset of ${t.peerArticles} articles, ${fmt(t.peerWords)} words, in quick mode)` : ''}.`,
    );
    out.push('');
    out.push(
      'Each side runs in a child process of its own (the pipeline and the entities-only pass in one, compromise in the other; the bench asks each for one pass in turn), ' +
        'as the pipeline runs alone in Lambda: in one process each side is billed for the other’s heap and garbage (GC marking, V8’s background threads), ' +
        'which cost the pipeline about 30 % more CPU per pass ' +
        '(tenth session, 4 process pairs taken in turn, 5 warm-ups: 77,000–101,000 words/s sharing a process with the peer against 105,000–121,000 alone).',
    );
    out.push('');
    out.push(
      markdownTable(
        ['', 'words/s', 'articles/s', 'CPU ms per pass', 'wall ms per pass'],
        [
          [
            'Annotator pipeline',
            fmt(t.pipelineWordsPerSecond),
            fmt(t.pipelineArticlesPerSecond, 1),
            t.pipelineRunMs.map((x) => fmt(x)).join(', '),
            t.pipelineWallMs.map((x) => fmt(x)).join(', '),
          ],
          [
            'compromise (peer)',
            fmt(t.peerWordsPerSecond),
            fmt(t.peerArticlesPerSecond, 1),
            t.peerRunMs.map((x) => fmt(x)).join(', '),
            t.peerWallMs.map((x) => fmt(x)).join(', '),
          ],
          [
            'Annotator entities stage only (like for like)',
            fmt(t.entitiesWordsPerSecond),
            '',
            '',
            `${fmt(t.entitiesWordsPerSecond / t.peerWordsPerSecond, 2)}× the peer`,
          ],
          ['ratio (whole pipeline / peer)', `${fmt(t.ratio, 2)}×`, '', '', `wall-time ratio ${fmt(t.wallRatio, 2)}×`],
        ],
      ),
    );
    out.push('');
  }

  const s = r.stages;
  if (s) {
    out.push('## 2. Per stage (CPU ms per article, median / p95 over articles; each article the median of its passes)');
    out.push('');
    out.push(
      markdownTable(
        ['Stage', 'articles', 'median / p95 ms', 'mean ms', 'max ms'],
        [
          [
            'clean, text/Markdown/JSON',
            String(s.cleanText.n),
            ms(s.cleanText, 2),
            fmt(s.cleanText.mean, 2),
            fmt(s.cleanText.max, 1),
          ],
          ['clean, HTML', String(s.cleanHtml.n), ms(s.cleanHtml, 2), fmt(s.cleanHtml.mean, 2), fmt(s.cleanHtml.max, 1)],
          [
            'entities (tag + resolve)',
            String(s.entities.n),
            ms(s.entities, 2),
            fmt(s.entities.mean, 2),
            fmt(s.entities.max, 1),
          ],
          ['quotes', String(s.quotes.n), ms(s.quotes, 2), fmt(s.quotes.mean, 2), fmt(s.quotes.max, 1)],
        ],
      ),
    );
    out.push('');
  }

  if (r.coldStart) {
    out.push('## 3. Cold start (fresh `node` process per sample)');
    out.push('');
    if (skipped(r.coldStart)) {
      out.push(`Skipped: ${r.coldStart.skipped}`);
    } else {
      const c = r.coldStart;
      out.push(
        'Bundles built with the esbuild options of `infra/node-function.ts` (`BUNDLING`: ESM, node22, minified, source map shipped but not linked, AWS SDK bundled). ' +
          'Each sample: a new `node` process with the stack’s NODE_OPTIONS (`--enable-source-maps`: nothing to load, the map is not linked) imports the bundle (config, SDK clients, model load) and handles one event. ' +
          (c.mode === 'local-aws'
            ? 'Events are realistic and hit local S3 (s3rver) and DynamoDB Local with the local env vars of runtime.md; each sample uses a newly uploaded article (clean → annotate → api on the same article).'
            : 'DynamoDB Local was not available: clean hits local S3; annotate was not run; api answers `/health`.') +
          ' Total = node boot + import/init + first event, wall time from process start; process CPU = CPU time of all its threads until then (less sensitive to a busy machine). Times in ms, median / p95.',
      );
      out.push('');
      out.push(
        markdownTable(
          [
            'Bundle',
            'Event',
            'Bytes',
            'Total',
            'Node boot',
            'Import + init',
            'First event',
            'Process CPU ms',
            'Peak RSS MB',
          ],
          c.rows.map((row) => [
            row.name,
            row.event,
            fmtBytes(row.bytes),
            ms(row.total, 0),
            ms(row.boot, 0),
            ms(row.importInit, 0),
            ms(row.firstEvent, 0),
            ms(row.cpu, 0),
            fmt(row.maxRssMb.median, 0),
          ]),
        ),
      );
      out.push('');
      if (c.failures.length) out.push(`Problems seen: ${c.failures.join('; ')}`, '');
      for (const { name, profile } of c.importProfiles) {
        out.push(
          `Where the import time of the ${name} bundle goes (\`node --cpu-prof\` of a fresh process that only imports it; ${fmt(profile.sampledMs)} ms sampled, GC ${fmt(profile.gcPercent, 1)}%): ` +
            profile.hotSpots
              .slice(0, 8)
              .map((h) => `\`${h.functionName}\` ${h.location} ${fmt(h.selfPercent, 0)}%`)
              .join('; ') +
            `. By package/file: ${profile.byFile
              .slice(0, 8)
              .map((f) => `${f.file} ${fmt(f.selfPercent, 0)}%`)
              .join(', ')}.`,
        );
        out.push('');
      }
    }
  }
  if (r.bundles) {
    out.push(
      `Bundle sizes (source maps apart): ${r.bundles.map((b) => `${b.name} ${fmtBytes(b.bytes)} (+ map ${fmtBytes(b.mapBytes)})`).join(', ')}.`,
    );
    out.push('');
  }

  if (r.e2e) {
    out.push('## 4. Local end to end');
    out.push('');
    if (skipped(r.e2e)) {
      out.push(`Skipped: ${r.e2e.skipped}`);
    } else {
      const e = r.e2e;
      out.push(
        `The local stack (\`startLocalStack\`: s3rver, DynamoDB Local, in-process queues with batch 10, ${e.batchWindowMs} ms batching window and ` +
          `${e.queueConcurrency} concurrent batches per queue, the real handlers, the HTTP API), ${e.handlerIsolation === 'workers' ? 'each handler in worker threads (one per concurrent batch)' : 'all handlers in ONE Node process (worker threads are used from 4 cores up: on 2 cores their duplicated warm-up costs more than they gain, docs/local.md)'}. ` +
          `${e.articles} synthetic news-like articles (text/Markdown/HTML, every 10th a project sample) uploaded with ${e.uploadConcurrency} PUTs in flight ` +
          `(all uploaded after ${fmt(e.uploadMs)} ms). Latency = PutObject acknowledged → the article is listed by \`GET /articles\` (polled every 100 ms, 25 per page, paging on while a whole page is new).`,
      );
      out.push('');
      out.push(
        markdownTable(
          ['Articles', 'Total ms', 'articles/s', 'latency p50 ms', 'p95 ms', 'max ms', 'statuses', 'late / missing'],
          [
            [
              String(e.articles),
              fmt(e.totalMs),
              fmt(e.articlesPerSecond, 1),
              fmt(e.latencyMs.median),
              fmt(e.latencyMs.p95),
              fmt(e.latencyMs.max),
              Object.entries(e.statuses)
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
              `${e.lateDetections} / ${e.missing}`,
            ],
          ],
        ),
      );
      out.push('');
      out.push(
        `Without backlog (${e.singleLatencyMs.n} articles uploaded one at a time after the burst, each polled every 20 ms via \`GET /articles/{id}/status\`): ` +
          `upload → queryable median ${fmt(e.singleLatencyMs.median)} ms, p95 ${fmt(e.singleLatencyMs.p95)} ms, max ${fmt(e.singleLatencyMs.max)} ms ` +
          '(this includes the two 100 ms batching windows of the local queues).',
      );
      out.push('');
      const total = e.nodeCpuMsPerArticle + (Number.isFinite(e.dynamoCpuMsPerArticle) ? e.dynamoCpuMsPerArticle : 0);
      const main = Number.isFinite(e.mainThreadCpuMsPerArticle) ? e.mainThreadCpuMsPerArticle : undefined;
      out.push(
        `CPU per article during the run: ${fmt(e.nodeCpuMsPerArticle, 1)} ms in the Node process (handlers, s3rver, queues, API, the uploading client and the poller) + ` +
          `${fmt(e.dynamoCpuMsPerArticle, 1)} ms in DynamoDB Local (Java)` +
          (main !== undefined
            ? `; of the Node CPU, ${fmt(main, 1)} ms on its main thread (the rest is libuv's file and zlib threads and the garbage collector)`
            : '') +
          `. With ${r.machine.cores} cores to itself the local stack could do at most about ` +
          `${fmt(Math.min(1000 / (main ?? e.nodeCpuMsPerArticle), (r.machine.cores * 1000) / total), 0)} articles/s${e.handlerIsolation === 'workers' ? '' : ' (the handlers share one thread)'}. ` +
          'Uploads outpace processing, so a queue builds up and the latency grows with the position in the queue: the p95 latency mostly measures the backlog of a burst of N, not the latency of one article.',
      );
      out.push('');
      out.push(
        `Where the Node process's CPU went (in-process sampling profiler during the run; self time, with natives and node internals counted for the project or npm code that called them): ${e.cpuByGroup
          .filter((g) => g.percent >= 0.5)
          .slice(0, 12)
          .map((g) => `${g.group} ${fmt(g.percent, 1)}%`)
          .join(', ')}.`,
      );
      out.push('');
    }
  }

  if (r.coldStart && !skipped(r.coldStart)) {
    const c = r.coldStart;
    out.push('## 5. Memory (fresh process, largest article)');
    out.push('');
    out.push(
      markdownTable(
        ['Process', 'Article', 'Characters', 'Peak RSS after import MB', 'Peak RSS MB'],
        c.memory.map((x) => [x.what, x.article, fmt(x.chars), fmt(x.rssAfterImportMb, 0), fmt(x.peakRssMb, 0)]),
      ),
    );
    out.push('');
  }

  const requestsLine = (q: RequestCount) =>
    `Requests per article, counted by running the real \`cleanObject\`/\`annotateObject\` with the real S3 and DynamoDB adapters over counting fakes (${q.articles} articles of the corpus, new keys): ` +
    Object.entries(q.calls)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ') +
    `; DynamoDB ${fmt(q.perArticle.dynamoWriteUnits, 1)} write units (1 KB each, GSI copies included) and ${fmt(q.perArticle.dynamoReadUnits, 1)} read units per article; ` +
    `write units by item kind: ${Object.entries(q.writeUnitsByKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${fmt(v, 1)}`)
      .join(', ')}; ` +
    `SQS ${fmt(q.perArticle.sqs, 1)} requests (S3's SendMessage to each of the 2 queues + the poller's ReceiveMessage and DeleteMessageBatch per batch of 10).`;

  // `--only requests`: the request counts on their own (the cost model needs the stage timings too)
  if (r.requests && !r.cost) {
    out.push('## Requests per article');
    out.push('');
    out.push(requestsLine(r.requests));
    out.push('');
  }

  if (r.cost && r.requests) {
    const c = r.cost;
    const q = r.requests;
    out.push('## 6. Cost model (per 1,000 articles)');
    out.push('');
    out.push(
      `Prices: ${PRICES.source}. Lambda arm64 $${PRICES.lambdaArmPerGbSecond} per GB-s, $0.20 per million requests; ` +
        `S3 PUT $0.005 / 1,000, GET/HEAD $0.0004 / 1,000; SQS $0.40 per million; DynamoDB on-demand $0.625 per million write units, $0.125 per million read units; ` +
        'Comprehend DetectEntities $0.0001 per 100 characters, 3 units minimum.',
    );
    out.push('');
    out.push(requestsLine(q));
    out.push('');
    const fnRows = Object.entries(c.lambdaComputeByFunction).map(([name, v]) => [
      name,
      `${c.memory[name]} MB`,
      fmt(c.cpuMs[name], 2),
      `×${fmt(cpuShareFactor(c.memory[name] ?? 1024), 2)}`,
      fmt(c.ioMs[name], 0),
      fmt(v.billedMs, 1),
      fmtUsd(v.cost),
    ]);
    out.push(
      markdownTable(
        [
          'Function',
          'Memory',
          'CPU ms/article (one core, measured)',
          'CPU share',
          'I/O wait ms (estimated)',
          'Billed ms/article',
          'Cost / 1,000',
        ],
        fnRows,
      ),
    );
    out.push('');
    out.push(
      `CPU share: below 1,769 MB Lambda gives a proportional share of one vCPU, so CPU time is scaled by 1769/memory. ` +
        `I/O wait: ${ASSUMED_CALL_MS.s3} ms per S3 call and ${ASSUMED_CALL_MS.dynamo} ms per DynamoDB call, sequential (an upper bound: the batch handler overlaps records). ` +
        'The api function is billed per query, not per article, and is left out.',
    );
    out.push('');
    out.push(
      markdownTable(
        ['Item', 'Per 1,000 articles'],
        [
          ['Lambda compute (clean + annotate)', fmtUsd(c.lambdaCompute)],
          ['Lambda requests (batches of 10)', fmtUsd(c.lambdaRequests)],
          ['S3 requests', fmtUsd(c.s3)],
          ['SQS requests', fmtUsd(c.sqs)],
          ['DynamoDB writes/reads', fmtUsd(c.dynamo)],
          ['**Total pipeline**', `**${fmtUsd(c.total)}**`],
          ['Amazon Comprehend DetectEntities on the same texts (entities only)', fmtUsd(c.comprehend)],
          ['Comprehend / pipeline', `${fmt(c.comprehend / c.total, 0)}×`],
        ],
      ),
    );
    out.push('');
    out.push(
      "Not included: storage (S3, DynamoDB), CloudWatch Logs ingestion, API Gateway and api Lambda per query, the user's own upload PUT.",
    );
    out.push('');
  }

  if (r.profile) {
    out.push('## Profile of the annotate path (`node --cpu-prof`)');
    out.push('');
    if (skipped(r.profile)) {
      out.push(`Skipped: ${r.profile.skipped}`);
    } else {
      const p = r.profile;
      out.push(
        `\`annotate(raw)\` over the corpus, pipeline bundled unminified with a source map, sampled every 0.2 ms; ${fmt(p.sampledMs)} ms sampled, ` +
          `garbage collection ${fmt(p.gcPercent, 1)}%. Self = time in the function itself; total = with its callees. Locations are TypeScript sources (1-based lines).`,
      );
      out.push('');
      out.push(
        markdownTable(
          ['#', 'Function', 'Location', 'Self %', 'Total %'],
          p.hotSpots.map((h, i) => [
            String(i + 1),
            `\`${h.functionName}\``,
            `\`${h.location}\``,
            fmt(h.selfPercent, 1),
            fmt(h.totalPercent, 1),
          ]),
        ),
      );
      out.push('');
      out.push(
        `Self time by file (natives such as RegExp counted for their caller): ${p.byFile
          .slice(0, 14)
          .map((f) => `\`${f.file}\` ${fmt(f.selfPercent, 1)}%`)
          .join(', ')}.`,
      );
      out.push('');
    }
  }

  if (r.notes.length) {
    out.push('## Notes');
    out.push('');
    for (const note of r.notes) out.push(`- ${note}`);
    out.push('');
  }
  if (r.appendix) {
    out.push(r.appendix.trim());
    out.push('');
  }
  return out.join('\n');
}
