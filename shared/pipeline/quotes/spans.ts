/**
 * Quote-mark spans: which regions of a text sit between quotation marks.
 *
 * Handles straight and curly double quotes, doubled apostrophes (''), guillemets, low-9 quotes, curly single
 * quotes outside double quotes, straight single quotes in headline-like paragraphs, nested quotes, mis-curled marks
 * (direction is read from the surrounding characters when the glyph disagrees with it) and unbalanced marks: a quote
 * never runs past the end of its paragraph, so one stray mark cannot swallow the rest of the article.
 */
import { isJsSpace } from '../clean-chars.ts';
import type { Span } from '../types.ts';

export interface QuoteSpan extends Span {
  /** Offset of the opening mark. */
  outerStart: number;
  /** Offset just after the closing mark (or the paragraph end when unclosed). */
  outerEnd: number;
  /** Index of the paragraph (see {@link paragraphSpans}). */
  paragraph: number;
  /** No closing mark before the paragraph end. */
  unclosed: boolean;
  /** Opens a paragraph right after a paragraph whose last quote was left open (a multi-paragraph quote). */
  continues: boolean;
  /** `double` for “…”, "…", ''…'', ‘‘…’’, ``…'', «…»; `single` for ‘…’ and headline '…'. */
  family: 'double' | 'single';
}

/** Paragraphs: runs of text between line breaks (a single newline also ends a paragraph). */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

type Role = 'open' | 'close' | 'either';
type Kind = 'curly' | 'straight' | 'guillemet';

interface Mark {
  at: number;
  len: number;
  role: Role;
  kind: Kind;
}

const WS = /\s/;
const OPEN_CTX = /[\s([{\u2014\u2013/-]/;
const CLOSE_CTX = /[\s.,;:!?)\]}\u2014\u2013\u2026-]/;

function isWs(c: string | undefined): boolean {
  return c === undefined || WS.test(c);
}

