/**
 * HTML → article: @mozilla/readability on a linkedom DOM picks the main content; block elements become
 * paragraphs; in-body boilerplate (share bars, related links, "Read more", newsletter boxes, captions, credits)
 * is removed with reasons; JSON-LD `articleBody` replaces an extraction that found less than half of it; a text
 * classifier over the page's blocks is the fallback when Readability finds nothing (or cannot run).
 * Metadata: title, byline/authors, publishedAt, canonical URL, language.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { mapPacked } from './arrays.ts';
import { isJsSpace } from './clean-chars.ts';
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
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
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

function jsonLdArticle(scripts: string[]): LdArticle | null {
  let best: LdArticle | null = null;
  let bestRank = -1;
  for (const script of scripts) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
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

/** All `<meta>`, `<link rel>` and `<time datetime>` values, in document order (keys lower-cased). */
function collectMeta(els: DomElement[]): Map<string, string> {
  const out = new Map<string, string>();
  const put = (k: string | null, v: string | null) => {
    const key = k?.trim().toLowerCase();
    const val = v?.trim();
    if (key && val && !out.has(key)) out.set(key, val);
  };
  for (const el of els) {
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

function readMeta(root: DomElement | null, metaEls: DomElement[], ld: LdArticle | null): ArticleMeta {
  const meta = emptyMeta();
  const metas = collectMeta(metaEls);
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
  const htmlLang = root?.getAttribute('lang') ?? metaContent(metas, ['content-language']);
  meta.language = languageCode(ld?.language) ?? languageCode(htmlLang);
  return meta;
}

/** Splits a JSON-LD articleBody (plain text, sometimes with HTML) into paragraph blocks. */
function ldBodyBlocks(body: string): Block[] {
  const text = /<\/?(?:p|br|div)\b/i.test(body)
    ? blocksOf(parseHTML(`<html><body>${body}</body></html>`).document.body as unknown as DomNode).map((b) => b.text)
    : body.split(/\n+/);
  return mapPacked(text, (t) => ({ text: collapse(t), kind: 'body' as const })).filter((b) => b.text);
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

/** Removes in-body boilerplate blocks; returns the kept blocks and their word count. */
function filterBlocks(
  blocks: HtmlBlock[],
  removed: RemovedBlock[],
  pageUrl: string | null,
): { kept: HtmlBlock[]; words: number } {
  // Word counts once per block (the rules below and the caller all need them).
  const counts = mapPacked(blocks, (b) => wordCount(b.text));
  let total = 0;
  let classWords = 0;
  for (let i = 0; i < blocks.length; i++) {
    total += counts[i]!;
    if (blocks[i]!.classReason) classWords += counts[i]!;
  }
  // Class-name evidence is trusted only when it does not claim most of the article.
  const useClasses = classWords <= total * 0.4;
  const linkOnly = mapPacked(
    blocks,
    (b, i) => b.linkChars >= b.text.length * 0.8 && counts[i]! <= 25 && !URL_TEXT.test(b.text),
  );
  const kept: HtmlBlock[] = [];
  const keptWords: number[] = [];
  let onlyHeadingsKept = true;
  let after: string | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const n = counts[i]!;
    let reason: string | null = null;
    if (after) reason = after;
    else if (isAboutAuthorHeading(b.text)) {
      reason = 'author-bio';
      after = reason;
    } else if (b.inCaption) reason = 'caption';
    else if (pageUrl && URL_TEXT.test(b.text) && sameUrl(b.text, pageUrl)) reason = 'navigation';
    else reason = phraseReason(b.text, n);
    if (!reason && useClasses && b.classReason && n <= (SHORT_ONLY.has(b.classReason) ? 20 : 80))
      reason = b.classReason;
    const shouting = !/\p{Ll}/u.test(b.text) && n >= 3;
    // A lone short link before the text starts is a section label ("Transport", "World › Europe").
    if (!reason && linkOnly[i] && n <= 3 && onlyHeadingsKept) reason = 'navigation';
    if (
      !reason &&
      linkOnly[i] &&
      (b.inList || b.kind === 'heading' || shouting || linkOnly[i - 1] || linkOnly[i + 1])
    ) {
      reason = 'related';
    }
    if (!reason && i >= blocks.length - 3 && looksLikeBio(b.text, n)) reason = 'author-bio';
    if (!reason && !/[\p{L}\p{N}]/u.test(b.text)) reason = 'separator';
    if (reason) removed.push({ text: b.text, reason });
    else {
      kept.push(b);
      keptWords.push(n);
      if (b.kind !== 'heading') onlyHeadingsKept = false;
    }
  }
  // Trailing headings with nothing after them are section labels of removed furniture.
  while (kept.length > 0 && kept[kept.length - 1]!.kind === 'heading') {
    const h = kept.pop()!;
    keptWords.pop();
    removed.push({ text: h.text, reason: 'orphan-heading' });
  }
  return { kept, words: keptWords.reduce((a, b) => a + b, 0) };
}

/** Elements dropped with their content: they never hold article text. */
const DROP_ELEMENTS = new Set([
  'script',
  'style',
  'svg',
  'noscript',
  'template',
  'math',
  'nav',
  'footer',
  'aside',
  'button',
  'select',
  'iframe',
]);
/** Attributes something downstream reads (Readability, our metadata and class evidence); others are dropped. */
const KEEP_ATTRS = new Set([
  'class',
  'id',
  'style',
  'hidden',
  'aria-hidden',
  'aria-modal',
  'role',
  'href',
  'rel',
  'itemprop',
  'lang',
  'dir',
  'name',
  'property',
  'content',
  'http-equiv',
  'charset',
  'datetime',
  'pubdate',
  'type',
  'colspan',
  'rowspan',
  'summary',
  'datatable',
  'src',
  'srcset',
]);
/**
 * Elements whose attributes Readability inspects wholesale (a figure's lazy image, video embeds): left untouched.
 * Images keep the listed attributes plus those Readability's lazy-image handling reads (`data-src*`, values naming
 * an image file): they hold no text, only their presence, count and visibility matter.
 */
const KEEP_ALL_ATTRS = new Set(['figure', 'video', 'audio', 'object', 'embed', 'meta']);
/** An attribute value naming an image file (what Readability's lazy-image handling looks for). */
const IMAGE_FILE = /\.(?:jpg|jpeg|png|webp)/i;
/**
 * A link target whose value nothing downstream reads: Readability only asks whether a link's `href` is empty, a
 * `#fragment` (link density) or `javascript:` (unwrapped), and resolves every other one against the page URL
 * (a thrown and caught URL error per link, as linkedom documents have no base URI), and we never read it. Such
 * values become `#`, which has the same answers and is left alone. Values with character references are kept.
 */
function isPlainLink(value: string): boolean {
  return value !== '' && !value.includes('&') && !/^#./.test(value) && !value.startsWith('javascript:');
}
/** `<meta>` attributes naming what the tag is. */
const META_KEY_ATTRS = new Set(['name', 'property', 'itemprop', 'http-equiv']);
/**
 * A superset of the meta keys anything reads (our title/author/date/URL/language keys; Readability's title,
 * author, creator, description, published_time, site_name, pub-date): a meta naming none of these is dropped.
 */
const USEFUL_META_KEY = /title|author|creator|byl|date|time|pub|url|lang|description|site_name|charset|content-type/i;
/** Block-level (or head) elements: whitespace-only text right before or after them is an empty text node. */
const GAP_BEFORE = new Set(
  'div p li ul ol dl dt dd section article header main h1 h2 h3 h4 h5 h6 table tbody thead tfoot tr td th figure figcaption blockquote form meta link title head body html picture source'.split(
    ' ',
  ),
);

/** Whitespace that separates attributes in a tag. */
function isTagSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 58;
}
/** Ends an attribute name: whitespace, `"`, `'`, `<`, `>`, `/`, `=`. */
function endsAttrName(c: number): boolean {
  return isTagSpace(c) || c === 34 || c === 39 || c === 60 || c === 62 || c === 47 || c === 61;
}

export interface PreparedHtml {
  /** The markup to parse: non-content elements, comments and unused attributes removed. */
  html: string;
  /** Raw text of every `<script type="application/ld+json">`, in document order. */
  jsonLd: string[];
}

/**
 * One pass over the markup before parsing (no regular expressions, no backtracking): drops comments, scripts
 * (JSON-LD is returned separately), styles, SVG, noscript, templates, nav, footer, aside, buttons, selects and
 * iframes with their content; `<link>`s other than canonical; attributes nothing reads (`data-*`, `srcset`
 * outside images, event handlers, ARIA other than hidden/modal...); whitespace-only text before block-level
 * tags. The DOM gets 3-4x smaller, and parsing plus Readability get faster.
 */
export function prepareHtml(html: string): PreparedHtml {
  const n = html.length;
  const out: string[] = [];
  const jsonLd: string[] = [];
  const unclosedFrom = new Map<string, number>();
  let commentsClosed = true;
  let last = 0; // html[last..] is not emitted yet
  let i = 0;
  const emitUpTo = (pos: number) => {
    if (pos > last) out.push(html.slice(last, pos));
  };
  // Drops the whitespace right before html[lt] when a `>` precedes it (looking into emitted pieces when a removed
  // element sits in between).
  const dropGap = (lt: number) => {
    let k = lt - 1;
    while (k >= last && isJsSpace(html.charCodeAt(k))) k--;
    if (k >= last) {
      if (k < lt - 1 && html.charCodeAt(k) === 62) {
        emitUpTo(k + 1);
        last = lt;
      }
      return;
    }
    // Everything since `last` is whitespace (or empty): the `>` is in the emitted output.
    const hadSpace = lt > last;
    for (let p = out.length - 1; p >= 0; p--) {
      const piece = out[p]!;
      let e = piece.length - 1;
      while (e >= 0 && isJsSpace(piece.charCodeAt(e))) e--;
      if (e < 0) continue;
      if (piece.charCodeAt(e) !== 62) return;
      if (!hadSpace && e === piece.length - 1 && p === out.length - 1) return;
      out[p] = piece.slice(0, e + 1);
      out.length = p + 1;
      last = lt;
      return;
    }
  };
  // Skips the whitespace after a block-level tag that ends at `e` when another tag follows it.
  const skipGapAfter = (e: number): number => {
    let z = e;
    while (z < n && isJsSpace(html.charCodeAt(z))) z++;
    if (z > e && html.charCodeAt(z) === 60) {
      emitUpTo(e);
      last = z;
    }
    return z;
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (commentsClosed && html.startsWith('<!--', lt)) {
        const e = html.indexOf('-->', lt + 4);
        if (e < 0)
          commentsClosed = false; // no `-->` after here: later `<!--` need no search
        else {
          emitUpTo(lt);
          last = i = e + 3;
          continue;
        }
      }
      i = lt + 1;
      continue;
    }
    const closing = c === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isNameStart(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let j = nameStart + 1;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    const after = html.charCodeAt(j);
    if (j < n && !isTagSpace(after) && after !== 47 && after !== 62) {
      i = lt + 1;
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    if (closing) {
      if (GAP_BEFORE.has(name)) {
        dropGap(lt);
        const gt = html.indexOf('>', j);
        i = gt < 0 ? j : skipGapAfter(gt + 1);
      } else i = j;
      continue;
    }
    // Start tag: read the attributes (quote-aware) up to the closing `>`.
    let k = j;
    let attrsEnd = -1;
    let selfClose = false;
    let dropped = false;
    let kept = '';
    let hasCanonical = false;
    let metaKeyed = false;
    let usefulMeta = false;
    let malformed = false;
    const keepAll = KEEP_ALL_ATTRS.has(name);
    while (k < n) {
      while (k < n && isTagSpace(html.charCodeAt(k))) k++;
      const ch = html.charCodeAt(k);
      if (ch === 62) {
        attrsEnd = k;
        break;
      }
      if (ch === 47 && html.charCodeAt(k + 1) === 62) {
        attrsEnd = k;
        selfClose = true;
        break;
      }
      if (ch === 47) {
        k++; // a stray `/` inside a tag is ignored
        continue;
      }
      if (k >= n || endsAttrName(ch)) {
        malformed = true;
        break;
      }
      const a0 = k;
      while (k < n && !endsAttrName(html.charCodeAt(k))) k++;
      const attrName = html.slice(a0, k).toLowerCase();
      let v = k;
      let valStart = -1;
      let valEnd = -1;
      while (v < n && isTagSpace(html.charCodeAt(v))) v++;
      if (html.charCodeAt(v) === 61 /* = */) {
        v++;
        while (v < n && isTagSpace(html.charCodeAt(v))) v++;
        const q = html.charCodeAt(v);
        if (q === 34 || q === 39) {
          const close = html.indexOf(q === 34 ? '"' : "'", v + 1);
          if (close < 0) {
            malformed = true;
            break;
          }
          k = close + 1;
          valStart = v + 1;
          valEnd = close;
        } else {
          const v0 = v;
          while (v < n) {
            const u = html.charCodeAt(v);
            if (isTagSpace(u) || u === 62) break;
            v++;
          }
          if (v === v0) {
            malformed = true;
            break;
          }
          k = v;
          valStart = v0;
          valEnd = v;
        }
      }
      if (name === 'a' && attrName === 'href' && valStart >= 0 && isPlainLink(html.slice(valStart, valEnd))) {
        kept += ' href="#"';
        dropped = true;
        continue;
      }
      if (attrName === 'rel' && /canonical/i.test(html.slice(a0, k))) hasCanonical = true;
      if (name === 'meta' && META_KEY_ATTRS.has(attrName)) {
        metaKeyed = true;
        if (USEFUL_META_KEY.test(html.slice(a0 + attrName.length, k))) usefulMeta = true;
      }
      if (
        keepAll ||
        KEEP_ATTRS.has(attrName) ||
        // Readability drops an image with no source-like attribute (lazy-image clean-up): keep what it looks for.
        (name === 'img' && (attrName.startsWith('data-src') || IMAGE_FILE.test(html.slice(a0, k))))
      )
        kept += ` ${html.slice(a0, k)}`;
      else dropped = true;
    }
    if (malformed || attrsEnd < 0) {
      // Odd markup: the tag is kept as written, up to the next `>`.
      attrsEnd = html.indexOf('>', j);
      if (attrsEnd < 0) break;
      selfClose = false;
      dropped = false;
    }
    const tagEnd = html.indexOf('>', attrsEnd) + 1;
    if (GAP_BEFORE.has(name)) dropGap(lt);
    if ((name === 'link' && !hasCanonical) || (metaKeyed && !usefulMeta && !malformed)) {
      emitUpTo(lt);
      last = i = tagEnd;
      continue;
    }
    if (DROP_ELEMENTS.has(name) && !selfClose) {
      // Up to the first matching end tag (`</name>`, any case).
      let end = -1;
      // A search that found no end tag from some position finds none from any later one: no rescans.
      let e = tagEnd >= (unclosedFrom.get(name) ?? n) ? -1 : html.indexOf('</', tagEnd);
      for (; e >= 0; e = html.indexOf('</', e + 2)) {
        const m = e + 2 + name.length;
        if (html.slice(e + 2, m).toLowerCase() === name && !isNameChar(html.charCodeAt(m))) {
          let z = m;
          while (z < n && isJsSpace(html.charCodeAt(z))) z++;
          if (html.charCodeAt(z) === 62) {
            end = z + 1;
            break;
          }
        }
      }
      if (end < 0) unclosedFrom.set(name, Math.min(tagEnd, unclosedFrom.get(name) ?? n));
      if (end >= 0) {
        if (name === 'script' && /ld\+json/i.test(html.slice(j, attrsEnd))) {
          // Kept in the DOM too: Readability reads the headline from it (it decides which heading repeats it).
          jsonLd.push(html.slice(tagEnd, e));
          i = end;
          continue;
        }
        emitUpTo(lt);
        last = i = end;
        continue;
      }
    }
    if (dropped) {
      emitUpTo(lt);
      out.push(`<${html.slice(lt + 1, j)}${kept}${selfClose ? '/' : ''}>`);
      last = tagEnd;
    }
    i = GAP_BEFORE.has(name) ? skipGapAfter(tagEnd) : tagEnd;
  }
  emitUpTo(n);
  return { html: out.join(''), jsonLd };
}

/** The page's markup without what never holds article text (see `prepareHtml`). */
export function stripNonContent(html: string): string {
  return prepareHtml(html).html;
}

/** Readability recurses over the DOM: deeper documents go straight to the (iterative) block classifier. */
const MAX_READABILITY_DEPTH = 400;

interface DocumentScan {
  /** `<meta>`, `<link rel>` and `<time datetime>` elements in document order. */
  metaEls: DomElement[];
  /** Deepest element nesting below `body`. */
  bodyDepth: number;
}

/**
 * One walk over the elements (sibling/child links: no per-node arrays, no recursion, no CSS selector, which
 * linkedom would compile on every call): the metadata elements and the nesting depth inside `body`.
 */
function scanDocument(root: DomElement | null, body: DomElement | null): DocumentScan {
  const metaEls: DomElement[] = [];
  let bodyDepth = 0;
  let d = 0;
  let bodyAt = -1; // depth of `body` while inside it
  let node: DomElement | null = root;
  while (node) {
    const name = node.nodeName.toUpperCase();
    if (
      name === 'META' ||
      (name === 'LINK' && node.getAttribute('rel') !== null) ||
      (name === 'TIME' && node.getAttribute('datetime') !== null)
    )
      metaEls.push(node);
    if (node === body) bodyAt = d;
    else if (bodyAt >= 0 && d - bodyAt > bodyDepth) bodyDepth = d - bodyAt;
    const child: DomElement | null = node.firstElementChild;
    if (child) {
      node = child;
      d++;
      continue;
    }
    // Up to the first ancestor-or-self with a next sibling (each sibling looked up once: linkedom walks to it).
    let next: DomElement | null = null;
    while (node && node !== root) {
      next = node.nextElementSibling;
      if (next) break;
      if (node === body) bodyAt = -1;
      node = node.parentNode as DomElement | null;
      d--;
    }
    if (node === body) bodyAt = -1;
    node = node && node !== root ? next : null;
  }
  return { metaEls, bodyDepth };
}

/** Extracts the article from an HTML document. */
export function cleanHtml(html: string): HtmlResult {
  const warnings: string[] = [];
  const boilerplate: RemovedBlock[] = [];
  const prepared = prepareHtml(html);
  const stripped = prepared.html;
  // A fragment without <html>/<body> would make its first element the document element and leave body empty.
  const { document } = parseHTML(
    /<html[\s>]|<body[\s>]/i.test(stripped) ? stripped : `<html><body>${stripped}</body></html>`,
  );
  const ld = jsonLdArticle(prepared.jsonLd);
  const root = document.documentElement as unknown as DomElement | null;
  const bodyEl = (document.body ?? root) as unknown as DomNode | null;
  const scan = scanDocument(root, bodyEl as DomElement | null);
  const meta = readMeta(root, scan.metaEls, ld);

  let article: ReturnType<Readability<DomNode>['parse']> = null;
  const depth = scan.bodyDepth;
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

  const filtered = article?.content
    ? filterBlocks(blocksOf(article.content), boilerplate, meta.url)
    : { kept: [], words: 0 };
  let blocks: Block[] = filtered.kept;
  const extractedWords = filtered.words;

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
