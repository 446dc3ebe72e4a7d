/**
 * The annotate path under `node --cpu-prof` (bundled by bench/profile.ts, not minified, with a source map):
 * `annotate(raw)` over the corpus given as a JSON file, `passes` times.
 * usage: node --cpu-prof profile-entry.mjs CORPUS_JSON PASSES
 */
import { readFileSync } from 'node:fs';
import { annotate } from '../../shared/pipeline/annotate.ts';

const [corpusFile = '', passes = '5'] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as { key: string; text: string }[];
let quotes = 0;
for (let pass = 0; pass < Number(passes); pass++) {
  for (const { key, text } of corpus) quotes += annotate(text, { key }).quotes.length;
}
process.stdout.write(JSON.stringify({ quotes }));
