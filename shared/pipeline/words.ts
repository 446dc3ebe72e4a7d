/**
 * Words as a reader counts them, for the article's `wordCount` and the quote stage's length rules: runs of letters
 * and digits, with inner apostrophes, dots and hyphens kept inside the word (`don't`, `U.S.`, `co-author` are one
 * word each), and so are thousands separators (`4,200`). Scripts written without spaces (Chinese, Japanese, Thai, …)
 * count one word per two of their characters, the usual rough equivalent. (The cleaning stage has its own cheaper
 * count of letter runs for its block rules: `clean-common.ts` `wordCount`.)
 *
 * A word is a match of `[\p{L}\p{N}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}]+)*` (flags `gu`), found by a
 * character scan instead of that regex: the scan allocates no match objects and is several times faster.
 */
const UNSPACED_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
/** Code-unit ranges that hold every character of UNSPACED_CHAR: a cheap test before the per-character count. */
const MAYBE_UNSPACED =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u3000-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\ud800-\udbff]/;

/** Character classes of the word scan. */
const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;
const LETTER_CHAR = /^\p{L}$/u;
const NUMBER_CHAR = /^\p{N}$/u;

/** Class of each BMP code unit, 0 until first seen (Unicode property tests are costly, news text reuses few). */
const unitClass = new Uint8Array(0x10000);

function classOfCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return LETTER_CHAR.test(ch) ? LETTER : NUMBER_CHAR.test(ch) ? NUMBER : OTHER;
}

/** Class of the code point at `i` (a surrogate pair is one code point; a lone surrogate is OTHER). */
function classAt(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) return classOfCodePoint(cp);
  let k = unitClass[cp]!;
  if (k === 0) {
    k = classOfCodePoint(cp);
    unitClass[cp] = k;
  }
  return k;
}

/** Code units taken by the code point at `i`. */
function widthAt(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** `'`, `’`, `.`, `-`: kept inside a word when letters or digits follow. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d;
}

/** Number of words (as the file comment defines them), not counting the unspaced-script rule. */
function countSpacedWords(text: string): number {
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    if (classAt(text, i) === OTHER) {
      i += widthAt(text, i);
      continue;
    }
    n++;
    // one word: runs of letters and digits, joined by a joiner (or, between digits, a comma)
    for (;;) {
      let k = classAt(text, i);
      let lastIsNumber = false;
      while (k !== OTHER) {
        lastIsNumber = k === NUMBER;
        i += widthAt(text, i);
        if (i >= len) break;
        k = classAt(text, i);
      }
      if (i + 1 >= len) break;
      const sep = text.charCodeAt(i);
      const next = classAt(text, i + 1);
      const joins = isJoiner(sep) ? next !== OTHER : sep === 0x2c /* , */ && lastIsNumber && next === NUMBER;
      if (!joins) break;
      i++;
    }
  }
  return n;
}

export function countWords(text: string): number {
  const n = countSpacedWords(text);
  if (!MAYBE_UNSPACED.test(text)) return n;
  const unspaced = text.match(UNSPACED_CHAR)?.length ?? 0;
  return unspaced > 0 ? n + Math.floor(unspaced / 2) : n;
}