/** Direction a mark can have from its neighbours. */
function contextRole(text: string, at: number, len: number, lo: number, hi: number): Role | 'none' {
  const prev = at > lo ? text[at - 1] : undefined;
  const next = at + len < hi ? text[at + len] : undefined;
  const leftOpen = prev === undefined || OPEN_CTX.test(prev) || /[“‘"«„]/.test(prev);
  const rightClose = next === undefined || CLOSE_CTX.test(next) || /[”’"»]/.test(next);
  // a mark with a space on both sides after a sentence's end, before a capital (`… Ruiz. " You people …`): a
  // mistyped opening mark
  if (
    isWs(prev) &&
    next !== undefined &&
    isWs(next) &&
    /[.!?:]/.test(text[at - 2] ?? '.') &&
    /\p{Lu}/u.test(text[at + len + 1] ?? '')
  )
    return 'open';
  const canOpen = leftOpen && !isWs(next);
  const canClose = !isWs(prev) || rightClose;
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (canOpen && canClose) return 'either';
  return 'none';
}

function inTag(text: string, at: number, lo: number): boolean {
  const before = text.slice(Math.max(lo, at - 2000), at);
  const lt = before.lastIndexOf('<');
  if (lt < 0) return false;
  return before.lastIndexOf('>') < lt && /^<\/?[a-zA-Z][\w-]*/.test(before.slice(lt, lt + 20));
}

function doubleMarks(text: string, lo: number, hi: number): Mark[] {
  const marks: Mark[] = [];
  const hasTags = text.slice(lo, hi).includes('<');
  for (let i = lo; i < hi; i++) {
    // most characters are no mark: skip them on their code (" ' ` « » and ‘ ’ ‚ ‛ “ ” „ ‟)
    const code = text.charCodeAt(i);
    if (
      code !== 0x22 &&
      code !== 0x27 &&
      code !== 0x60 &&
      code !== 0xab &&
      code !== 0xbb &&
      (code < 0x2018 || code > 0x201f)
    )
      continue;
    const c = text[i];
    let len = 1;
    let kind: Kind;
    let glyph: Role;
    if (c === '“' || c === '„' || c === '‟') {
      kind = 'curly';
      glyph = 'open';
    } else if (c === '”') {
      kind = 'curly';
      glyph = 'close';
    } else if (c === '«') {
      kind = 'guillemet';
      glyph = 'open';
    } else if (c === '»') {
      kind = 'guillemet';
      glyph = 'close';
    } else if (c === '"') {
      kind = 'straight';
      glyph = 'either';
    } else if (c === "'" && text[i + 1] === "'") {
      kind = 'straight';
      glyph = 'either';
      len = 2;
    } else if ((c === '‘' || c === '’') && text[i + 1] === c) {
      // two single marks typed for a double one (`‘‘…’’`, or `“…’’`)
      kind = 'curly';
      glyph = c === '‘' ? 'open' : 'close';
      len = 2;
    } else if (c === '`' && text[i + 1] === '`') {
      // two backticks open a quote that two straight single marks close (``…'')
      kind = 'straight';
      glyph = 'open';
      len = 2;
    } else continue;
    if (hasTags && inTag(text, i, lo)) {
      i += len - 1;
      continue;
    }
    const ctx = contextRole(text, i, len, lo, hi);
    let role: Role;
    if (kind === 'guillemet') role = glyph;
    else if (glyph === 'either') role = ctx === 'none' ? 'either' : ctx;
    else if (ctx === 'open' || ctx === 'close') role = ctx;
    else role = glyph;
    marks.push({ at: i, len, role, kind });
    i += len - 1;
  }
  return marks;
}

interface RawSpan {
  outerStart: number;
  contentStart: number;
  contentEnd: number;
  outerEnd: number;
  unclosed: boolean;
  family: 'double' | 'single';
}

/** The next mark of `kind` after index k opens a quote. */
function nextOfKindOpens(marks: Mark[], k: number, kind: Kind): boolean {
  for (let x = k + 1; x < marks.length; x++) if (marks[x]!.kind === kind) return marks[x]!.role === 'open';
  return false;
}

function pairDouble(text: string, marks: Mark[], hi: number): RawSpan[] {
  const out: RawSpan[] = [];
  // lastCloser[kind] = index of the last mark of that kind that can close
  const lastCloser = new Map<Kind, number>();
  marks.forEach((m, k) => {
    if (m.role !== 'open') lastCloser.set(m.kind, k);
  });
  let open: Mark | null = null;
  let nested: Kind | null = null;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (!open) {
      if (m.role === 'open' || m.role === 'either') open = m;
      continue;
    }
    if (nested) {
      // inside a nested quote of another kind: only its own closing mark ends it
      if (m.kind === nested && m.role !== 'open') nested = null;
      continue;
    }
    if (m.kind !== open.kind) {
      // another kind of mark inside an open quote: a nested quote, or a mixed pair ("…” ) closing it
      if (m.role === 'open') {
        nested = m.kind;
        continue;
      }
      const laterOwn = (lastCloser.get(open.kind) ?? -1) > k;
      // (a sure closer of the other kind closes this one when the next mark of either kind opens a new quote: `"I
      // asked who approved this?” said Quill. "And he said …"`, `“When it all comes out," he said, "people …”`)
      const mixedPair =
        m.role === 'close' && (nextOfKindOpens(marks, k, open.kind) || nextOfKindOpens(marks, k, m.kind));
      if (laterOwn && !mixedPair) {
        if (m.role === 'either') nested = m.kind;
        continue;
      }
    }
    if (m.role === 'close' || m.role === 'either' || m.kind !== open.kind) {
      out.push({
        outerStart: open.at,
        contentStart: open.at + open.len,
        contentEnd: m.at,
        outerEnd: m.at + m.len,
        unclosed: false,
        family: 'double',
      });
      open = null;
      continue;
    }
    // an opening mark of the same kind while a quote is open, followed by two closing marks of that kind before any
    // other opening one: a nested quote in the same marks (“I’d rather live in what he calls “hell” than …”)
    const after: Mark[] = [];
    for (let x = k + 1; x < marks.length && after.length < 2; x++) if (marks[x]!.kind === m.kind) after.push(marks[x]!);
    if (after.length === 2 && after[0]!.role === 'close' && after[1]!.role === 'close') {
      nested = m.kind;
      continue;
    }
    // otherwise the closing mark is missing; end the open quote before this one and start again
    let e = m.at;
    while (e > open.at + open.len && WS.test(text[e - 1] ?? '')) e--;
    out.push({
      outerStart: open.at,
      contentStart: open.at + open.len,
      contentEnd: e,
      outerEnd: e,
      unclosed: true,
      family: 'double',
    });
    open = m;
  }
  if (open) {
    out.push({
      outerStart: open.at,
      contentStart: open.at + open.len,
      contentEnd: hi,
      outerEnd: hi,
      unclosed: true,
      family: 'double',
    });
  }
  return out;
}

/**
 * A closing single mark after `from` in the paragraph, before any mark that opens a new quote: one right after
 * sentence punctuation (`… will say.’`), not followed by a letter.
 */
function laterCloser(text: string, c: string, from: number, hi: number): boolean {
  for (let x = text.indexOf(c, from); x >= 0 && x < hi; x = text.indexOf(c, x + 1)) {
    const before = text[x - 1] ?? ' ';
    const after = text[x + 1] ?? ' ';
    if (isWs(before) && /\p{L}/u.test(after)) return false;
    if (/[,.!?…;:]/.test(before) && !/\p{L}/u.test(after)) return true;
  }
  return false;
}

/** Curly single quotes (‘…’) and, in headline-like paragraphs, straight single quotes ('…'). */
function singleSpans(text: string, lo: number, hi: number, headline: boolean, taken: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  // the offsets the double-mark spans cover, built on first use: most paragraphs have no single mark to test (a typed
  // array per paragraph was 2 % of the quote stage)
  let covered: Uint8Array | null = null;
  const inside = (i: number) => {
    if (!covered) {
      covered = new Uint8Array(hi - lo);
      for (const t of taken) covered.fill(1, Math.max(0, t.outerStart - lo), Math.max(0, t.outerEnd - lo));
    }
    return covered[i - lo] === 1;
  };
  const pairs: Array<[string, string]> = [['‘', '’']];
  if (headline) pairs.push(["'", "'"]);
  // search inside the paragraph only (indexOf on the whole text would make long articles quadratic)
  const para = text.slice(lo, hi);
  const find = (ch: string, from: number) => {
    const x = para.indexOf(ch, from - lo);
    return x < 0 ? -1 : x + lo;
  };
  for (const [o, c] of pairs) {
    let i = lo;
    while (i < hi) {
      const a = find(o, i);
      if (a < 0 || a >= hi) break;
      i = a + 1;
      if (inside(a)) continue;
      const prev = a > lo ? text[a - 1] : undefined;
      const next = text[a + 1];
      if (!(prev === undefined || OPEN_CTX.test(prev) || prev === '"' || prev === '“')) continue;
      if (next === undefined || !/\p{L}/u.test(next)) continue;
      // find the closing mark: followed by a non-letter, preceded by a non-space
      let b = find(c, a + 2);
      while (b >= 0 && b < hi) {
        const after = text[b + 1];
        const before = text[b - 1];
        if (!isWs(before) && (b + 1 >= hi || !/\p{L}/u.test(after ?? ''))) {
          // a plural possessive (`the inspectors’ report`) is an apostrophe when a later mark closes the quote
          const possessive = before === 's' && after === ' ' && /\p{Ll}/u.test(text[b + 2] ?? '');
          if (!possessive || !laterCloser(text, c, b + 1, hi)) break;
        }
        b = find(c, b + 1);
      }
      if (b < 0 || b >= hi) continue;
      const content = text.slice(a + 1, b);
      if (!/\s/.test(content) && content.length < 3) continue;
      if (inside(b)) continue;
      out.push({
        outerStart: a,
        contentStart: a + 1,
        contentEnd: b,
        outerEnd: b + 1,
        unclosed: false,
        family: 'single',
      });
      i = b + 1;
    }
  }
  return out;
}

/** A straight single-quoted sentence or clause: `'We won't wait,' she said` (apostrophes inside are allowed). */
const STRAIGHT_SINGLE_QUOTE =
  /(?:^|[\s(—–])'\p{L}(?:[^'\n]|(?<=\p{L})'(?=\p{L})|(?<=s)'(?= \p{Ll})){0,600}?[,.!?]'(?=[\s)—–]|$)/gmu;

