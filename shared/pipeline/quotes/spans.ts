/**
 * Quote-mark spans: which regions of a text sit between quotation marks.
 *
 * Handles straight and curly double quotes, doubled apostrophes (''), guillemets, low-9 quotes, curly single
 * quotes outside double quotes, straight single quotes where they quote (see {@link findQuoteSpans}), nested quotes,
 * mis-curled marks (direction is read from the surrounding characters when the glyph disagrees with it) and
 * unbalanced marks: a quote never runs past the end of its paragraph, so one stray mark cannot swallow the rest of the
 * article (a quote in single marks goes on into the next paragraph only when that one opens with the same mark).
 */
import { isJsSpace } from '../clean-chars.ts';
import type { Span } from '../types.ts';
import { CUE_FORM_TO_LEMMA, WEAK_CUES } from './lexicon.ts';

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
  /** `double` for “…”, "…", ''…'', ‘‘…’’, ``…'', «…»; `single` for ‘…’ and '…'. */
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

/** Single-mark spans of one paragraph, and where a quote that no mark closes opens (-1 when none). */
interface SinglePairs {
  spans: RawSpan[];
  /** An opening mark with no closing one after it in the paragraph. */
  unclosedAt: number;
}

const LETTER = /\p{L}/u;

/** Offsets of `ch` in text[lo, hi), searched in the paragraph only (indexOf on the whole text would be quadratic). */
function offsetsOf(para: string, lo: number, ch: string): number[] {
  const out: number[] = [];
  for (let x = para.indexOf(ch); x >= 0; x = para.indexOf(ch, x + 1)) out.push(x + lo);
  return out;
}

/**
 * For each closing-glyph mark at `at[k]`, the index of the first mark from k on that can close a quote (at.length
 * when none): one after a non-space and before a non-letter, unless it is a plural possessive (`the inspectors’
 * report`) and a later mark closes the quote (one right after sentence punctuation, `… will say.’`, before any mark
 * that opens a new one). Built from the right, so the pairing stays linear on a paragraph of stray apostrophes.
 */
function closerIndex(text: string, at: number[], hi: number): Int32Array {
  const next = new Int32Array(at.length + 1).fill(at.length);
  // whether a later mark closes the quote before any mark opens a new one
  let laterCloses = false;
  for (let k = at.length - 1; k >= 0; k--) {
    const b = at[k]!;
    const before = text[b - 1] ?? ' ';
    const after = b + 1 < hi ? (text[b + 1] ?? ' ') : ' ';
    const candidate = !isWs(before) && !LETTER.test(after);
    const possessive = before === 's' && after === ' ' && /\p{Ll}/u.test(text[b + 2] ?? '');
    next[k] = candidate && !(possessive && laterCloses) ? k : next[k + 1]!;
    if (isWs(before) && LETTER.test(after)) laterCloses = false;
    else if (/[,.!?…;:]/.test(before) && !LETTER.test(after)) laterCloses = true;
  }
  return next;
}

/**
 * Pairs of the single marks `o` … `c` in text[lo, hi) outside the double-mark spans (`inside`): an opening mark after
 * a space or a bracket and before a letter, closed by the first mark that can close (see {@link closerIndex}).
 */
function pairSingles(
  text: string,
  para: string,
  lo: number,
  hi: number,
  o: string,
  c: string,
  inside: (i: number) => boolean,
): SinglePairs {
  const spans: RawSpan[] = [];
  let unclosedAt = -1;
  const closers = offsetsOf(para, lo, c);
  const openers = o === c ? closers : offsetsOf(para, lo, o);
  const next = closerIndex(text, closers, hi);
  let j = 0;
  let i = lo;
  for (const a of openers) {
    if (a < i || inside(a)) continue;
    const prev = a > lo ? text[a - 1] : undefined;
    const nextCh = text[a + 1];
    if (!(prev === undefined || OPEN_CTX.test(prev) || prev === '"' || prev === '“')) continue;
    if (nextCh === undefined || !LETTER.test(nextCh)) continue;
    while (j < closers.length && closers[j]! < a + 2) j++;
    const k = next[j]!;
    if (k >= closers.length) {
      if (unclosedAt < 0) unclosedAt = a;
      continue;
    }
    const b = closers[k]!;
    const content = text.slice(a + 1, b);
    if (!/\s/.test(content) && content.length < 3) continue;
    if (inside(b)) continue;
    spans.push({
      outerStart: a,
      contentStart: a + 1,
      contentEnd: b,
      outerEnd: b + 1,
      unclosed: false,
      family: 'single',
    });
    i = b + 1;
  }
  return { spans, unclosedAt };
}

