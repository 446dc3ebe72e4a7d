/**
 * Tokenizer and sentence splitter with character offsets (JS string indices, half-open).
 *
 * Tokens follow the Penn-Treebank-like conventions of the CoNLL-2003 / Reuters data the entity model was trained on:
 * clitics are split (`Mali's` → `Mali` `'s`, `don't` → `do` `n't`), hyphenated words and numbers stay whole
 * (`al-Qaida`, `26-year-old`, `1996-08-30`, `6-4`), abbreviations keep their period (`U.S.`, `Capt.`, `Inc.`),
 * punctuation is one token per mark (`...` and `--` excepted). Pure and deterministic.
 */

import { isAsciiAlnum, isAsciiLetter } from './clean-chars.ts';

export interface Token {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

/** Lower-cased abbreviations that keep their trailing period (titles, corporate suffixes, months, misc). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'capt',
  'col',
  'gen',
  'lt',
  'maj',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'cdr',
  'gov',
  'sen',
  'rep',
  'rev',
  'fr',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'st',
  'ste',
  'mt',
  'ft',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'bros',
  'assn',
  'dept',
  'univ',
  'vs',
  'etc',
  'no',
  'nos',
  'vol',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ave',
  'blvd',
  'rd',
  'approx',
  'est',
  'fig',
  'al',
]);

/** Capitalised abbreviations (US states, AP style) that keep their trailing period; case-sensitive. */
export const CAPITALISED_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo Gov Sen Rep Rev'.split(
    ' ',
  ),
);

/** Clitics split off the end of a word (after an apostrophe). */
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);

// One alternative per kind of token; order matters. Plain strings, not regex literals: each literal would be
// parsed and built at load only to read its source (Unicode property classes make that cost milliseconds).
const TOKEN_RE = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"“”]+[^\s<>"“”.,;:!?)'’]`, // URL
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`, // e-mail
    String.raw`(?:\p{L}\.){2,}(?:-[\p{L}\p{M}\p{N}]+)*`, // U.S. a.m. U.S.-led
    String.raw`\p{N}[\p{N}]*(?:[.,:/-]\p{N}+)*(?:-?[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)?`, // 1996-08-30 6-4 20,000 3.5 26-year-old 15th
    String.raw`[A-Z]{1,2}\$`, // C$ A$ US$
    String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*`, // words, hyphenated, O'Brien, Mali's, AT&T
    String.raw`\.{2,}|…|-{2,}|[–—]+`, // ellipsis, dashes
    String.raw`[^\s\p{L}\p{M}\p{N}]`, // any other single mark
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
  'gu',
);

const LETTER_RE = /[\p{L}]/u;

/** Index of the last `'` or `’` in `w`, or -1 (a loop: two `lastIndexOf` calls cost a third of tokenizing). */
function lastApostrophe(w: string): number {
  for (let i = w.length - 1; i >= 0; i--) {
    const c = w.charCodeAt(i);
    if (c === 39 || c === 0x2019) return i;
  }
  return -1;
}

function pushWord(out: Token[], w: string, start: number, end: number): void {
  const ap = lastApostrophe(w);
  if (ap < 0) {
    // no apostrophe: no clitic to split off
    out.push({ text: w, start, end });
    return;
  }
  // n't
  const lower = w.toLowerCase();
  if (w.length > 3 && (lower.endsWith("n't") || lower.endsWith('n’t'))) {
    out.push({ text: w.slice(0, -3), start, end: end - 3 });
    out.push({ text: w.slice(-3), start: end - 3, end });
    return;
  }
  if (ap > 0 && CLITICS.has(lower.slice(ap + 1))) {
    out.push({ text: w.slice(0, ap), start, end: start + ap });
    out.push({ text: w.slice(ap), start: start + ap, end });
    return;
  }
  out.push({ text: w, start, end });
}

// Fast paths of `tokenize`. Most tokens of news text are plain ASCII words and single marks; finding each with
// TOKEN_RE means trying its URL, e-mail, abbreviation and number alternatives first at every token. The scan below
// takes those tokens itself when no other alternative could match there, and asks TOKEN_RE for everything else.

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Marks that TOKEN_RE only ever matches alone (its last alternative): no other alternative starts with them. (Not
 * `.` `-` `_` `%` `+`, which may start an e-mail address, an ellipsis or a dash; not `–` `—`, which run together.)
 */
const SINGLE_MARKS = new Set([...',;:!?"\'()[]{}/\\*#&=<>|~^`$@“”‘’'].map((c) => c.charCodeAt(0)));
/** ASCII characters after which a run of letters and digits may continue as another TOKEN_RE alternative. */
const NOT_PLAIN_WORD_STOPS = new Set([...".-_%+@:$'&"].map((c) => c.charCodeAt(0)));
/** Non-ASCII characters that end a plain word: neither letters, marks nor numbers, nor a `’` joining words. */
const PLAIN_WORD_STOPS = new Set([0x00a0, 0x2013, 0x2014, 0x2018, 0x201c, 0x201d, 0x2026]);

/**
 * End of the token starting with the ASCII letter at `p` when it is a plain word (ASCII letters and digits) that
 * TOKEN_RE would match with its word alternative, else -1. A run of ASCII letters and digits can only be matched
 * otherwise when the character after it is one of NOT_PLAIN_WORD_STOPS (URL, e-mail, `C$`, `O'Brien`, `AT&T`, …)
 * or a non-ASCII letter, mark or number; a `.` after it is fine unless an e-mail address or `U.S.` could follow.
 */
