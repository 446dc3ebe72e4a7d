/**
 * HTML → article: @mozilla/readability on a linkedom DOM picks the main content; block elements become
 * paragraphs; in-body boilerplate (share bars, related links, "Read more", newsletter boxes, captions, credits)
 * is removed with reasons; JSON-LD `articleBody` replaces an extraction that found less than half of it; a text
 * classifier over the page's blocks is the fallback when Readability finds nothing (or cannot run).
 * Metadata: title, byline/authors, publishedAt, canonical URL, language.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import {
  type ArticleMeta,
  type Block,
  collapse,
  emptyMeta,
  isAboutAuthorHeading,
  looksLikeBio,
  parseAuthors,
  parseDate,
  phraseReason,
  wordCount,
} from './clean-common.ts';
import { selectMainContent } from './clean-text.ts';
import type { RemovedBlock } from './types.ts';

// Minimal structural view of the linkedom nodes we touch (linkedom's own types are loose).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface HtmlBlock extends Block {
  tag: string;
  /** Boilerplate reason suggested by an ancestor's class or id (`caption`, `share-bar`...), if any. */
  classReason: string | null;
  linkChars: number;
  inCaption: boolean;
  inList: boolean;
}

export interface HtmlResult {
  blocks: Block[];
  meta: ArticleMeta;
  boilerplate: RemovedBlock[];
  warnings: string[];
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'HEAD',
]);
const HEADING = /^H[1-6]$/;

const CLASS_REASONS: Record<string, string> = {
  caption: 'caption',
  captions: 'caption',
  figcaption: 'caption',
  credit: 'photo-credit',
  credits: 'photo-credit',
  byline: 'byline',
  author: 'byline',
  authors: 'byline',
  contributor: 'byline',
  share: 'share-bar',
  sharing: 'share-bar',
  sharebar: 'share-bar',
  social: 'share-bar',
  addthis: 'share-bar',
  sharethis: 'share-bar',
  related: 'related',
  recommended: 'related',
  recirc: 'related',
  recirculation: 'related',
  outbrain: 'related',
  taboola: 'related',
  newsletter: 'newsletter',
  subscribe: 'newsletter',
  subscription: 'newsletter',
  signup: 'newsletter',
  optin: 'newsletter',
  promo: 'advertisement',
  advert: 'advertisement',
  advertisement: 'advertisement',
  ad: 'advertisement',
  ads: 'advertisement',
  adslot: 'advertisement',
  sponsor: 'advertisement',
  sponsored: 'advertisement',
  tags: 'tags',
  tag: 'tags',
  breadcrumb: 'navigation',
  kicker: 'navigation',
  eyebrow: 'navigation',
  breadcrumbs: 'navigation',
  timestamp: 'date',
  dateline: 'date',
  pubdate: 'date',
  date: 'date',
  comments: 'comments',
  comment: 'comments',
  disqus: 'comments',
  bio: 'author-bio',
};
/** Reasons that, from a class name alone, only apply to short blocks (a class "author" may wrap more). */
const SHORT_ONLY = new Set(['byline', 'date', 'tags']);

function classReasonOf(el: DomNode): string | null {
  const e = el as DomElement;
  const attrs = `${e.getAttribute?.('class') ?? ''} ${e.getAttribute?.('id') ?? ''}`;
  if (attrs.length < 2) return null;
  const tokens = attrs
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  for (const t of tokens) {
    const r = CLASS_REASONS[t];
    if (r) return r;
  }
  return null;
}

