import { createHash } from 'node:crypto';

/** The article id: stable per S3 key (re-uploading the same key replaces the same article). */
export function articleIdForKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 24);
}

export function isArticleId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}

/** Case-, accent- and punctuation-insensitive form of a name, for index keys (`toure` finds `Touré`). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
