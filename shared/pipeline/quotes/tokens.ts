/** Word tokens with offsets, over the masked text (a masked quote is one token `Q`). */
import { isAsciiAlnum, isAsciiLetter } from '../clean-chars.ts';
import { MASK } from './sentences.ts';

export interface Tok {
  s: number;
  e: number;
  /** Surface form; `Q` for a masked quote. */
  w: string;
  /** Lower-cased surface form. */
  l: string;
  kind: 'word' | 'punct' | 'quote';
  /** A word that starts with a capital letter. */
  cap: boolean;
}

const CAP_START = /^\p{Lu}/u;

const TOKEN_RE = new RegExp(
  `${MASK}+|(?:\\p{L}\\.){2,}|\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:[’'\\-.][\\p{L}\\p{N}]+)*(?:['’]s)?\\.?|\\p{N}[\\p{L}\\p{N}]*(?:[-–][\\p{L}\\p{N}]+)+|\\p{N}[\\p{N},.:]*\\p{N}|\\p{N}|[^\\s\\p{L}\\p{N}]`,
  'gu',
);

/**
 * Titles, abbreviations and initials that keep their trailing full stop, tested on the lower-cased word (a
 * case-insensitive Unicode pattern costs a fresh process about a millisecond more to compile).
 */
const KEEP_DOT =
  /^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|sgt|adm|maj|brig|cpl|pvt|cmdr|cdr|pfc|spc|supt|insp|det|st|jr|sr|rev|hon|del|sens|reps|ft|mt|u\.s|d\.c|(?:\p{L}\.)+\p{L}|\p{Ll})\.$/u;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A single character that is a letter or a digit (ASCII by its code, else by its Unicode class). */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiAlnum(code);
  return WORD_CHAR.test(c);
}

/** Whether a word starts with a capital (ASCII by its code, else by its Unicode class). */
function capStart(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (w.includes('-') && ARABIC_ARTICLE.test(w));
  return CAP_START.test(w);
}

/** A name with an Arabic article or a patronymic before its capital (`al-Hassan`, `el-Sisi`, `bin-Salman`). */
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|at|az|abu|abd|bin|ibn)-\p{Lu}/u;

/** TOKEN_RE anchored at `lastIndex`: the tokens the ASCII scan of `tokenize` does not take itself. */
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'uy');

/**
 * After an ASCII word, a character that no alternative of TOKEN_RE could continue through (not a letter, digit or
 * mark of any script, not `’ ' - .`): the word ends there.
 */
function endsAsciiWord(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return !isAsciiAlnum(code) && code !== 39 && code !== 45 && code !== 46;
  return code !== 0x2019 && !LETTER_MARK_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));
}

const LETTER_MARK_NUMBER = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * The tokens of `masked` in [lo, hi), exactly as `slice.matchAll(TOKEN_RE)` finds them: plain ASCII words and ASCII
 * marks are taken by a scan, everything else by TOKEN_RE from the same position.
 */
export function tokenize(masked: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  const slice = masked.slice(lo, hi);
  const n = slice.length;
  let i = 0;
  while (i < n) {
    const code = slice.charCodeAt(i);
    // ASCII whitespace
    if (code === 32 || (code >= 9 && code <= 13)) {
      i++;
      continue;
    }
    // a plain ASCII word: letters, then letters or digits, then a character that ends it
    if (isAsciiLetter(code)) {
      let j = i + 1;
      // (a word with no capital is its own lower-case form: most words, so toLowerCase is skipped for them)
      let upper = code <= 90;
      while (j < n) {
        const c = slice.charCodeAt(j);
        if (!isAsciiAlnum(c)) break;
        if (c >= 65 && c <= 90) upper = true;
        j++;
      }
      if (j === n || endsAsciiWord(slice, j)) {
        const w = slice.slice(i, j);
        out.push({ s: lo + i, e: lo + j, w, l: upper ? w.toLowerCase() : w, kind: 'word', cap: code <= 90 });
        i = j;
        continue;
      }
    } else if (code < 128 && !isAsciiAlnum(code)) {
      // an ASCII mark on its own
      const w = slice[i]!;
      out.push({ s: lo + i, e: lo + i + 1, w, l: w, kind: 'punct', cap: false });
      i++;
      continue;
    }
    TOKEN_AT.lastIndex = i;
    const m = TOKEN_AT.exec(slice);
    if (!m) {
      i++; // other whitespace
      continue;
    }
    i = TOKEN_AT.lastIndex;
    pushMatch(out, m[0], lo + m.index);
  }
  return out;
}

function pushMatch(out: Tok[], match: string, s: number): void {
  let w = match;
  {
    if (w[0] === MASK) {
      out.push({ s, e: s + w.length, w: 'Q', l: 'q', kind: 'quote', cap: false });
      return;
    }
    if (w.length > 1 && w.endsWith('.') && !KEEP_DOT.test(w.toLowerCase())) {
      w = w.slice(0, -1);
      out.push({ s, e: s + w.length, w, l: w.toLowerCase(), kind: 'word', cap: capStart(w) });
      out.push({ s: s + w.length, e: s + w.length + 1, w: '.', l: '.', kind: 'punct', cap: false });
      return;
    }
    // every token of two or more characters is a word (TOKEN_RE); a single character is one if it is a letter/digit
    const kind = w.length > 1 || isWordChar(w) ? 'word' : 'punct';
    out.push({ s, e: s + w.length, w, l: w.toLowerCase(), kind, cap: kind === 'word' && capStart(w) });
  }
}

/** The reference: every token by TOKEN_RE (what `tokenize` must give; used by the tests). */
export function tokenizeByRegex(masked: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  for (const m of masked.slice(lo, hi).matchAll(TOKEN_RE)) pushMatch(out, m[0], lo + m.index);
  return out;
}

/**
 * The tokens of the whole masked text, made once per article and sliced per sentence: a range gives exactly what
 * `tokenize(masked, lo, hi)` gives (a token is only reused when no token of the whole text crosses a range edge;
 * otherwise the range is tokenised on its own).
 */
export class TokenIndex {
  readonly all: Tok[];
  constructor(readonly masked: string) {
    this.all = tokenize(masked, 0, masked.length);
  }

  /** Index of the first token that ends after `pos`. */
  private firstEndingAfter(pos: number): number {
    let a = 0;
    let b = this.all.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.all[mid]!.e <= pos) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  private midCaps: Set<string> | undefined;

  /** Capitalised words the article uses inside a sentence (names, not just sentence openers); built on first use. */
  capitalisedMidSentence(): ReadonlySet<string> {
    if (!this.midCaps) {
      this.midCaps = new Set();
      for (let i = 1; i < this.all.length; i++) {
        const t = this.all[i]!;
        const prev = this.all[i - 1]!;
        if (t.cap && prev.kind === 'word' && !this.masked.slice(prev.e, t.s).includes('\n'))
          this.midCaps.add(t.w.replace(/['’]s$/, ''));
      }
    }
    return this.midCaps;
  }

  range(lo: number, hi: number): Tok[] {
    const a = this.firstEndingAfter(lo);
    const b = this.firstEndingAfter(hi);
    const first = this.all[a];
    const edge = this.all[b];
    if ((first && first.s < lo) || (edge && edge.s < hi)) return tokenize(this.masked, lo, hi);
    return this.all.slice(a, b);
  }
}

export function isCap(t: Tok | undefined): boolean {
  return t?.cap === true;
}