/** Walks an element into text blocks, one per block-level box; iterative (deeply nested input cannot overflow). */
export function blocksOf(root: DomNode): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let buf = '';
  let linkChars = 0;
  const blockTags: string[] = [];
  const classReasons: Array<string | null> = [];
  let captionDepth = 0;
  let listDepth = 0;
  let linkDepth = 0;
  const innermostReason = (): string | null => {
    for (let i = classReasons.length - 1; i >= 0; i--) if (classReasons[i]) return classReasons[i]!;
    return null;
  };
  const flush = () => {
    const text = collapse(buf);
    if (text) {
      const tag = blockTags[blockTags.length - 1] ?? 'DIV';
      out.push({
        text,
        kind: HEADING.test(tag) ? 'heading' : 'body',
        tag,
        linkChars: Math.min(linkChars, text.length),
        inCaption: captionDepth > 0,
        inList: listDepth > 0,
        classReason: innermostReason(),
      });
    }
    buf = '';
    linkChars = 0;
  };
  // Stack entries: a node to enter, or a marker (negative) to leave an element.
  const stack: Array<DomNode | { leave: DomNode }> = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('leave' in item) {
      const name = item.leave.nodeName.toUpperCase();
      if (BLOCK_TAGS.has(name)) {
        flush();
        blockTags.pop();
      }
      if (name === 'A') linkDepth--;
      if (name === 'FIGCAPTION' || name === 'CAPTION') captionDepth--;
      if (name === 'LI' || name === 'DD' || name === 'DT') listDepth--;
      if (item.leave !== root) classReasons.pop();
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += t;
      if (linkDepth > 0) linkChars += collapse(t).length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(name)) continue;
    if (name === 'BR' || name === 'HR') {
      flush();
      continue;
    }
    if (name === 'IMG') continue;
    // Table cells are inline: one paragraph per row, cells separated by a space.
    if (name === 'TD' || name === 'TH') buf += ' ';
    if (BLOCK_TAGS.has(name)) {
      flush();
      blockTags.push(name);
    }
    if (node !== root) classReasons.push(classReasonOf(node));
    if (name === 'A') linkDepth++;
    if (name === 'FIGCAPTION' || name === 'CAPTION') captionDepth++;
    if (name === 'LI' || name === 'DD' || name === 'DT') listDepth++;
    stack.push({ leave: node });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function asObjects(v: Json | undefined): Array<{ [k: string]: Json }> {
  if (Array.isArray(v)) return v.flatMap(asObjects);
  if (v && typeof v === 'object') {
    const graph = v['@graph'];
    return [v, ...(graph ? asObjects(graph) : [])];
  }
  return [];
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str(v.name ?? v['@value'] ?? v.url ?? v['@id']);
  return null;
}

function names(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  // "Jane Doe | Example Media" → "Jane Doe"
  if (typeof v === 'string') return [v.split(/\s+[|–—]\s+|\s+-\s+/)[0]!.trim()].filter(Boolean);
  if (v && typeof v === 'object') return typeof v.name === 'string' ? names(v.name) : [];
  return [];
}

const ARTICLE_TYPE =
  /(?:Article|BlogPosting|Report|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage)$/;

interface LdArticle {
  headline: string | null;
  body: string | null;
  authors: string[];
  published: string | null;
  url: string | null;
  language: string | null;
}

function jsonLdArticle(doc: DomElement): LdArticle | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let best: LdArticle | null = null;
  let bestRank = -1;
  for (let i = 0; i < scripts.length; i++) {
    let parsed: Json;
    try {
      parsed = JSON.parse((scripts[i]!.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    for (const o of asObjects(parsed)) {
      const types = ([] as Json[]).concat(o['@type'] ?? []).map(String);
      if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
      const rank =
        (types.some((t) => /Article|Posting|Report/.test(t)) ? 2 : 0) + (typeof o.articleBody === 'string' ? 1 : 0);
      if (rank <= bestRank) continue;
      bestRank = rank;
      best = {
        headline: str(o.headline) ?? str(o.name),
        body: typeof o.articleBody === 'string' ? o.articleBody : null,
        authors: names(o.author ?? o.creator),
        published: str(o.datePublished) ?? str(o.dateCreated),
        url: str(o.url) ?? str(o.mainEntityOfPage),
        language: str(o.inLanguage),
      };
    }
  }
  return best;
}

/** All `<meta>`, `<link rel>` and `<time datetime>` values, gathered in one pass (keys lower-cased). */
function collectMeta(doc: DomElement): Map<string, string> {
  const out = new Map<string, string>();
  const put = (k: string | null, v: string | null) => {
    const key = k?.trim().toLowerCase();
    const val = v?.trim();
    if (key && val && !out.has(key)) out.set(key, val);
  };
  const els = doc.querySelectorAll('meta,link[rel],time[datetime]');
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    const tag = el.nodeName.toUpperCase();
    if (tag === 'META') {
      const v = el.getAttribute('content');
      put(el.getAttribute('property'), v);
      put(el.getAttribute('name'), v);
      put(el.getAttribute('itemprop'), v);
      put(el.getAttribute('http-equiv'), v);
    } else if (tag === 'LINK') {
      for (const rel of (el.getAttribute('rel') ?? '').split(/\s+/)) put(`link:${rel}`, el.getAttribute('href'));
    } else {
      const v = el.getAttribute('datetime');
      if (el.getAttribute('itemprop') === 'datePublished' || el.getAttribute('pubdate') !== null)
        put('time:published', v);
      put('time', v);
    }
  }
  return out;
}

function metaContent(metas: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = metas.get(k);
    if (v) return v;
  }
  return null;
}

