/**
 * Evaluate the entity tagger on a gold JSONL file (`{id, text, entities:[{start,end,type}]}` per line).
 *
 *   npm run eval:ner -- [--gold FILE.jsonl] [--out PRED.jsonl] [--model MODEL.ts]
 *
 * `--model` evaluates another generated model module (e.g. `npm run train:ner -- --out /tmp/dev-model.ts`, trained
 * without dev) instead of the shipped one.
 * Default gold: ../shared/eval/entities/conll2003-dev.jsonl. Writes `{id, entities:[{start,end,type}]}` lines, prints
 * the scorer's output (../shared/eval/entities/score_entities.py, when present) and the tagging speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MODEL_VERSION, tagMentions } from '../../shared/pipeline/entities/index.ts';
import { loadModelBase64 } from '../../shared/pipeline/entities/model-format.ts';
import { tagWithModel } from '../../shared/pipeline/entities/tagger.ts';
import type { Mention } from '../../shared/pipeline/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scorer = resolve(root, '../shared/eval/entities/score_entities.py');

async function main(argv: string[]): Promise<number> {
  let gold = resolve(root, '../shared/eval/entities/conll2003-dev.jsonl');
  let out: string | null = null;
  let goldGiven = false;
  let tag: (text: string) => Mention[] = tagMentions;
  let version = MODEL_VERSION;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--gold') {
      gold = resolve(argv[++i] ?? '');
      goldGiven = true;
    } else if (argv[i] === '--out') out = resolve(argv[++i] ?? '');
    else if (argv[i] === '--model') {
      const mod = (await import(pathToFileURL(resolve(argv[++i] ?? '')).href)) as { MODEL_BASE64: string };
      const model = loadModelBase64(mod.MODEL_BASE64);
      tag = (text) => tagWithModel(model, text);
      version = model.header.version;
    } else {
      console.error(`unknown argument ${argv[i]}`);
      return 2;
    }
  }
  if (!existsSync(gold)) {
    console.error(`gold file not found: ${gold} (the team's ../shared/ evaluation data is absent?)`);
    return goldGiven ? 1 : 0;
  }
  const docs = readFileSync(gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  let words = 0;
  for (const d of docs) words += d.text.split(/\s+/).filter(Boolean).length;
  const lines: string[] = [];
  // pass 1 writes the predictions (cold: includes JIT warm-up); pass 2 measures the steady state. CPU time is
  // reported next to wall time because the shared machine may be busy.
  const measure = (keep: boolean): { wall: number; cpu: number } => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const d of docs) {
      const entities = tag(d.text).map((m) => ({ start: m.start, end: m.end, type: m.type }));
      if (keep) lines.push(JSON.stringify({ id: d.id, entities }));
    }
    const c = process.cpuUsage(c0);
    return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
  const cold = measure(true);
  const warm = measure(false);
  const rate = (ms: number) => Math.round(words / (ms / 1000));
  const predFile = out ?? join(mkdtempSync(join(tmpdir(), 'ner-eval-')), 'pred.jsonl');
  writeFileSync(predFile, `${lines.join('\n')}\n`);
  console.log(`model ${version}: ${docs.length} docs, ${words} words`);
  console.log(
    `speed (tokenizer + tagger, one thread): first pass ${rate(cold.wall)} words/s wall, ${rate(cold.cpu)} words/CPU-s; ` +
      `warm ${rate(warm.wall)} words/s wall, ${rate(warm.cpu)} words/CPU-s`,
  );
  console.log(`predictions: ${predFile}`);
  if (existsSync(scorer)) {
    const r = spawnSync('python3', [scorer, gold, predFile], { encoding: 'utf8' });
    if (r.error) console.error(`scorer failed: ${r.error.message}`);
    else process.stdout.write(r.stdout + r.stderr);
  } else {
    console.log(`scorer not found (${scorer}): no scores`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
