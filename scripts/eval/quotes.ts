/**
 * Quote + speaker evaluation.
 *
 *   npm run eval:quotes -- [--gold FILE.jsonl] [--out PRED.jsonl] [--with-indirect] [--no-entities] [--json]
 *
 * For each gold article ({id, text, quotes}) runs extractEntities(text) then extractQuotes(text, entities) on the
 * raw `text` (no cleaning: offsets index `text`), writes one `{id, quotes:[{text,start,end,speaker,type}]}` line per
 * article, then prints the scores of `../shared/eval/quotes/score_quotes.py GOLD PRED` when the scorer exists.
 * Default gold: ../shared/eval/quotes/polnear-dev.jsonl. Indirect (unmarked) quotes are left out of the predictions
 * unless --with-indirect is given (the scorer scores direct + partial quotes by default). --no-entities runs the quote
 * stage without the entity stage (to measure what the entities add).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities } from '../../shared/pipeline/entities/index.ts';
import { extractQuotes } from '../../shared/pipeline/quotes/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const gold = resolve(arg('--gold') ?? join(root, '../shared/eval/quotes/polnear-dev.jsonl'));
const out = resolve(arg('--out') ?? join(root, '.local/eval/quotes-pred.jsonl'));
const withIndirect = process.argv.includes('--with-indirect');
const noEntities = process.argv.includes('--no-entities');
const scorer = join(root, '../shared/eval/quotes/score_quotes.py');

if (!existsSync(gold)) {
  console.log(`gold file not found: ${gold} (nothing to evaluate)`);
  process.exit(0);
}

const lines: string[] = [];
let articles = 0;
let quotes = 0;
const t0 = performance.now();
for (const line of readFileSync(gold, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const art = JSON.parse(line) as { id: string; text: string };
  const entities = noEntities ? [] : extractEntities(art.text);
  const found = extractQuotes(art.text, entities).filter((q) => withIndirect || q.type !== 'indirect');
  quotes += found.length;
  articles++;
  lines.push(
    JSON.stringify({
      id: art.id,
      quotes: found.map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker, type: q.type })),
    }),
  );
}
const ms = performance.now() - t0;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${articles} articles, ${quotes} predicted quotes, ${ms.toFixed(0)} ms → ${out}`);

if (existsSync(scorer)) {
  const extra = process.argv.includes('--json') ? ['--json'] : [];
  const r = spawnSync('python3', [scorer, gold, out, ...extra], { encoding: 'utf8' });
  if (r.error) console.log(`could not run the scorer: ${r.error.message}`);
  else process.stdout.write(r.stdout + r.stderr);
} else {
  console.log(`scorer not found (${scorer}): predictions written only`);
}