function isHttpUrl(u: string | null): u is string {
  return !!u && /^https?:\/\/\S+$/i.test(u);
}

function languageCode(lang: string | null | undefined): string | null {
  const m = /^([a-z]{2})(?:[-_]|$)/i.exec((lang ?? '').trim());
  return m ? m[1]!.toLowerCase() : null;
}

function readMeta(doc: DomElement, ld: LdArticle | null): ArticleMeta {
  const meta = emptyMeta();
  const metas = collectMeta(doc);
  meta.title = ld?.headline ?? metaContent(metas, ['og:title', 'twitter:title']);
  const authorMeta = metaContent(metas, ['author', 'article:author', 'byl', 'dc.creator', 'sailthru.author']);
  const authors = ld?.authors.length
    ? ld.authors
    : authorMeta && !/^https?:/.test(authorMeta)
      ? parseAuthors(authorMeta)
      : [];
  meta.authors = [...new Set(authors.map((a) => collapse(a)).filter((a) => a && !/^https?:/.test(a)))];
  meta.byline = meta.authors.length ? `By ${meta.authors.join(', ')}` : null;
  meta.publishedAt = parseDate(
    ld?.published ??
      metaContent(metas, [
        'article:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publish-date',
        'publishdate',
        'dc.date',
        'dc.date.issued',
        'og:published_time',
        'sailthru.date',
        'parsely-pub-date',
        'time:published',
        'time',
      ]),
  );
  const canonical = metaContent(metas, ['link:canonical', 'og:url']);
  meta.url = isHttpUrl(canonical) ? canonical : isHttpUrl(ld?.url ?? null) ? ld!.url : null;
  const htmlLang = doc.querySelector('html')?.getAttribute('lang') ?? metaContent(metas, ['content-language']);
  meta.language = languageCode(ld?.language) ?? languageCode(htmlLang);
  return meta;
}

/** Splits a JSON-LD articleBody (plain text, sometimes with HTML) into paragraph blocks. */
function ldBodyBlocks(body: string): Block[] {
  const text = /<\/?(?:p|br|div)\b/i.test(body)
    ? blocksOf(parseHTML(`<html><body>${body}</body></html>`).document.body as unknown as DomNode).map((b) => b.text)
    : body.split(/\n+/);
  return text.map((t) => ({ text: collapse(t), kind: 'body' as const })).filter((b) => b.text);
}

const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) =>
    u
      .replace(/^https?:\/\/(?:www\.)?/i, '')
      .replace(/[?#].*$/, '')
      .replace(/\/$/, '');
  return norm(a) === norm(b);
}

/** Removes in-body boilerplate blocks; returns the kept blocks. */
function filterBlocks(blocks: HtmlBlock[], removed: RemovedBlock[], pageUrl: string | null): HtmlBlock[] {
  const total = blocks.reduce((n, b) => n + wordCount(b.text), 0);
  // Class-name evidence is trusted only when it does not claim most of the article.
  const classWords = blocks.reduce((n, b) => n + (b.classReason ? wordCount(b.text) : 0), 0);
  const useClasses = classWords <= total * 0.4;
  const linkOnly = blocks.map(
    (b) => b.linkChars >= b.text.length * 0.8 && wordCount(b.text) <= 25 && !URL_TEXT.test(b.text),
  );
  const kept: HtmlBlock[] = [];
  let after: string | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const n = wordCount(b.text);
    let reason: string | null = null;
    if (after) reason = after;
    else if (isAboutAuthorHeading(b.text)) {
      reason = 'author-bio';
      after = reason;
    } else if (b.inCaption) reason = 'caption';
    else if (pageUrl && URL_TEXT.test(b.text) && sameUrl(b.text, pageUrl)) reason = 'navigation';
    else reason = phraseReason(b.text);
    if (!reason && useClasses && b.classReason && n <= (SHORT_ONLY.has(b.classReason) ? 20 : 80))
      reason = b.classReason;
    const shouting = !/\p{Ll}/u.test(b.text) && n >= 3;
    // A lone short link before the text starts is a section label ("Transport", "World › Europe").
    if (!reason && linkOnly[i] && n <= 3 && kept.every((k) => k.kind === 'heading')) reason = 'navigation';
    if (
      !reason &&
      linkOnly[i] &&
      (b.inList || b.kind === 'heading' || shouting || linkOnly[i - 1] || linkOnly[i + 1])
    ) {
      reason = 'related';
    }
    if (!reason && i >= blocks.length - 3 && looksLikeBio(b.text)) reason = 'author-bio';
    if (!reason && !/[\p{L}\p{N}]/u.test(b.text)) reason = 'separator';
    if (reason) removed.push({ text: b.text, reason });
    else kept.push(b);
  }
  // Trailing headings with nothing after them are section labels of removed furniture.
  while (kept.length > 0 && kept[kept.length - 1]!.kind === 'heading') {
    const h = kept.pop()!;
    removed.push({ text: h.text, reason: 'orphan-heading' });
  }
  return kept;
}

