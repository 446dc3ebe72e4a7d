/**
 * Plain text and Markdown → article. Lines are grouped into paragraphs (hard-wrapped prose is re-joined), each
 * paragraph is classified (known boilerplate phrase, caption/credit, repeated caption, author bio, good prose,
 * short), and the main content is the largest run of good paragraphs between "end of article" markers
 * (author picture, newsletter box, comments, copyright). Everything dropped is reported with a reason.
 */
import { mapPacked } from './arrays.ts';
import {
  type ArticleMeta,
  type Block,
  CREDIT_SUFFIX,
  collapse,
  emptyMeta,
  isAboutAuthorHeading,
  isBylineLine,
  isDateLine,
  keyOf,
  looksLikeBio,
  parseAuthors,
  parseDate,
  phraseReason,
  wordCount,
} from './clean-common.ts';
import { stopwordDensity } from './language.ts';
import type { RemovedBlock } from './types.ts';

export interface TextResult {
  blocks: Block[];
  meta: ArticleMeta;
  boilerplate: RemovedBlock[];
  warnings: string[];
}

/** Reasons that mark the end (or the start) of the article body: content across them is a different unit. */
const SEPARATING = new Set([
  'author-picture',
  'author-bio',
  'newsletter',
  'comments',
  'copyright',
  'tags',
  'social',
  'related',
  'cookie-notice',
  'contact',
  'navigation',
]);

const SENTENCE_END = /[.!?…:;"”’»)\]。！？」』]$/;

/** What a non-prose block (label, link line, teaser title) costs inside a run of prose, in words. */
const SHORT_PENALTY = 8;
/** A run in another segment joins the main run when it scores at least this share of it. */
const JOIN_RATIO = 0.6;

/** A paragraph that reads like body prose rather than a label, link or fragment. */
export function isGoodProse(text: string, words?: number): boolean {
  const n = words ?? wordCount(text);
  // Cheapest test first (all three are pure): the function-word share needs a word list.
  if (n >= 12) return n >= 25 || SENTENCE_END.test(text) || stopwordDensity(text, null) >= 0.08;
  return n >= 6 && SENTENCE_END.test(text) && /\p{Ll}/u.test(text);
}

/** Math.max/min without spreading (a spread of 100k values overflows the stack). */
function maxOf(xs: number[]): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}
function minOf(xs: number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}

interface Classified extends Block {
  reason: string | null;
  good: boolean;
}

/**
 * Marks boilerplate and picks the main content among blocks (text paragraphs, or an HTML page's blocks).
 * Returns kept blocks and removed ones with reasons.
 */
