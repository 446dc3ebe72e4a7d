/**
 * Evaluate the entity tagger on a gold JSONL file (`{id, text, entities:[{start,end,type}]}` per line).
 *
 *   npm run eval:ner -- [--gold FILE.jsonl] [--out PRED.jsonl]
 *
 * Default gold: ../shared/eval/entities/conll2003-dev.jsonl. Writes `{id, entities:[{start,end,type}]}` lines, prints
 * the scorer's output (../shared/eval/entities/score_entities.py, when present) and the tagging speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_VERSION, tagMentions } from '../../shared/pipeline/entities/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scorer = resolve(root, '../shared/eval/entities/score_entities.py');

function main(argv: string[]): number {
  let gold = resolve(root, '../shared/eval/entities/conll2003-dev.jsonl');
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--gold') gold = resolve(argv[++i] ?? '');
    else if (argv[i] === '--out') out = resolve(argv[++i] ?? '');
    else {
      console.error(`unknown argument ${argv[i]}`);
      return 2;
    }
  }
  if (!existsSync(gold)) {
    console.error(`gold file not found: ${gold} (the team's ../shared/ evaluation data is absent?)`);
    return 1;
  }
  const docs = readFileSync(gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  let words = 0;
  for (const d of docs) words += d.text.split(/\s+/).filter(Boolean).length;
  const lines: string[] = [];
  const t0 = performance.now();
  for (const d of docs) {
    const entities = tagMentions(d.text).map((m) => ({ start: m.start, end: m.end, type: m.type }));
    lines.push(JSON.stringify({ id: d.id, entities }));
  }
  const ms = performance.now() - t0;
  const predFile = out ?? join(mkdtempSync(join(tmpdir(), 'ner-eval-')), 'pred.jsonl');
  writeFileSync(predFile, `${lines.join('\n')}\n`);
  console.log(`model ${MODEL_VERSION}: ${docs.length} docs, ${words} words in ${ms.toFixed(0)} ms`);
  console.log(`speed: ${Math.round(words / (ms / 1000))} words/s (single thread, tokenizer + tagger)`);
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

process.exitCode = main(process.argv.slice(2));
