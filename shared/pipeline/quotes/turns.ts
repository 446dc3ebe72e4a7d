/**
 * Interviews and transcripts written without quote marks: paragraphs that open with a speaker's label
 * (`GRIEVE: I expect a vote …`, `Q: How many homes …` / `A: About 1,100 …`). Every turn is what its speaker said.
 *
 * A label counts only when the article reads as a transcript: two or more turn paragraphs with two or more different
 * all-caps labels, or both `Q:` and `A:` paragraphs. One label in ordinary copy (`UPDATE: …`, a headline `BRENNAN:`)
 * makes no turn. Paragraphs that hold quote marks are left to the quote-mark spans (`GRIEVE: “…”` is read there).
 */
import type { Span } from '../types.ts';
import { paragraphSpans, type QuoteSpan } from './spans.ts';

/** An all-caps speaker label: one to three words (`GRIEVE`, `SEN. PAULA GRIEVE`); also read in quote marks (index.ts). */
export const SPEAKER_LABEL = String.raw`\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}`;
/** A speaker label opening a paragraph, then the turn's words (`GRIEVE: I expect …`). */
const NAME_LABEL = new RegExp(String.raw`^(${SPEAKER_LABEL}):[ \t]+(?=\S)`, 'u');
/** Any label at a line's start: the cheap test of a whole article before its paragraphs are read. */
const ANY_LABEL = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:${SPEAKER_LABEL}|[QA]|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)[:.][ \t]`,
  'u',
);
/** `Q:` / `A:` (also `Q.` / `A.`) opening a paragraph. */
const QA_LABEL = /^([QA])[:.][ \t]+(?=\S)/;
/**
 * All-caps labels of page furniture, listings, spec sheets and fact checks, not speakers (`UPDATE:`, `WHEN:`,
 * `PRICE:`, `CLAIM:`, `THE FACTS:`).
 */
const NOT_SPEAKER =
  /^(?:(?:THE )?(?:CLAIM|CLAIMS|FACTS?|RULING|FINDING|FINDINGS|BOTTOM LINE|CONTEXT|BACKGROUND|BIG PICTURE|LATEST|TAKEAWAY)|OUR RULING|WHAT WE FOUND|WHY IT MATTERS|WHAT['’]S NEXT|WHAT HAPPENS NEXT|KEY POINTS|EXPLANATION|MISLEADING|FALSE|TRUE|MOSTLY TRUE|MOSTLY FALSE|HALF TRUE|WHO|WHAT|WHEN|WHERE|WHY|HOW|PRICE|PRICES|COST|TICKETS|DATE|DATES|TIME|TIMES|VENUE|LOCATION|ADDRESS|CONTACT|INFO|DETAILS|SPECS|HOURS|RATING|VERDICT|PROS|CONS|UPDATE|UPDATED|CORRECTION|CLARIFICATION|NOTE|EDITOR['’]S NOTE|WATCH|LISTEN|READ|READ MORE|RELATED|SEE ALSO|ALSO|PHOTO|PHOTOS|VIDEO|SOURCE|SOURCES|CREDIT|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|LIVE|TRANSCRIPT|DISCLAIMER|DISCLOSURE|WARNING|FAQ|TL;DR|PS|P\.S\.|NB|N\.B\.|AP|AFP|UPI)$/;

/** Words of a turn: four or more, ending a sentence. */
const SAID = /^\S+(?:\s+\S+){3,}?.*[.?!…"”']$/su;

/** A paragraph's turn: its speaker label (`GRIEVE`, or `A` for an interviewee's answer) and its words. */
export interface Turn extends Span {
  /** The label as written, and where it is. */
  label: Span & { text: string };
  /** `name` for an all-caps name label, `answer` for `A:`. */
  kind: 'name' | 'answer';
  paragraph: number;
}

/** The turns of an interview or transcript; none when the article does not read as one. */
export function interviewTurns(text: string, spans: readonly QuoteSpan[]): Turn[] {
  // (a cheap test first: nearly every article has no label at a paragraph start)
  if (!ANY_LABEL.test(text)) return [];
  const paras = paragraphSpans(text);
  const quoted = new Set(spans.map((s) => s.paragraph));
  const names: Turn[] = [];
  const answers: Turn[] = [];
  const labels = new Set<string>();
  let questions = 0;
  paras.forEach((p, paragraph) => {
    const head = text.slice(p.start, Math.min(p.end, p.start + 60));
    const qa = QA_LABEL.exec(head);
    if (qa) {
      if (qa[1] === 'Q') questions++;
      else if (!quoted.has(paragraph)) answers.push(turn(text, p, paragraph, qa[0].length, 'A', 'answer'));
      return;
    }
    const nm = NAME_LABEL.exec(head);
    // (not a letter's salutation, `DEAR ABBY:`)
    if (!nm || NOT_SPEAKER.test(nm[1]!) || /^DEAR\s/.test(nm[1]!) || !/\p{Lu}\p{Lu}/u.test(nm[1]!)) return;
    // (a turn is said: a sentence or more, not a value in a list, `SCREEN: 6.1 inches`)
    if (!SAID.test(text.slice(p.start + nm[0].length, p.end))) return;
    labels.add(nm[1]!);
    if (!quoted.has(paragraph)) names.push(turn(text, p, paragraph, nm[0].length, nm[1]!, 'name'));
  });
  const out: Turn[] = [];
  if (labels.size >= 2 && names.length >= 1) out.push(...names);
  else out.push(...surnameTurns(text, paras, quoted));
  if (questions >= 1 && answers.length >= 1) out.push(...answers);
  return out.sort((a, b) => a.start - b.start);
}

/** A name label in Title Case opening a paragraph (`Kowal: Honestly, …`, `Grace Adeyemi: What changed?`). */
const CASED_LABEL = /^(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+)?):[ \t]+(?=\S)/u;

/**
 * Turns labelled by names in Title Case (`Adeyemi: What changed?` / `Kowal: Honestly, …`): only when two or more
 * labels take turns, each opening two or more paragraphs, each is a name the article also gives outside the labels
 * (`he sat down with sports editor Grace Adeyemi`), and a turn asks a question; not page furniture (`Note:`,
 * `Update:`, `Photo:`).
 */
function surnameTurns(text: string, paras: readonly Span[], quoted: ReadonlySet<number>): Turn[] {
  const found: Array<{ p: Span; paragraph: number; label: string; length: number }> = [];
  paras.forEach((p, paragraph) => {
    const m = CASED_LABEL.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    if (!m || NOT_SPEAKER.test(m[1]!.toUpperCase()) || !SAID.test(text.slice(p.start + m[0].length, p.end))) return;
    found.push({ p, paragraph, label: m[1]!, length: m[0].length });
  });
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  const labels = [...counts].filter(([, n]) => n >= 2).map(([label]) => label);
  if (labels.length < 2) return [];
  // (each a name written elsewhere in the article, not only as a label)
  const named = (label: string) => {
    const re = new RegExp(`(?<![\\p{L}])${label}(?![\\p{L}]|:)`, 'gu');
    return [...text.matchAll(re)].some((m) => !found.some((f) => f.p.start === m.index));
  };
  if (!labels.every(named)) return [];
  // (taking turns: a label followed by another one at least twice)
  let changes = 0;
  for (let i = 1; i < found.length; i++) if (found[i]!.label !== found[i - 1]!.label) changes++;
  // (an interview: someone asks, `Adeyemi: What changed?`; not a game story's notes by team, `Lakers: Kuzma left …`)
  if (changes < 2 || !found.some((f) => /\?["”’']?\s*$/.test(text.slice(f.p.start, f.p.end)))) return [];
  return found
    .filter((f) => labels.includes(f.label) && !quoted.has(f.paragraph))
    .map((f) => turn(text, f.p, f.paragraph, f.length, f.label, 'name'));
}

function turn(text: string, p: Span, paragraph: number, labelLength: number, label: string, kind: Turn['kind']): Turn {
  return {
    start: p.start + labelLength,
    end: p.end,
    label: { start: p.start, end: p.start + label.length, text: text.slice(p.start, p.start + label.length) },
    kind,
    paragraph,
  };
}