/**
 * Drops markup that never holds article text before parsing (scripts except JSON-LD, styles, SVG, comments,
 * noscript, templates): the DOM gets smaller and parsing plus Readability get faster.
 */
export function stripNonContent(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (m, attrs: string) => (/ld\+json/i.test(attrs) ? m : ''))
    .replace(
      /<(style|svg|noscript|template|math|nav|footer|aside|button|select|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi,
      '',
    );
}

/** Readability recurses over the DOM: deeper documents go straight to the (iterative) block classifier. */
const MAX_READABILITY_DEPTH = 400;

function maxDepth(root: DomNode): number {
  let max = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, d + 1]);
  }
  return max;
}

/** Extracts the article from an HTML document. */
export function cleanHtml(html: string): HtmlResult {
  const warnings: string[] = [];
  const boilerplate: RemovedBlock[] = [];
  const stripped = stripNonContent(html);
  // A fragment without <html>/<body> would make its first element the document element and leave body empty.
  const { document } = parseHTML(
    /<html[\s>]|<body[\s>]/i.test(stripped) ? stripped : `<html><body>${stripped}</body></html>`,
  );
  const doc = document as unknown as DomElement;
  const ld = jsonLdArticle(doc);
  const meta = readMeta(doc, ld);
  const bodyEl = (document.body ?? document.documentElement) as unknown as DomNode | null;

  let article: ReturnType<Readability<DomNode>['parse']> = null;
  const depth = bodyEl ? maxDepth(bodyEl) : 0;
  if (depth > MAX_READABILITY_DEPTH) {
    warnings.push(`The page nests elements ${depth} deep; skipped Readability (it recurses) for the block classifier.`);
  } else
    try {
      article = new Readability<DomNode>(document as unknown as Document, {
        serializer: (el) => el as unknown as DomNode,
        charThreshold: 500,
        keepClasses: true,
      }).parse();
    } catch (err) {
      warnings.push(`Readability failed (${err instanceof Error ? err.message : String(err)}); used the fallback.`);
    }
  if (article?.title && !meta.title) meta.title = article.title;
  if (article?.byline && meta.authors.length === 0) {
    const authors = parseAuthors(article.byline);
    if (authors.length > 0) {
      meta.authors = authors;
      meta.byline = collapse(article.byline);
    }
  }
  if (!meta.publishedAt) meta.publishedAt = parseDate(article?.publishedTime ?? null);
  if (!meta.language) meta.language = languageCode(article?.lang);

  let blocks: Block[] = article?.content ? filterBlocks(blocksOf(article.content), boilerplate, meta.url) : [];
  const extractedWords = blocks.reduce((n, b) => n + wordCount(b.text), 0);

  // JSON-LD articleBody: the publisher's own statement of the text. It replaces an extraction that found less
  // than half of it (script-rendered pages, Readability picking a teaser). Dropping extracted blocks absent
  // from it was measured and rejected: articleBody often omits embeds and lists that are part of the story.
  const ldWords = ld?.body ? wordCount(ld.body) : 0;
  if (ldWords >= 50 && extractedWords < ldWords * 0.5) {
    warnings.push('Used the JSON-LD articleBody: the page extraction found less text.');
    const ldBlocks = ldBodyBlocks(ld!.body!);
    for (const b of blocks) boilerplate.push({ text: b.text, reason: 'replaced-by-article-body' });
    blocks = ldBlocks;
  }

  // Fallback: Readability found nothing usable → classify the page's own blocks.
  if (blocks.length === 0 && bodyEl) {
    const pageBlocks = blocksOf(bodyEl).filter((b) => !b.inCaption);
    if (pageBlocks.length > 0) {
      warnings.push('Readability found no article; used paragraph classification on the whole page.');
      const sel = selectMainContent(pageBlocks);
      for (const r of sel.removed) boilerplate.push(r);
      blocks = sel.kept;
    }
  }
  return { blocks, meta, boilerplate, warnings };
}
