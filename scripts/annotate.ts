/**
 * npm run annotate -- [--jsonl] [--stage clean|all] FILE...
 * Runs the pure pipeline on local files (no servers) and prints, per file, {file, article, quotes, entities}.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InputRejectedError } from '../shared/errors.ts';
import { annotateArticle, clean } from '../shared/pipeline/annotate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jsonl: { type: 'boolean', default: false },
    stage: { type: 'string', default: 'all' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || positionals.length === 0) {
  console.error('usage: npm run annotate -- [--jsonl] [--stage clean|all] FILE...');
  process.exit(values.help ? 0 : 2);
}
if (values.stage !== 'all' && values.stage !== 'clean') {
  console.error(`--stage must be "clean" or "all", not ${JSON.stringify(values.stage)}`);
  process.exit(2);
}

let failures = 0;
for (const file of positionals) {
  let result: unknown;
  try {
    const bytes = new Uint8Array(await readFile(file));
    const article = clean(bytes, { key: file });
    if (values.stage === 'clean') {
      result = { file, article };
    } else {
      const { quotes, entities, warnings, wordCount, pipelineVersion, modelVersion } = annotateArticle(article);
      result = { file, article, wordCount, pipelineVersion, modelVersion, warnings, quotes, entities };
    }
  } catch (error) {
    failures++;
    if (error instanceof InputRejectedError) {
      result = { file, error: { code: error.code, message: error.message } };
    } else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      result = { file, error: { code: error.code, message: error.message } };
    } else {
      throw error;
    }
  }
  process.stdout.write(`${values.jsonl ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
}
process.exitCode = failures > 0 ? 1 : 0;
