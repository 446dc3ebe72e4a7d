/**
 * npx tsx scripts/dump-annotations.ts OUT.jsonl
 * Writes every output of `annotate()` (cleaned article, entities, quotes, word count, versions) for the bench corpus
 * (samples/, the PolNeAR dev texts) and the 181 ScrapingHub pages, one JSON line per input, in a fixed order. A
 * change meant to keep outputs identical (a speed-up) is checked by dumping before and after and comparing the files
 * (`cmp`). The team material is read from ../shared/eval when present; nothing from it is written elsewhere.
 */
import { writeFileSync } from 'node:fs';
import { contentTypeFor, loadHtmlPages, loadPolnear, loadSamples } from '../bench/corpus.ts';
import { annotate } from '../shared/pipeline/annotate.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/dump-annotations.ts OUT.jsonl');
  process.exit(2);
}
const lines: string[] = [];
for (const item of [...loadSamples(), ...loadPolnear(), ...loadHtmlPages()]) {
  try {
    const result = annotate(item.raw, { key: item.key, contentType: contentTypeFor(item.key) });
    lines.push(JSON.stringify({ id: `${item.source}/${item.id}`, result }));
  } catch (error) {
    lines.push(JSON.stringify({ id: `${item.source}/${item.id}`, error: String(error) }));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} inputs → ${out}`);
