import { EmptyArticleError } from '../errors.ts';
import type { CleanArticle, CleanOptions } from './types.ts';

/** PLACEHOLDER (replaced by the cleaning work): plain text only, paragraphs on blank lines. */
export function clean(raw: Uint8Array | string, _options: CleanOptions = {}): CleanArticle {
  const input = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  const paras = input
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (paras.length === 0) throw new EmptyArticleError();
  const text = paras.join('\n\n');
  let pos = 0;
  const paragraphs = paras.map((p) => {
    const start = text.indexOf(p, pos);
    pos = start + p.length;
    return { start, end: pos, kind: 'body' as const };
  });
  return {
    text,
    paragraphs,
    title: null,
    byline: null,
    authors: [],
    dateline: null,
    publishedAt: null,
    url: null,
    language: null,
    format: 'text',
    boilerplate: [],
    warnings: [],
  };
}
