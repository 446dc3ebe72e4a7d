/**
 * JSON articles: `{title?, body|text|content|html|articleBody, url?, author?|authors?|byline?, published?|date?}`.
 * The body is cleaned as HTML when it contains markup, else as text (Markdown when it looks like Markdown);
 * the JSON fields win over whatever the body's own cleaning found.
 */
import { UnsupportedFormatError } from '../errors.ts';
import { type ArticleMeta, collapse, parseAuthors, parseDate, wordCount } from './clean-common.ts';
import { cleanHtml } from './clean-html.ts';
import { cleanText, type TextResult } from './clean-text.ts';
import { sniffFormat } from './sniff.ts';

const BODY_FIELDS = ['body', 'text', 'content', 'html', 'articleBody', 'article', 'story'];

function field(o: Record<string, unknown>, names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}

function asString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('\n\n');
  return null;
}

function authorNames(v: unknown): string[] {
  if (typeof v === 'string') return parseAuthors(v);
  if (Array.isArray(v)) return v.flatMap(authorNames);
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
    return [collapse((v as { name: string }).name)];
  }
  return [];
}

export function cleanJson(input: string): TextResult & { format: 'json' } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch (err) {
    throw new UnsupportedFormatError(
      `The JSON file cannot be parsed (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UnsupportedFormatError('A JSON article must be an object with a body, text, content or html field.');
  }
  const o = parsed as Record<string, unknown>;
  const body = asString(field(o, BODY_FIELDS));
  if (body === null) {
    throw new UnsupportedFormatError(
      `The JSON object has no article body: expected one of the fields ${BODY_FIELDS.join(', ')} holding a string.`,
    );
  }
  const kind = sniffFormat(body);
  const inner = kind === 'html' ? cleanHtml(body) : cleanText(body, kind === 'markdown');
  const meta: ArticleMeta = inner.meta;
  const title = asString(field(o, ['title', 'headline', 'name']));
  if (title && wordCount(title) > 0) meta.title = collapse(title);
  const authors = authorNames(field(o, ['authors', 'author', 'byline', 'creator']));
  if (authors.length > 0) {
    meta.authors = authors;
    const byline = asString(o.byline);
    meta.byline = byline ? collapse(byline) : `By ${authors.join(', ')}`;
  }
  const published = asString(
    field(o, ['published', 'publishedAt', 'published_at', 'datePublished', 'date', 'pubDate']),
  );
  if (published) meta.publishedAt = parseDate(published) ?? meta.publishedAt;
  const url = asString(field(o, ['url', 'canonical', 'link']));
  if (url && /^https?:\/\/\S+$/i.test(url)) meta.url = url;
  const lang = asString(field(o, ['language', 'lang', 'inLanguage']));
  if (lang && /^[a-z]{2}(?:[-_]|$)/i.test(lang)) meta.language = lang.slice(0, 2).toLowerCase();
  return { ...inner, meta, format: 'json' };
}
