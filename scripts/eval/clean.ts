/**
 * Cleaning evaluation on a dataset in the ScrapingHub article-extraction-benchmark format:
 *   npm run eval:clean -- [--data DIR] [--out PRED.json] [--limit N]
 * DIR holds `html/<id>.html.gz` and `ground-truth.json` (default ../shared/eval/cleaning). Runs the project's
 * cleaner on every page, writes `{id: {articleBody}}`, then scores with `score_cleaning.py` when present and
 * prints F1 / precision / recall plus the median and p90 milliseconds per page (decode + clean), as wall time and
 * as CPU time. `--baseline` also times plain linkedom + Readability on the same pages, interleaved, so the speed can
 * be compared with the reference extractor under the same machine load. `--as-text` first turns every page into
 * whole-page plain text (one line per block, as a copy from a browser gives) and measures the plain-text cleaner.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { clean } from '../../shared/pipeline/clean.ts';
import { blocksOf, stripNonContent } from '../../shared/pipeline/clean-html.ts';
import { decode } from '../../shared/pipeline/decode.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = resolve(arg('--data') ?? '../shared/eval/cleaning');
const outFile = resolve(arg('--out') ?? '.local/eval/clean-pred.json');
const limit = Number(arg('--limit') ?? Number.POSITIVE_INFINITY);
const baseline = process.argv.includes('--baseline');
const asText = process.argv.includes('--as-text');

/** Whole-page text of an HTML page: every block on its own line, blank lines between. */
function pageText(bytes: Uint8Array): string {
  const { document } = parseHTML(stripNonContent(decode(bytes).text));
  const body = (document.body ?? document.documentElement) as unknown as Parameters<typeof blocksOf>[0];
  return blocksOf(body)
    .map((b) => b.text)
    .join('\n\n');
}
const baseCpu: number[] = [];
const htmlDir = join(dataDir, 'html');

if (!existsSync(htmlDir)) {
  console.error(
    `No dataset at ${dataDir} (expected ${htmlDir}/<id>.html.gz and ground-truth.json).\n` +
      'The team evaluation data lives in ../shared/eval/cleaning; pass another with --data DIR.',
  );
  // Without the team data there is nothing to measure: not an error unless the user named a directory.
  process.exit(arg('--data') ? 1 : 0);
}

const files = readdirSync(htmlDir)
  .filter((f) => /\.html?(\.gz)?$/.test(f))
  .sort()
  .slice(0, limit);
const pred: Record<string, { articleBody: string }> = {};
const times: number[] = [];
// CPU time per page as well as wall time: on a shared machine wall time mostly measures the neighbours.
const cpuTimes: number[] = [];
let rejected = 0;
// Warm-up so JIT compilation does not count against the first pages.
if (files[0]) {
  const warm = readFileSync(join(htmlDir, files[0]));
  for (let i = 0; i < 3; i++) {
    try {
      clean(warm, { key: files[0] });
    } catch {}
  }
}
for (const f of files) {
  const id = f.replace(/\.html?(\.gz)?$/, '');
  const bytes: Uint8Array = asText
    ? new TextEncoder().encode(pageText(readFileSync(join(htmlDir, f))))
    : readFileSync(join(htmlDir, f));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let body = '';
  try {
    body = asText ? clean(bytes, { key: `${id}.txt` }).text : clean(bytes, { key: f, contentType: 'text/html' }).text;
  } catch (err) {
    rejected++;
    console.error(`${id}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
  if (baseline) {
    const b0 = process.cpuUsage();
    const html = new TextDecoder().decode(bytes[0] === 0x1f ? gunzipSync(bytes) : bytes);
    new Readability(parseHTML(html).document as unknown as Document).parse();
    const b = process.cpuUsage(b0);
    baseCpu.push((b.user + b.system) / 1000);
  }
  pred[id] = { articleBody: body };
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(pred));
const quantiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
  return `median ${q(0.5)}, p90 ${q(0.9)}, max ${q(1)}`;
};
console.log(`pages: ${files.length}, rejected: ${rejected}, predictions: ${outFile}`);
console.log(`wall ms/page: ${quantiles(times)}`);
console.log(
  `CPU ms/page:  ${quantiles(cpuTimes)} (load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
);
if (baseline) console.log(`baseline linkedom + Readability CPU ms/page: ${quantiles(baseCpu)}`);

const gt = join(dataDir, 'ground-truth.json');
const scorer = resolve('../shared/eval/cleaning/score_cleaning.py');
if (!existsSync(gt)) console.log(`No ${gt}: predictions written, not scored.`);
else if (!existsSync(scorer)) console.log(`No scorer at ${scorer}: predictions written, not scored.`);
else if (files.length < readdirSync(htmlDir).length) console.log('Partial run (--limit): not scored.');
else {
  try {
    console.log(execFileSync('python3', [scorer, gt, outFile], { encoding: 'utf8' }));
  } catch (err) {
    console.error(`Scoring failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
