/**
 * Reported speech without quote marks (type `indirect`): `X says there is an opportunity for …`,
 * `… , according to some experts.`, `… , the spokeswoman said.` Only sentences without quote marks are read.
 */
import type { Span } from '../types.ts';
import type { Attribution } from './attribution.ts';

const REPORTING = new Set([
  'say',
  'tell',
  'add',
  'claim',
  'argue',
  'insist',
  'note',
  'warn',
  'explain',
  'state',
  'announce',
  'according to',
  'write',
  'contend',
  'acknowledge',
  'admit',
  'predict',
  'report',
  'suggest',
  'confirm',
  'deny',
  'point out',
  'caution',
  'concede',
  'assert',
  'stress',
  'emphasize',
  'reiterate',
  'allege',
  'disclose',
  'reveal',
  'conclude',
  'assure',
]);

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:—–-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,.;:!?—–-]/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/**
 * A reporting verb in the passive (`The plan was announced last week`, `The plan, announced by the mayor, …`,
 * `It was reported that …`): its subject is what was reported, not who reported it.
 */
function isPassive(masked: string, cue: Span): boolean {
  const word = /^[\p{L}’'-]+/u.exec(masked.slice(cue.start, cue.end))?.[0] ?? '';
  if (/ing$/i.test(word)) return false; // progressive: `is saying`
  if (/^\s+by\s/.test(masked.slice(cue.end, cue.end + 4))) return true;
  return /\b(?:am|is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu.test(
    masked.slice(Math.max(0, cue.start - 40), cue.start),
  );
}

/** The reported content of a sentence without quote marks whose attribution is `a`, or null. */
export function indirectContent(text: string, masked: string, sent: Span, a: Attribution): Span | null {
  if (!a.cue || !REPORTING.has(a.cue.lemma) || isPassive(masked, a.cue)) return null;
  const sp = a.speaker;
  let s: number;
  let e: number;
  if (sp.start > a.cue.start) {
    // "…, said X." / "…, according to X."
    [s, e] = trimSpan(text, sent.start, a.cue.start);
  } else if (a.cue.lemma === 'according to') {
    [s, e] = trimSpan(text, sent.start, sp.start);
    if (e - s < 15) [s, e] = trimSpan(text, sp.end, sent.end);
  } else {
    // "X said (that) …" or "…, X said."
    const after = masked.slice(a.cue.end, sent.end);
    const tail = trimSpan(text, a.cue.end, sent.end);
    const head = trimSpan(text, sent.start, sp.start);
    if (/^[\s,]*[.!?]?\s*$/.test(after) || (head[1] - head[0] > 15 && /^\W*\w+\W*$/.test(after))) [s, e] = head;
    else {
      [s, e] = tail;
      const that = /^(?:\s+(?:\w+\s+){0,3}?that)\s/.exec(text.slice(s - 1, e));
      if (a.cue.lemma !== 'tell' && /^that\s/.test(text.slice(s, e))) s += 5;
      else if (that && a.cue.lemma === 'tell') s += that[0].length - 1;
    }
  }
  // "…, transport official Ben Ito said": the content ends at the comma before the speaker's phrase
  if (e > sp.start - 2 || (sp.start > e && sp.start - e < 60)) {
    const upto = Math.min(e, sp.start);
    const rel = upto > s ? text.slice(s, upto).lastIndexOf(',') : -1;
    const comma = rel < 0 ? -1 : s + rel;
    if (comma > s && sp.start - comma < 60 && e >= comma) e = trimSpan(text, s, comma)[1];
  }
  if (e - s < 15 || text.slice(s, e).split(/\s+/).length < 4) return null;
  return { start: s, end: e };
}