/**
 * Whether the article writes its quotes in straight single marks (plain text typed in the British style): no double
 * marks anywhere, and at least two single-quoted sentences or clauses. Then straight singles are quote marks in
 * every paragraph, not only in headlines.
 */
function usesStraightSingles(text: string): boolean {
  if (/["“”«»„]/.test(text) || !text.includes("'")) return false;
  let n = 0;
  STRAIGHT_SINGLE_QUOTE.lastIndex = 0;
  while (STRAIGHT_SINGLE_QUOTE.exec(text) !== null) if (++n >= 2) return true;
  return false;
}

function isHeadlineLike(text: string, p: Span, index: number): boolean {
  // more than 25 words (25 runs of whitespace or more), counted without splitting the paragraph
  if (whitespaceRuns(text, p.start, p.end, 25) >= 25) return false;
  if (index === 0) return true;
  return !/[.!?]["”’]?$/.test(text.slice(Math.max(p.start, p.end - 2), p.end));
}

/** Runs of whitespace in text[start, end), counted up to `limit`. */
function whitespaceRuns(text: string, start: number, end: number, limit: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = start; i < end && runs < limit; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

/** All quoted regions of `text`, in order. Content offsets exclude the marks and surrounding whitespace. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const paras = paragraphSpans(text);
  const out: QuoteSpan[] = [];
  let prevUnclosed = false;
  const straightSingles = usesStraightSingles(text);
  paras.forEach((p, pi) => {
    const raw = pairDouble(text, doubleMarks(text, p.start, p.end), p.end);
    raw.push(...singleSpans(text, p.start, p.end, straightSingles || isHeadlineLike(text, p, pi), raw));
    raw.sort((a, b) => a.outerStart - b.outerStart);
    let lastUnclosed = false;
    for (const r of raw) {
      let s = r.contentStart;
      let e = r.contentEnd;
      while (s < e && WS.test(text[s] ?? '')) s++;
      while (e > s && WS.test(text[e - 1] ?? '')) e--;
      if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) continue;
      out.push({
        start: s,
        end: e,
        outerStart: r.outerStart,
        outerEnd: r.outerEnd,
        paragraph: pi,
        unclosed: r.unclosed,
        continues: prevUnclosed && r.outerStart === p.start,
        family: r.family,
      });
      lastUnclosed = r.unclosed && r.contentEnd === p.end;
    }
    prevUnclosed = lastUnclosed;
  });
  return out;
}
