/**
 * Sentence splitting that is aware of quotations: text inside quote marks is masked first, so a full stop inside a
 * quote never ends the sentence that carries the attribution (`“We won. It was close,” she said.` is one sentence).
 */
import type { Span } from '../types.ts';
import type { QuoteSpan } from './spans.ts';

/** Placeholder written over quoted regions in the masked text (same length as the original). */
export const MASK = '\u2063';

/** `text` with every quoted region (marks included) replaced by {@link MASK}, offsets unchanged. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.outerStart < at) continue;
    parts.push(text.slice(at, s.outerStart), MASK.repeat(s.outerEnd - s.outerStart));
    at = s.outerEnd;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const ABBREV = new Set(
  'mr mrs ms dr prof sen rep gov gen lt col capt sgt adm st jr sr vs no inc corp co ltd jan feb mar apr aug sep sept oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e etc ft mt ave blvd dept sens reps del rev est fig vol pp maj brig cpl pvt cmdr cdr pfc spc supt insp det hon'.split(
    ' ',
  ),
);

/*
 * Module constants, not literals in the loop below: esbuild (tsx, the bundles) compiles a regular expression literal
 * with a `\p{…}` class outside brackets into a `new RegExp(…)` call, made again at each evaluation.
 */
const INITIAL = /^\p{Lu}$/u;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}$/u;
const CAP_START = /^\p{Lu}/u;

/**
 * Sentence spans of `text` between `lo` and `hi` (a paragraph), computed on `masked`. A masked quote that ends
 * with sentence punctuation and is followed by a capitalised word ends a sentence.
 */
export function splitSentences(text: string, masked: string, lo: number, hi: number): Span[] {
  const out: Span[] = [];
  let start = lo;
  for (let i = lo; i < hi; i++) {
    // only `.`, `!`, `?`, `…` and the mask can end a sentence: every other character is skipped by its code
    const code = masked.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026 && code !== 0x2063) continue;
    // inside a masked quote only its last character can end a sentence (tested by code: most masked characters are
    // followed by another)
    if (code === 0x2063 && masked.charCodeAt(i + 1) === 0x2063) continue;
    const c = masked[i];
    let endsAt = -1;
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < hi && /[.!?)\]’'"”]/.test(masked[j] ?? '')) j++;
      if (j >= hi) continue;
      if (!/\s/.test(masked[j] ?? '')) continue;
      let k = j;
      while (k < hi && /\s/.test(masked[k] ?? '')) k++;
      const next = masked[k] ?? '';
      if (!/[\p{Lu}\p{N}“"‘'(\u2063\u2014\u2015]/u.test(next)) continue;
      if (c === '.') {
        const w = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(lo, i - 12), i))?.[1] ?? '';
        const wl = w.toLowerCase();
        if (ABBREV.has(wl)) continue;
        if (INITIAL.test(w)) continue; // an initial: "Ruth E. Okafor"
        if (DOTTED_LETTERS.test(w)) {
          // "U.S." / "D.C." before a capitalised word: a boundary only if a lower-case word follows it later
          if (CAP_START.test(next) && !/^(?:The|He|She|It|They|We|I|But|And|In|A|This|That)\b/.test(masked.slice(k)))
            continue;
        }
      }
      endsAt = j;
    } else if (c === MASK && masked[i + 1] !== MASK) {
      // the end of a masked quote: a boundary when the quote ended a sentence and a new one starts
      const inner = text.slice(Math.max(lo, i - 3), i + 1);
      if (!/[.!?…]\s*["”’'»]+$/.test(inner)) continue;
      let k = i + 1;
      if (k >= hi || !/\s/.test(masked[k] ?? '')) continue;
      while (k < hi && /\s/.test(masked[k] ?? '')) k++;
      if (!/[\p{Lu}\p{N}“"‘'(\u2063]/u.test(masked[k] ?? '')) continue;
      endsAt = i + 1;
    }
    if (endsAt > 0) {
      out.push({ start, end: endsAt });
      let k = endsAt;
      while (k < hi && /\s/.test(masked[k] ?? '')) k++;
      start = k;
      i = k - 1;
    }
  }
  if (start < hi) out.push({ start, end: hi });
  return out;
}