/** Single-mark spans of one paragraph: curly ones (‘…’), and straight ones ('…') found apart. */
interface ParagraphSingles {
  /** Curly single spans, and straight ones when the paragraph takes them all (a headline, a single-mark article). */
  sure: RawSpan[];
  /** Straight single spans of body text, to keep when they are quoted speech (see {@link findQuoteSpans}). */
  straight: RawSpan[];
  /** Where a quote in single marks opens that the paragraph does not close (-1 when none). */
  unclosedAt: number;
  /** ... and whether its marks are straight ones. */
  unclosedStraight: boolean;
}

/** Curly single quotes (‘…’) and straight single quotes ('…'), the latter kept as `sure` in headline-like paragraphs. */
function singleSpans(text: string, lo: number, hi: number, headline: boolean, taken: RawSpan[]): ParagraphSingles {
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
  const para = text.slice(lo, hi);
  const curly = para.includes('‘') ? pairSingles(text, para, lo, hi, '‘', '’', inside) : null;
  const straight = para.includes("'") ? pairSingles(text, para, lo, hi, "'", "'", inside) : null;
  const sure = curly?.spans ?? [];
  if (headline && straight) sure.push(...straight.spans);
  const curlyOpen = curly?.unclosedAt ?? -1;
  const straightOpen = straight?.unclosedAt ?? -1;
  return {
    sure,
    straight: headline ? [] : (straight?.spans ?? []),
    unclosedAt: Math.max(curlyOpen, straightOpen),
    unclosedStraight: straightOpen > curlyOpen,
  };
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

/** Speech verbs that attribute a quoted clause next to them (not the weak ones: `called`, `cited`). */
function isCueWord(word: string): boolean {
  const w = word.toLowerCase();
  return CUE_FORM_TO_LEMMA.has(w) && !WEAK_CUES.has(CUE_FORM_TO_LEMMA.get(w)!);
}

/** Words that open a clause of their own after a quote. */
const CLAUSE_LINK =
  /^(?:and|but|or|nor|so|yet|because|while|when|whereas|if|although|though|then|until|unless|since)$/i;

/** Words written with an apostrophe for their first letters (`'til`, `'em`): no opening mark. */
const ELIDED = /^(?:til|tis|twas|em|cause|cos|bout|round|n|nuff|kay)$/i;

/**
 * A straight single span shaped like a quote: closed right after clause or sentence punctuation (`'We won't wait,'`,
 * `'It is over.'`), or with the punctuation after the closing mark (`'We won't wait', she said`, `called it 'a
 * disgrace'.`) when the opening mark does not elide a word's first letters (`'til the Joneses'.`).
 */
function quoteShaped(text: string, r: RawSpan): boolean {
  if (/[,.!?…]/.test(text[r.contentEnd - 1] ?? '')) return true;
  if (!/[,.!?;:]/.test(text[r.outerEnd] ?? '')) return false;
  return !ELIDED.test(/^\p{L}+/u.exec(text.slice(r.contentStart, r.contentStart + 8))?.[0] ?? '');
}

/**
 * A quoted clause attributed where a speaker's words are: a speech verb within eight words after the closing mark in
 * its sentence (`'…,' she said`, `'…,' said Ana Ruiz`, `'…,' the coach told reporters`), or a colon or a speech verb
 * and a comma right before the opening mark (`Ruiz said: '…'`, `She added, '…'`). The windows are bounded: linear in the text.
 */
function attributedClause(text: string, r: RawSpan, lo: number, hi: number): boolean {
  // (an apostrophe after a letter goes on: `'…,' the club's coach said`)
  const after = /^(?:[^.!?;"“”'‘’\n]|(?<=\p{L})['’])*/u.exec(
    text.slice(r.outerEnd, Math.min(hi, r.outerEnd + 120)),
  )![0];
  const words = after.match(/\p{L}+/gu) ?? [];
  for (let k = 0; k < words.length && k < 8; k++) {
    // a clause of its own after the quote (`'Hey Jude,' and the crowd sang`): no attribution
    if (CLAUSE_LINK.test(words[k]!)) break;
    if (isCueWord(words[k]!)) return true;
  }
  const before = text.slice(Math.max(lo, r.outerStart - 40), r.outerStart);
  if (/\p{L}\s*:\s*$/u.test(before)) return true;
  const last = /(\p{L}+),\s*$/u.exec(before);
  return last !== null && isCueWord(last[1]!);
}

/** The paragraph `p` opens with the opening single mark `o` before a letter (a multi-paragraph quote goes on). */
function opensWith(text: string, p: Span | undefined, o: string): boolean {
  return p !== undefined && text[p.start] === o && /\p{L}/u.test(text[p.start + 1] ?? '');
}

/**
 * All quoted regions of `text`, in order. Content offsets exclude the marks and surrounding whitespace.
 *
 * Straight single marks are apostrophes as often as quote marks. They quote in headline-like paragraphs, in an
 * article that writes every quote in them (no double marks: {@link usesStraightSingles}), and otherwise where they
 * quote a clause or phrase (`'…,'`, `'….'`, `'…'.`: {@link quoteShaped}) in an article where at least one such span
 * is attributed to a speaker ({@link attributedClause}): an article that quotes speech in single marks and uses
 * double ones for scare quotes.
 * A quote in single marks that its paragraph leaves open goes on when the next paragraph opens with the same mark.
 * Double-mark spans inside a single-mark span are quotes inside that quote, not quotes of their own.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const paras = paragraphSpans(text);
  const out: QuoteSpan[] = [];
  const straightSingles = usesStraightSingles(text);
  const found = paras.map((p, pi) => {
    const raw = pairDouble(text, doubleMarks(text, p.start, p.end), p.end);
    return { raw, singles: singleSpans(text, p.start, p.end, straightSingles || isHeadlineLike(text, p, pi), raw) };
  });
  const speechInSingles =
    straightSingles ||
    found.some((f, pi) =>
      f.singles.straight.some(
        (r) => quoteShaped(text, r) && attributedClause(text, r, paras[pi]!.start, paras[pi]!.end),
      ),
    );
  let prevUnclosed = false;
  paras.forEach((p, pi) => {
    const { raw: doubles, singles } = found[pi]!;
    const raw = [...doubles, ...singles.sure];
    if (speechInSingles) for (const r of singles.straight) if (quoteShaped(text, r)) raw.push(r);
    const o = singles.unclosedStraight ? "'" : '‘';
    const a = singles.unclosedAt;
    if (
      a >= 0 &&
      (speechInSingles || !singles.unclosedStraight) &&
      opensWith(text, paras[pi + 1], o) &&
      !ELIDED.test(/^\p{L}+/u.exec(text.slice(a + 1, a + 9))?.[0] ?? '') &&
      (a === p.start || /[.!?:,;…]['’]?\s+$/.test(text.slice(Math.max(p.start, a - 4), a)))
    )
      raw.push({
        outerStart: a,
        contentStart: a + 1,
        contentEnd: p.end,
        outerEnd: p.end,
        unclosed: true,
        family: 'single',
      });
    raw.sort((x, y) => x.outerStart - y.outerStart);
    let lastUnclosed = false;
    let singleEnd = -1;
    for (const r of raw) {
      // a double-mark span inside a single-mark one: a quote inside that quote
      if (r.family === 'double' && r.outerEnd <= singleEnd) continue;
      if (r.family === 'single') singleEnd = Math.max(singleEnd, r.outerEnd);
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