function plainWordEnd(text: string, p: number): number {
  let j = p + 1;
  while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
  if (j === text.length) return j;
  const c = text.charCodeAt(j);
  if (c < 128) {
    if (c === 46 /* . */) return j > p + 1 && !emailAhead(text, j) ? j : -1;
    return NOT_PLAIN_WORD_STOPS.has(c) ? -1 : j;
  }
  return PLAIN_WORD_STOPS.has(c) ? j : -1;
}

/** Could TOKEN_RE's e-mail alternative match through the `.` at `j`? (ASCII `[\w.%+-]` up to an `@` or non-ASCII.) */
function emailAhead(text: string, j: number): boolean {
  for (let k = j; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isAsciiAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45) continue;
    return c === 64 /* @ */ || c >= 128;
  }
  return false;
}

/** Split `text` into tokens with offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let p = 0;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (isAsciiSpace(c)) {
      p++;
      continue;
    }
    const plainEnd = isAsciiLetter(c) ? plainWordEnd(text, p) : SINGLE_MARKS.has(c) ? p + 1 : -1;
    if (plainEnd > 0) {
      p = addMatch(out, text, p, text.slice(p, plainEnd));
      continue;
    }
    TOKEN_RE.lastIndex = p;
    const m = TOKEN_RE.exec(text);
    if (m === null) break;
    p = addMatch(out, text, m.index, m[0]);
  }
  return out;
}

/** Add the token(s) of a TOKEN_RE match at `start`; returns where the next match may start. */
function addMatch(out: Token[], text: string, start: number, match: string): number {
  let end = start + match.length;
  const first = match.charCodeAt(0);
  const isLetterStart =
    first < 0x80 ? (first >= 65 && first <= 90) || (first >= 97 && first <= 122) : LETTER_RE.test(match[0] ?? '');
  if (isLetterStart && match.length > 0) {
    // An abbreviation keeps its period: single capital (`M.`), known abbreviation (`Capt.`), `U.S.` already has it.
    if (text.charCodeAt(end) === 46 /* . */ && text.charCodeAt(end + 1) !== 46) {
      const w = match;
      const single = w.length === 1 && first >= 65 && first <= 90;
      // ... unless the period ends the line (or the text): then it ends the sentence (`works for Acme Corp.`)
      const rest = text.slice(end + 1, end + 40);
      const endsLine = /^["'”’)]?[ \t]*(?:\r?\n|$)/.test(rest);
      if (!endsLine && (single || ABBREVIATIONS.has(w.toLowerCase()) || CAPITALISED_ABBREVIATIONS.has(w))) {
        end += 1;
        out.push({ text: text.slice(start, end), start, end });
        return end;
      }
    }
    if (match.charCodeAt(match.length - 1) !== 46 /* . */) {
      pushWord(out, match, start, end);
      return end;
    }
  }
  out.push({ text: match, start, end });
  return end;
}

const TERMINATORS = new Set(['.', '!', '?', '...', '…']);
const QUOTES = new Set(['"', '”', "'", '’']);
const CLOSERS = new Set(['"', "'", '’', '”', ')', ']', '»']);

/** Is there a line break in text[from, to)? */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function isUpperStart(s: string): boolean {
  const c = s[0] ?? '';
  return c !== c.toLowerCase() || /[\p{N}"“‘'([«]/u.test(c);
}

/**
 * Group tokens into sentences: a line break always ends a sentence; `.`/`!`/`?` (plus closing quotes or brackets
 * glued to it) end one when the next token starts with a capital, a digit or an opening quote.
 */
export function splitSentences(text: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const out: Sentence[] = [];
  let cur: Token[] = [];
  const flush = (): void => {
    const first = cur[0];
    const last = cur[cur.length - 1];
    if (first && last) out.push({ start: first.start, end: last.end, tokens: cur });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prev = cur[cur.length - 1];
    if (prev && hasNewline(text, prev.end, tok.start)) flush();
    cur.push(tok);
    const endsWithPeriodAbbrev = tok.text.length > 1 && tok.text.endsWith('.') && !TERMINATORS.has(tok.text);
    if (!TERMINATORS.has(tok.text) && !endsWithPeriodAbbrev) continue;
    // absorb closing quotes/brackets glued to the terminator
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) {
      cur.push(tokens[j]!);
      j++;
    }
    // a quote mark alone at the end of its line closes this sentence (`... he said. "` + line break)
    const q = tokens[j];
    if (q && QUOTES.has(q.text) && (j + 1 >= tokens.length || text.slice(q.end, tokens[j + 1]!.start).includes('\n'))) {
      if (!text.slice(tokens[j - 1]!.end, q.start).includes('\n')) {
        cur.push(q);
        j++;
      }
    }
    i = j - 1;
    const next = tokens[j];
    if (!next) break;
    if (next.start === tokens[j - 1]!.end) continue; // no space: `3.5`, `e.g.x`
    if (!isUpperStart(next.text)) continue;
    if (cur.length === 2 && /^\d{1,3}$/.test(cur[0]!.text)) continue; // list numbering: `7. Al Unser Jr`
    if (endsWithPeriodAbbrev) {
      // `Capt. Smith`, `U.S. officials`: only a break when the abbreviation is an acronym followed by a clear opener.
      const bare = tok.text.slice(0, -1);
      if (ABBREVIATIONS.has(bare.toLowerCase()) || bare.length === 1) continue;
      if (CAPITALISED_ABBREVIATIONS.has(bare) && !/^(?:The|He|She|It|They|We|I|But|And)$/.test(next.text)) continue;
      if (!/^(?:The|He|She|It|They|We|I|But|And|In|A|This|That|On|At|For)$/.test(next.text)) continue;
    }
    flush();
  }
  flush();
  return out;
}