export function selectMainContent(blocks: Block[]): { kept: Block[]; removed: RemovedBlock[] } {
  // Word counts once per block (whitespace is no word: the count of the trimmed text is the same).
  const counts = mapPacked(blocks, (b) => wordCount(b.text));
  const items: Classified[] = mapPacked(blocks, (b, i) => ({
    text: b.text,
    kind: b.kind,
    reason: phraseReason(b.text, counts[i]),
    good: false,
  }));
  const keys = mapPacked(items, (b) => keyOf(b.text));
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const k = keys[i]!;
    // A caption repeated with its credit ("Soldiers gather… " then "Soldiers gather… (Agency/Photographer)").
    if (!it.reason && k.length >= 25) {
      for (let j = Math.max(0, i - 3); j <= i + 3 && j < items.length; j++) {
        if (j === i) continue;
        const kj = keys[j]!;
        if (kj.length > k.length && kj.startsWith(k) && CREDIT_SUFFIX.test(items[j]!.text)) {
          it.reason = 'caption';
          items[j]!.reason = 'photo-credit';
        }
      }
    }
    if (!it.reason && k.length >= 20 && seen.has(k)) it.reason = 'duplicate';
    if (!seen.has(k)) seen.set(k, i);
    if (!it.reason && isAboutAuthorHeading(it.text)) it.reason = 'author-bio';
    it.good = !it.reason && isGoodProse(it.text, counts[i]);
  }
  let lastGood = -1;
  for (let i = 0; i < items.length; i++) if (items[i]!.good) lastGood = i;
  // Author bios: right after an author picture / "About the author", or among the last paragraphs.
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.reason) continue;
    const prev = items[i - 1]?.reason;
    const nearEnd = i >= lastGood;
    if ((prev === 'author-picture' || prev === 'author-bio' || nearEnd) && looksLikeBio(it.text, counts[i])) {
      it.reason = 'author-bio';
      it.good = false;
    }
  }
  // Segments between separating boilerplate. Inside each, the best run is the maximum-sum stretch of blocks
  // where good prose scores its word count and every other non-boilerplate block costs a little (so a long
  // stretch of labels, teasers or link lines splits the run). The main run is the best; runs of other segments
  // join it when they are nearly as large (an article interrupted by a newsletter box).
  const runs: Array<{ from: number; to: number; score: number }> = [];
  let segStart = 0;
  const scanSegment = (from: number, to: number) => {
    let best = { from, to: from - 1, score: 0 };
    let curFrom = from;
    let cur = 0;
    for (let i = from; i <= to; i++) {
      const it = items[i]!;
      const v = it.good ? counts[i]! : it.reason ? 0 : -SHORT_PENALTY;
      if (cur <= 0) {
        cur = 0;
        curFrom = i;
      }
      cur += v;
      if (cur > best.score) best = { from: curFrom, to: i, score: cur };
    }
    if (best.score > 0) runs.push(best);
  };
  for (let i = 0; i <= items.length; i++) {
    const it = items[i];
    if (!it || (it.reason && SEPARATING.has(it.reason))) {
      scanSegment(segStart, i - 1);
      segStart = i + 1;
    }
  }
  const top = maxOf(mapPacked(runs, (r) => r.score));
  const inMain = new Array<boolean>(items.length).fill(false);
  for (const r of runs) {
    if (r.score < top && r.score < top * JOIN_RATIO) continue;
    for (let i = r.from; i <= r.to; i++) inMain[i] = true;
  }
  const kept: Block[] = [];
  const removed: RemovedBlock[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.reason) removed.push({ text: it.text, reason: it.reason });
    else if (!inMain[i]) removed.push({ text: it.text, reason: 'outside-main-content' });
    else kept.push({ text: it.text, kind: it.kind });
  }
  return { kept, removed };
}

/** Strips inline Markdown: images (reported), links, emphasis, code marks, inline HTML tags. */
function stripInlineMarkdown(line: string, removed: RemovedBlock[]): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_m, alt: string) => {
      if (alt.trim()) removed.push({ text: alt.trim(), reason: 'image' });
      return '';
    })
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

interface Line {
  text: string;
  heading: number;
  blank: boolean;
  item: boolean;
}

