/**
 * The bench corpus, read at bench time only: the project's `samples/` plus, when the team material is present,
 * the texts of `../shared/eval/quotes/polnear-dev.jsonl` and the ScrapingHub pages of
 * `../shared/eval/cleaning/html/*.html.gz`. Nothing from ../shared is written anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const SHARED_EVAL = join(REPO_ROOT, '..', 'shared', 'eval');
const POLNEAR = join(SHARED_EVAL, 'quotes', 'polnear-dev.jsonl');
const HTML_DIR = join(SHARED_EVAL, 'cleaning', 'html');

export type CorpusSource = 'samples' | 'polnear' | 'scrapinghub';

export interface CorpusItem {
  id: string;
  source: CorpusSource;
  /** Key/file name given to `clean` (its extension is a hint). */
  key: string;
  raw: Uint8Array;
}

const MIME_BY_EXT: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

export function contentTypeFor(key: string): string {
  const ext = key.slice(key.lastIndexOf('.')).toLowerCase();
  return MIME_BY_EXT[ext] ?? 'application/octet-stream';
}

export function loadSamples(): CorpusItem[] {
  if (!existsSync(SAMPLES_DIR)) return [];
  return readdirSync(SAMPLES_DIR)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort()
    .map((name) => ({
      id: name,
      source: 'samples' as const,
      key: name,
      raw: new Uint8Array(readFileSync(join(SAMPLES_DIR, name))),
    }));
}

/** PolNeAR dev texts (as plain text articles), or [] when ../shared is absent. */
export function loadPolnear(limit = Number.POSITIVE_INFINITY): CorpusItem[] {
  if (!existsSync(POLNEAR)) return [];
  const items: CorpusItem[] = [];
  const encoder = new TextEncoder();
  for (const line of readFileSync(POLNEAR, 'utf8').split('\n')) {
    if (!line.trim() || items.length >= limit) continue;
    const row = JSON.parse(line) as { id: string; text: string };
    items.push({ id: row.id, source: 'polnear', key: `${row.id}.txt`, raw: encoder.encode(row.text) });
  }
  return items;
}

/** ScrapingHub benchmark pages (decompressed HTML), or [] when ../shared is absent. */
export function loadHtmlPages(limit = Number.POSITIVE_INFINITY): CorpusItem[] {
  if (!existsSync(HTML_DIR)) return [];
  return readdirSync(HTML_DIR)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .slice(0, limit)
    .map((name) => ({
      id: name.replace(/\.html\.gz$/, ''),
      source: 'scrapinghub' as const,
      key: name.replace(/\.gz$/, ''),
      raw: new Uint8Array(gunzipSync(readFileSync(join(HTML_DIR, name)))),
    }));
}

export const isHtmlKey = (key: string): boolean => /\.html?$/i.test(key);