function markdownLines(input: string, meta: ArticleMeta, removed: RemovedBlock[]): Line[] {
  let src = input;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(src);
  if (front) {
    for (const row of front[1]!.split('\n')) {
      const m = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(row);
      if (!m) continue;
      const [, k, v] = m;
      const key = k!.toLowerCase();
      if (key === 'title' && v) meta.title = v;
      else if ((key === 'author' || key === 'authors' || key === 'byline') && v) {
        meta.authors = parseAuthors(v.replace(/[[\]"']/g, ''));
        meta.byline = meta.authors.length ? `By ${meta.authors.join(', ')}` : null;
      } else if ((key === 'date' || key === 'published') && v) meta.publishedAt = parseDate(v);
      else if ((key === 'url' || key === 'canonical') && /^https?:\/\//.test(v ?? '')) meta.url = v!;
    }
    src = src.slice(front[0].length);
  }
  const out: Line[] = [];
  const raw = src.split('\n');
  let inFence = false;
  for (let i = 0; i < raw.length; i++) {
    let l = raw[i]!;
    if (/^\s*(?:```|~~~)/.test(l)) {
      inFence = !inFence;
      out.push({ text: '', heading: 0, blank: true, item: false });
      continue;
    }
    if (inFence) {
      out.push({ text: l, heading: 0, blank: !l.trim(), item: true });
      continue;
    }
    const next = raw[i + 1] ?? '';
    if (l.trim() && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(l)) {
      out.push({
        text: stripInlineMarkdown(l, removed),
        heading: next.includes('=') ? 1 : 2,
        blank: false,
        item: false,
      });
      i++;
      continue;
    }
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(l)) {
      out.push({ text: '', heading: 0, blank: true, item: false });
      continue;
    }
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    if (h) {
      out.push({ text: stripInlineMarkdown(h[2]!, removed), heading: h[1]!.length, blank: false, item: false });
      continue;
    }
    let item = false;
    l = l.replace(/^\s{0,3}(?:>\s?)+/, '');
    if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(l)) {
      item = true;
      l = l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    }
    if (/^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(l)) continue;
    if (l.includes('|') && /^\s*\|/.test(l)) l = l.replace(/\s*\|\s*/g, ' ');
    const text = stripInlineMarkdown(l, removed);
    out.push({ text, heading: 0, blank: !text.trim(), item });
  }
  return out;
}

function plainLines(input: string): Line[] {
  return mapPacked(input.split('\n'), (text) => ({ text, heading: 0, blank: !text.trim(), item: false }));
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

/** A column of text wrapped at a fixed width: most lines fill 75 %+ of a 50-110 character width. */
function isWrappedColumn(texts: string[]): boolean {
  if (texts.length < 4) return false;
  const lens = mapPacked(texts, (t) => t.length);
  const width = percentile(lens, 0.9);
  if (width < 50 || width > 110) return false;
  const full = lens.filter((n) => n >= width * 0.75 && n <= width + 2).length;
  return full >= texts.length * 0.6;
}

/**
 * Adds a group of consecutive non-blank lines to `out` as paragraph blocks; hard-wrapped prose is re-joined. (A
 * top-level function, not a closure of `groupLines`: V8 would optimise a closure created per call again and again.)
 */
function addGroup(group: Line[], out: Array<Block & { level: number }>): void {
  if (group.length === 0) return;
  const texts = mapPacked(group, (l) => l.text.trim());
  const lens = mapPacked(texts, (t) => t.length);
  const body = lens.slice(0, -1);
  // Hard-wrapped: every line but the last is long-ish and of similar width, and does not end a sentence
  // on most lines (prose copied with line breaks every 60-100 characters).
  const wrapped =
    group.length >= 2 &&
    new Set(texts).size === texts.length &&
    !group.some((l) => l.item) &&
    body.every((n) => n >= 35 && n <= 110) &&
    maxOf(body) - minOf(body) <= 30 &&
    lens[lens.length - 1]! <= maxOf(body) + 5 &&
    texts.slice(0, -1).filter((t) => /[.!?”"]$/.test(t)).length <= body.length / 2;
  if (wrapped) out.push({ text: texts.join(' '), kind: 'body', level: 0 });
  else if (isWrappedColumn(texts) && !group.some((l) => l.item)) {
    // Several hard-wrapped paragraphs without blank lines between them: a short line ending a sentence
    // closes a paragraph, every other line continues it.
    // A line that ends a sentence and would have had room for the next line's first word was ended on purpose.
    const width = maxOf(lens);
    let para: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      para.push(t);
      const nextWord = (texts[i + 1] ?? '').split(/\s+/)[0] ?? '';
      if (/[.!?…"”’)]$/.test(t) && t.length + 1 + nextWord.length <= width) {
        out.push({ text: para.join(' '), kind: 'body', level: 0 });
        para = [];
      }
    }
    if (para.length) out.push({ text: para.join(' '), kind: 'body', level: 0 });
  } else for (const t of texts) if (t) out.push({ text: t, kind: 'body', level: 0 });
}

/** Groups lines into paragraph blocks: blank lines separate; hard-wrapped prose inside a group is re-joined. */
function groupLines(lines: Line[]): Array<Block & { level: number }> {
  const out: Array<Block & { level: number }> = [];
  let group: Line[] = [];
  for (const l of lines) {
    if (l.heading > 0 || l.blank) {
      addGroup(group, out);
      group = [];
      if (l.heading > 0) out.push({ text: l.text.trim(), kind: 'heading', level: l.heading });
    } else group.push(l);
  }
  addGroup(group, out);
  return out.filter((b) => collapse(b.text));
}

const DATE_LINE =
  /^(?:(?:published|updated|posted|last updated|first published|date|veröffentlicht|publié le|publicado)\s*(?:on|at)?\s*:?\s*)?(.{6,60})$/i;

/** Cleans plain text (`markdown` = also strip Markdown syntax). */
export function cleanText(input: string, markdown = false): TextResult {
  const meta = emptyMeta();
  const removed: RemovedBlock[] = [];
  const warnings: string[] = [];
  const lines = markdown ? markdownLines(input, meta, removed) : plainLines(input);
  let blocks = mapPacked(groupLines(lines), (b) => ({ ...b, text: collapse(b.text) }));

  // Header zone: title, byline and date lines before the first prose paragraph.
  const firstProse = blocks.findIndex((b) => b.kind === 'body' && isGoodProse(b.text) && !phraseReason(b.text));
  // The title is the first header line that is not a caption, credit or other furniture.
  let titleCandidate = -1;
  for (let i = 0; i < (firstProse < 0 ? Math.min(blocks.length, 3) : firstProse); i++) {
    const t = blocks[i]!.text;
    const dupOfNeighbour =
      keyOf(t) === keyOf(blocks[i + 1]?.text ?? '') || keyOf(t) === keyOf(blocks[i - 1]?.text ?? '');
    if (phraseReason(t) || dupOfNeighbour || isBylineLine(t) || isDateLine(t)) continue;
    titleCandidate = i;
    break;
  }
  const headerEnd = firstProse < 0 ? Math.min(blocks.length, 3) : firstProse;
  const headerDrop = new Set<number>();
  for (let i = 0; i < headerEnd; i++) {
    const b = blocks[i]!;
    const n = wordCount(b.text);
    if (
      !meta.title &&
      (b.level === 1 || (i === titleCandidate && b.kind === 'body' && n <= 25 && !/[.!?:;]$/.test(b.text) && n >= 2))
    ) {
      if (!phraseReason(b.text) && !CREDIT_SUFFIX.test(b.text)) {
        meta.title = b.text;
        headerDrop.add(i);
        removed.push({ text: b.text, reason: 'title' });
        continue;
      }
    }
    if (isBylineLine(b.text) && n <= 15) {
      // "By Jane Doe · 2 June 2026": the date part is the publication date.
      const [who, when] = b.text.split(/\s+[·•|–—]\s+/);
      meta.authors = parseAuthors(who ?? b.text);
      meta.byline = who ?? b.text;
      if (when && !meta.publishedAt) meta.publishedAt = parseDate(when);
      headerDrop.add(i);
      removed.push({ text: b.text, reason: 'byline' });
      continue;
    }
    const d = DATE_LINE.exec(b.text);
    const date = d && n <= 12 ? parseDate(d[1]) : null;
    if (date && !/[.!?]$/.test(b.text.replace(/\d\.?$/, ''))) {
      if (!meta.publishedAt && !/updated/i.test(b.text)) meta.publishedAt = date;
      headerDrop.add(i);
      removed.push({ text: b.text, reason: 'date' });
    }
  }
  if (meta.title && markdown) {
    // A Markdown h1 later in the header that repeats the front-matter title.
    const tk = keyOf(meta.title);
    blocks.forEach((b, i) => {
      if (i < headerEnd + 1 && b.level === 1 && keyOf(b.text) === tk && !headerDrop.has(i)) {
        headerDrop.add(i);
        removed.push({ text: b.text, reason: 'title' });
      }
    });
  }
  blocks = blocks.filter((_, i) => !headerDrop.has(i));
  const sel = selectMainContent(mapPacked(blocks, (b) => ({ text: b.text, kind: b.kind })));
  for (const r of sel.removed) removed.push(r);
  // In plain text, a short line without final punctuation between prose paragraphs is a sub-heading.
  const all = sel.kept;
  const kept = mapPacked(all, (b, i) => {
    if (markdown || b.kind === 'heading') return b;
    // Cheapest tests first (all are pure): most blocks are long prose.
    const heading =
      wordCount(b.text) <= 10 &&
      !/[.!?,;:"”’)]$/.test(b.text) &&
      /^[\p{Lu}\d]/u.test(b.text) &&
      i > 0 &&
      i < all.length - 1 &&
      isGoodProse(all[i + 1]!.text);
    return heading ? { ...b, kind: 'heading' as const } : b;
  });
  return { blocks: kept, meta, boilerplate: removed, warnings };
}
