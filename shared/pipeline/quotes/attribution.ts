/**
 * Attribution: find the speech cue and the speaker phrase of a quote inside its sentence.
 *
 * Patterns: `“…,” X said` / `“…,” said X` / `X said: “…”` / `X said the plan was “…”` / `according to X` /
 * `X told reporters` / `X, a professor at Y, said` / `Title Name said` / `Name: “…”` / `X, who said` /
 * participial cues (`…, saying “…”`) that take the subject of the main clause. Quoted text is masked before any of
 * this runs, so a person merely named inside a quote is never taken as its speaker.
 */
import { isGivenName } from '../given-names.ts';
import { NEWSPAPER_LAST_WORDS } from '../publications.ts';
import { REMIT_WORDS } from '../titles.ts';
import type { Span } from '../types.ts';
import {
  CLAUSE_BREAKERS,
  CUE_FORM_TO_LEMMA,
  DETERMINERS,
  isLyAdverb,
  NOT_PERSON,
  ORG_WORDS,
  PRONOUNS,
  TITLES,
  VERB_MODIFIERS,
  WEAK_CUES,
} from './lexicon.ts';
import { isCap, type Tok, type TokenIndex } from './tokens.ts';

export type PhraseKind = 'name' | 'pronoun' | 'nominal';

export interface SpeakerPhrase extends Span {
  text: string;
  kind: PhraseKind;
  /** The phrase is an organisation name (by its words). */
  org: boolean;
}

export interface Attribution {
  speaker: SpeakerPhrase;
  cue: (Span & { lemma: string }) | null;
}

/** Capitalised words that do not start or belong to a name. */
const NOT_NAME = new Set(
  'the a an but and so yet or still however meanwhile also then now in on at for with after before when while if as asked according earlier later last this that these those another contrary it he she they we i you his her their our my its there here what why how who where speaking despite during since because although though even just only instead indeed yes no oh well today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december sept oct nov dec jan feb aug not mr. both either neither many some several most all each every one two three four five first second third next from by to of about over under into through against among between without within like unlike plus moreover besides furthermore nevertheless nonetheless otherwise similarly likewise overall finally ultimately additionally separately consider'.split(
    ' ',
  ),
);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'del', 'di', 'du', 'la', 'le', 'dos']);
const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|recently)$/;
const PREPS = new Set(['of', 'from', 'at', 'for', 'in', 'with', 'on', 'to', 'about', 'by', 'after', 'over', 'during']);
const INTRO_WORDS = new Set([
  'asked',
  'in',
  'on',
  'at',
  'after',
  'before',
  'when',
  'while',
  'during',
  'speaking',
  'according',
  'for',
  'with',
  'despite',
  'like',
  'unlike',
  'as',
  'since',
  'by',
  'responding',
  'writing',
  'pressed',
  'appearing',
  'addressing',
  'following',
  'amid',
  'under',
  'given',
  'from',
  'to',
  'of',
]);
const PERSON_HEAD =
  /(?:er|or|ist|ian|ee|ant|ent|man|woman|person|nominee|candidate|official|officials|chief|head|leader|aide|aides|adviser|advisor|governor|senator|president|secretary|spokesperson|source|sources|expert|experts|analyst|analysts|authorities|members|critic|fan|skeptic|sceptic)s?$/;
const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);
/** Groups named without a determiner that speak (`according to police`, `people familiar with the talks said`). */
const BARE_GROUPS =
  /^(?:police|people|staff|media|military|sources|officials|authorities|experts|analysts|witnesses|residents|investigators|prosecutors|researchers|scientists|critics|insiders|doctors)$/;

function nameTok(t: Tok | undefined): boolean {
  if (t?.kind !== 'word') return false;
  if (PARTICLES.has(t.l)) return true;
  if (!isCap(t)) return false;
  return !NOT_NAME.has(t.l.replace(/['’]s$/, ''));
}

/** The capitalised name run ending at token j (inclusive), or null. */
function runEndingAt(toks: Tok[], j: number, lo: number): [number, number] | null {
  if (j < lo || !nameTok(toks[j]) || PARTICLES.has(toks[j]!.l)) return null;
  let a = j;
  while (a - 1 >= lo && nameTok(toks[a - 1])) a--;
  while (a <= j && PARTICLES.has(toks[a]!.l)) a++;
  return a <= j ? [a, j] : null;
}

/** The capitalised name run starting at token i, or null. */
function runStartingAt(toks: Tok[], i: number, hi: number): [number, number] | null {
  if (i >= hi || !nameTok(toks[i]) || PARTICLES.has(toks[i]!.l)) return null;
  let b = i;
  while (b + 1 < hi && nameTok(toks[b + 1])) b++;
  while (b >= i && PARTICLES.has(toks[b]!.l)) b--;
  return b >= i ? [i, b] : null;
}

function isOrgRun(toks: Tok[], a: number, b: number): boolean {
  // "White House Press Secretary Stephanie Grisham": only the words after the last title name the speaker
  for (let i = b - 1; i > a; i--) {
    if (TITLES.has(toks[i]!.l.replace(/\.$/, ''))) {
      a = i + 1;
      break;
    }
  }
  // "SciSpace Team Leader Jennifer Ngo-Anh", "CBS Sports NFL Insider Jason La Canfora": a given name then one or two
  // name words closing the run is a person, whatever job words come before it
  for (let i = Math.max(a + 1, b - 2); i < b; i++) {
    if (isGivenName(toks[i]!.w) && !ORG_WORDS.has(toks[i]!.l) && !ORG_WORDS.has(toks[b]!.l.replace(/['’]s$/, '')))
      return false;
  }
  for (let i = a; i <= b; i++) {
    const l = toks[i]!.l.replace(/['’]s$/, '');
    if (ORG_WORDS.has(l)) return true;
  }
  const prev = toks[a - 1];
  if (prev && prev.l === 'the') return true;
  // a lone acronym (FBI, NATO) is an organisation
  return a === b && /^\p{Lu}{2,5}$/u.test(toks[a]!.w) && !/^(?:I|II|III)$/.test(toks[a]!.w);
}

function isPronoun(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && PRONOUNS.has(t.l.replace(/['’](?:s|re|ve|d|ll|m)$/, ''));
}

function phrase(text: string, toks: Tok[], a: number, b: number, kind: PhraseKind): SpeakerPhrase {
  let end = toks[b]!.e;
  let s = text.slice(toks[a]!.s, end);
  // drop a possessive or a contracted "is"/"has" ("Okafor's", "He's claiming")
  if ((kind === 'name' || kind === 'pronoun') && /['’]s$/.test(s)) {
    end -= 2;
    s = s.slice(0, -2);
  }
  // "You’re", "He’d", "They’ll": the pronoun without its contraction
  const contraction = kind === 'pronoun' ? /['’](?:re|ve|d|ll|m)$/.exec(s) : null;
  if (contraction) {
    end -= contraction[0].length;
    s = s.slice(0, -contraction[0].length);
  }
  return {
    start: toks[a]!.s,
    end,
    text: s,
    kind,
    org: kind === 'name' ? isOrgRun(toks, a, b) : kind === 'nominal' && nominalIsOrg(toks, a, b),
  };
}

/**
 * A nominal phrase names an organisation by its head noun, the last word before any preposition (`the agency`,
 * `his team`, `the prosecutor’s office`), not by any word in it (`an agency spokesman`, `court records`, `a report
 * from Kotak Institutional Equities` are not organisations).
 */
function nominalIsOrg(toks: Tok[], a: number, b: number): boolean {
  let head = b;
  for (let x = a + 1; x <= b; x++) {
    if (PREPS.has(toks[x]!.l)) {
      // (not inside a name that modifies the head: `A Department of Health spokesman`)
      const inName = x + 1 < b && !isCap(toks[b]) && toks.slice(x + 1, b).every((t) => isCap(t));
      if (!inName) head = x - 1;
      break;
    }
  }
  while (head > a && toks[head]!.kind !== 'word') head--;
  const w = toks[head]!;
  if (isCap(w)) return isOrgRun(toks, a, head);
  return ORG_WORDS.has(w.l.replace(/['’]s$/, ''));
}

/** Inflected cue forms that are also common plural nouns ("his claims", "late-night tweets"). */
const NOUNABLE = new Set([
  'rates',
  'replies',
  'related',
  'relates',
  'call',
  'tweets',
  'claims',
  'reports',
  'calls',
  'terms',
  'notes',
  'states',
  'answers',
  'counters',
  'remarks',
  'jokes',
  'quips',
  'promises',
  'vows',
  'urges',
  'charges',
  'posts',
  'reads',
  'stresses',
  'demands',
  'cries',
  'laughs',
  'sighs',
  'writing',
  'reporting',
  'warning',
  'calling',
  'posted',
]);

/** The words a cue can start with (its forms, phrasal verbs, `put it`): any other word is no cue (a fast test). */
const CUE_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...CUE_FORM_TO_LEMMA.keys(),
  ...'read put puts putting go goes went going speak speaks spoke speaking talk talks talked talking point points pointed pointing weigh weighs weighed weighing chime chimes chimed chiming fire fires fired firing shoot shoots shot shooting'.split(
    ' ',
  ),
]);

/** Words after which a cue's bare form is a noun, their subject: modals and finite `be`/`have`. */
const BASE_THEN_NOUN = /^(?:will|would|can|could|should|shall|may|might|must|is|was|are|were|has|had|have)$/;

/** Forms of `be` that make a following participle passive (`was told`, `has been described`, `being asked`). */
const PASSIVE_AUX = /^(?:am|is|are|was|were|be|been|being)$/;

/** Words between a subject and its verb that do not make a noun of the verb (`the report today claims`). */
const NOUN_VERB_GAP = /^(?:today|yesterday|now|also|again|still|already|further|previously|later|recently|reportedly)$/;

function isCueTok(toks: Tok[], k: number): string | null {
  const t = toks[k];
  if (t?.kind !== 'word' || isCap(t) || !CUE_FIRST_WORDS.has(t.l)) return null;
  // "as the report put it"
  if (/^(?:put|puts|putting)$/.test(t.l) && toks[k + 1]?.l === 'it') return 'put';
  // "she read aloud", "he read out": reading someone's words out is saying them
  if (/^(?:read|reads|reading)$/.test(t.l) && /^(?:aloud|out)$/.test(toks[k + 1]?.l ?? '')) return 'read out';
  // "went on about “…”", "spoke of “…”", "talked about “…”"
  const next = toks[k + 1]?.l;
  if (/^(?:go|goes|went|going)$/.test(t.l) && next === 'on' && toks[k + 2]?.l === 'about') return 'go on';
  if (/^(?:speak|speaks|spoke|speaking)$/.test(t.l) && (next === 'about' || next === 'of')) return 'speak';
  if (/^(?:talk|talks|talked|talking)$/.test(t.l) && next === 'about') return 'talk';
  // "pointed out", "weighed in", "chimed in"
  if (/^(?:point|points|pointed|pointing)$/.test(t.l) && next === 'out') return 'point out';
  if (/^(?:weigh|weighs|weighed|weighing)$/.test(t.l) && next === 'in') return 'weigh in';
  if (/^(?:chime|chimes|chimed|chiming)$/.test(t.l) && next === 'in') return 'chime in';
  // "fired back", "shot back": a retort
  if (/^(?:fire|fires|fired|firing)$/.test(t.l) && next === 'back') return 'fire back';
  if (/^(?:shoot|shoots|shot|shooting)$/.test(t.l) && next === 'back') return 'shoot back';
  const lemma = CUE_FORM_TO_LEMMA.get(t.l);
  if (!lemma) return null;
  // "continue to push", "continued to rise", "the costs add up": not speech
  if (lemma === 'continue' && next === 'to') return null;
  if (lemma === 'add' && next === 'up') return null;
  // "who asked not to be named": a request, not a report; "Whitcomb, asked if he worried, said": an aside (he was
  // asked), the verb after it reports
  if (lemma === 'ask' && (next === 'not' || next === 'to')) return null;
  // "asking rents", "the asking price": an adjective
  if (t.l === 'asking' && /^(?:price|prices|rent|rents|rate|rates|fee|fees)$/.test(next ?? '')) return null;
  if (
    t.l === 'asked' &&
    toks[k - 1]?.w === ',' &&
    (mainCueAfterClause(toks, k, Math.min(toks.length, k + 30)) ||
      (toks[k - 2]?.kind === 'word' && /^(?:whether|if|about|what|why|how|when|where|who)$/.test(next ?? '')))
  )
    return null;
  // "her earlier remarks", "his comments": a plural after a possessive (and perhaps an adjective) is a noun
  const owner = toks[k - 1]?.kind === 'word' && !POSSESSIVE.test(toks[k - 1]!.l) ? toks[k - 2] : toks[k - 1];
  if (/s$/.test(t.l) && POSSESSIVE.test(owner?.l ?? '') && (owner === toks[k - 1] || !isCap(toks[k - 1]))) return null;
  // "states ended two days of talks": a plural noun before its verb
  if (NOUNABLE.has(t.l) && /s$/.test(t.l) && toks[k + 1]?.kind === 'word' && /^\p{Ll}{3,}ed$/u.test(next ?? ''))
    return null;
  // "a conference call", "phone calls": a kind of call, a noun
  if (
    lemma === 'call' &&
    /^(?:conference|phone|telephone|video|radio|earnings|investor|zoom|roll|wake-up|close|cold|emergency|curtain)$/.test(
      toks[k - 1]?.l ?? '',
    )
  )
    return null;
  // "added about $40 to the price", "added 3 points", "adds to the pressure": an amount added, not words
  if (
    lemma === 'add' &&
    next &&
    /^(?:[$£€\d]|about$|nearly$|almost$|roughly$|some$|more$|another$|to$|fuel$|weight$)/.test(next)
  )
    return null;
  // the bare `answer` only right before what is said (`he would answer, “…”`; not `didn’t answer the texts`)
  if (t.l === 'answer' && !(toks[k + 1]?.kind === 'quote' || next === ',' || next === ':')) return null;
  // the bare `state` only before `that` (`The testers state that …`; not `the state`)
  if (t.l === 'state' && next !== 'that') return null;
  // a bare form before a modal or `be`/`have` is a noun, the subject (`her old label will be left to wonder`)
  if (t.l === lemma && next && BASE_THEN_NOUN.test(next)) return null;
  const prev = toks[k - 1];
  // a passive ("was accused of being “…”", "were told “…”", "is widely described as"): its subject is not the speaker
  const aux = prev && isLyAdverb(prev.l) ? toks[k - 2] : prev;
  if (aux && PASSIVE_AUX.test(aux.l) && !/ing$/.test(t.l)) return null;
  // an infinitive ("took to Twitter to accuse", "went on to say"): a verb, its subject is the clause's
  if (prev?.l === 'to' && lemma === t.l) return lemma;
  // a noun use ("the call", "his claims", "a report")
  // (not after a quantifier used as a pronoun, before a form that is no noun: `Some said they …`, `Many argued`)
  if (prev && (DETERMINERS.has(prev.l) || /['’]s$/.test(prev.l) || prev.l === 'to')) {
    // (`Another posted: “…”`: a form that may be a noun, right before what is said)
    const beforeWords = next === ':' || toks[k + 1]?.kind === 'quote';
    const quantifierSubject =
      /^(?:some|many|several|most|few|another)$/.test(prev.l) && (!NOUNABLE.has(t.l) || beforeWords);
    if (!(prev.l === 'that' || prev.l === 'all' || prev.l === 'both' || prev.l === 'one' || quantifierSubject))
      return null;
  }
  if (NOUNABLE.has(t.l)) {
    // a noun before the verb (`the phone call said`, `the reports say`)
    if (next && CUE_FORM_TO_LEMMA.has(next)) return null;
    // only right after a name, a pronoun or a determiner + noun: "Smith tweets", "she reports", "the letter reads"
    // (past a time word or an adverb between: `The Ledger's report today claims`)
    let q = k - 1;
    while (q > 1 && q > k - 3 && NOUN_VERB_GAP.test(toks[q]!.l)) q--;
    const prev = toks[q];
    const pp = toks[q - 1];
    const nounAfterDet =
      prev &&
      prev.kind === 'word' &&
      !isCap(prev) &&
      pp &&
      (/^(?:the|a|an|his|her|its|their|one|another)$/.test(pp.l) || /\p{Lu}.*['’]s$/u.test(pp.w));
    // (not a dotted place abbreviation used as an adjective: `in U.S. states where …`)
    // (not two names used as a modifier after `the`: `the Horowitz and Durham reports`; `the Times reports` is one)
    let m0 = k - 1;
    while (m0 > 0 && k - m0 < 6 && (isCap(toks[m0 - 1]) || /^(?:and|&)$/.test(toks[m0 - 1]!.l))) m0--;
    const modifier =
      isCap(prev) &&
      toks.slice(m0, k).some((t) => t.l === 'and' || t.l === '&') &&
      /^(?:the|a|an|these|those|their|its)$/.test(toks[m0 - 1]?.l ?? '');
    const namePrev =
      isCap(prev) &&
      !modifier &&
      !/['’]s$/.test(prev!.w) &&
      !NOT_PERSON.has(prev!.l) &&
      !/^(?:\p{Lu}\.){2,}$/u.test(prev!.w);
    // "is calling", "was warning": a progressive
    const progressive = /ing$/.test(t.l) && !!prev && BE_FORMS.test(prev.l);
    // "one user, …, posted: “…”": a colon or the quote right after it makes it the verb
    const introducesQuote =
      (prev?.w === ',' || prev?.l === 'another') && (toks[k + 1]?.w === ':' || toks[k + 1]?.kind === 'quote');
    // "Officials deny it and say …": a second verb after `and`/`but`
    // (then a clause: `and say the contract …`, `and claims that …`; not the noun in `Prices and claims rose`)
    const coordinated =
      /^(?:and|but)$/.test(prev?.l ?? '') &&
      toks[k - 2]?.kind === 'word' &&
      (DETERMINERS.has(next ?? '') || isPronoun(toks[k + 1]) || next === 'that');
    // "…, calling the count “…”", "…, warning that …": a participle after the clause's comma
    const participle = /ing$/.test(t.l) && prev?.w === ',' && toks[k + 1]?.kind === 'word';
    if (
      !prev ||
      !(isPronoun(prev) || namePrev || nounAfterDet || progressive || introducesQuote || coordinated || participle)
    )
      return null;
  }
  return lemma;
}

/** Words a phrasal cue takes after its verb (`pointed out`, `went on about`, `spoke of`). */
const CUE_PARTICLES: Record<string, number> = {
  'point out': 1,
  'weigh in': 1,
  'chime in': 1,
  'fire back': 1,
  'shoot back': 1,
  'go on': 2,
  speak: 1,
  talk: 1,
};

/** The offsets of the cue at token k, its particles included. */
function cueSpan(toks: Tok[], k: number, lemma: string): { start: number; end: number; lemma: string } {
  const last = toks[Math.min(toks.length - 1, k + (CUE_PARTICLES[lemma] ?? 0))]!;
  return { start: toks[k]!.s, end: last.e, lemma };
}

/** Forms of `be` before a participle that make it a progressive (`is calling`, `were saying`). */
const BE_FORMS = /^(?:is|are|was|were|been)$/;

/** Every token of the run is a title (`Gov.`, `Secretary`): a title, not a name. */
function allTitles(toks: Tok[], run: [number, number]): boolean {
  for (let i = run[0]; i <= run[1]; i++) if (!TITLES.has(toks[i]!.l.replace(/\.$/, ''))) return false;
  return true;
}

function isParticipleCue(t: Tok): boolean {
  return /ing$/.test(t.l);
}

function appositiveLike(toks: Tok[], a: number, b: number): boolean {
  const f = toks[a];
  if (!f) return true;
  if (/^[RDI]-/.test(f.w)) return true; // party tag: R-Wis.
  // party and state: "Senator Ruth Calloway, Democrat of Oregon, said"
  if (PARTY_MEMBER.test(f.w) && (a === b || toks[a + 1]?.l === 'of')) return true;
  if (f.kind === 'word' && !isCap(f)) return true; // "a professor at …", "who …", "the spokeswoman"
  if (f.kind === 'word' && /^\p{N}/u.test(f.w) && b - a <= 1) return true; // age: "Smith, 54, said"
  if (a === b && isCap(f) && /\.$/.test(f.w)) return true; // state abbreviation: "Va."
  if (f.l === 'the' || f.l === 'a' || f.l === 'an') return true;
  // a capitalised job title: "Pankaj Rao, Head of Research at Alder Securities, said"
  if (
    a < b &&
    /^(?:head|chief|director|founder|co-founder|president|chairman|chairwoman|chair|ceo|cfo|coo|cto|editor|professor|senior|deputy|executive|managing|vice|secretary|minister|spokesman|spokeswoman|spokesperson)$/.test(
      f.l,
    )
  )
    return true;
  return false;
}

/** An adverb in -ly made from an adjective (`privately`, `separately`, `publicly`), not a surname (`Connolly`). */
const SENTENCE_ADVERB = /^\p{Ll}{2,}(?:(?:ate|ive|ite|ure|al|ous|ful|nt|ed|ar|ic|ss|ing)ly|[ai]bly)$/u;

/** A segment that is a name phrase on its own: descriptors/titles then a name, no prepositions or verbs before it. */
function nameSegment(toks: Tok[], a: number, b: number): [number, number] | null {
  const run = runEndingAt(toks, b, a);
  if (!run) return null;
  // (an adverb opening the sentence is no name: `Privately, though, Republican operatives acknowledged`)
  if (a === b && SENTENCE_ADVERB.test(toks[a]!.l) && !isGivenName(toks[a]!.w)) return null;
  // (`As Steven Rosenthal, a tax lawyer …, put it`: an introductory word right before the name)
  if (INTRO_WORDS.has(toks[a]!.l)) {
    if (toks[a]!.l !== 'as' || run[0] !== a + 1) return null;
    a++;
  }
  for (let i = a; i < run[0]; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word') return null;
    if (PREPS.has(t.l) || CUE_FORM_TO_LEMMA.has(t.l) || CLAUSE_BREAKERS.has(t.l)) return null;
    // a clause that ends in a name is not a name phrase (`A man attacked Tom Lyle, prosecutors said`, `The road will
    // stay closed until May, the attorney said`)
    if (i > a && verbLike(t, toks[i - 1]!)) return null;
  }
  return run;
}

/** The subject of the nearest cue at or before token `k` (`Officials deny it and say …` → Officials). */
function subjectOfEarlierCue(text: string, toks: Tok[], k: number, lo: number): SpeakerPhrase | null {
  for (let x = k; x > lo; x--) {
    if (toks[x]!.kind !== 'word') continue;
    if (isCueTok(toks, x)) return subjectBefore(text, toks, x, lo);
  }
  return null;
}

/** Conjunctions that open a clause (unlike `until`, `since`, `before`, which may govern a noun phrase). */
const CONJUNCTIONS = new Set('but and yet so or while whereas although though because if when unless'.split(' '));

/** Words that make a clause of the words before a name: auxiliaries and clause prepositions. */
const CLAUSE_WORDS = new Set(
  'is are was were will would can could should must has have had did does until since before because than'.split(' '),
);

/**
 * A verb in a phrase before a name: an auxiliary, a common irregular past, or an -ed form after a noun (`man
 * attacked`; not `the embattled`, `recently elected`, which describe the name).
 */
function verbLike(t: Tok, prev: Tok): boolean {
  if (isCap(t)) return false;
  if (CLAUSE_WORDS.has(t.l) || IRREGULAR_PAST.has(t.l)) return true;
  return /ed$/.test(t.l) && prev.kind === 'word' && !isCap(prev) && !DETERMINERS.has(prev.l) && !/ly$/.test(prev.l);
}

/**
 * Where a short phrase of lower-case words ending at token `end` starts: back over up to three more words, through
 * its determiner (`a letter`, `the phone call`, `a nurse`), never past a clause word, preposition, -ing form or cue.
 */
function lowerPhraseStart(toks: Tok[], end: number, lo: number): number {
  let a = end;
  while (a - 1 >= lo && end - (a - 1) < 4 && toks[a - 1]!.kind === 'word' && !isCap(toks[a - 1])) {
    const w = toks[a - 1]!.l;
    if (CLAUSE_BREAKERS.has(w) || PREPS.has(w) || /ing$/.test(w) || CUE_FORM_TO_LEMMA.has(w)) break;
    a--;
    if (DETERMINERS.has(w)) break;
  }
  return a;
}

/** Ordinals that stand for one of several people (`the first`, `a third`, `the other`, `the latter`). */
const ORDINAL = /^(?:first|second|third|fourth|fifth|other|latter|former)$/;

/** Token a opens its clause: the range start, or right after `,` `;` `:` or a quote. */
function opensClause(toks: Tok[], a: number, lo: number): boolean {
  const prev = toks[a - 1];
  return a === lo || !prev || /^[,;:]$/.test(prev.w) || prev.kind === 'quote';
}

/** A number in digits or words (`44`, `fifty-one`, `twelve`). */
const NUMBER =
  /^(?:\d[\d.,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)$/;
/** Words before a share's number (`an overwhelming 70 percent`, `nearly half`). */
const SHARE_LEAD =
  /^(?:a|an|the|about|nearly|almost|over|only|just|roughly|some|overwhelming|whopping|staggering|slim|bare|narrow|clear|solid|full|estimated)$/;
/** Words for a share of a group (`percent of`, `most`, `half of`). */
const SHARE_WORD =
  /^(?:percent|per|%|majority|minority|plurality|half|third|thirds|quarter|most|many|some|few|number|share)$/;

/**
 * Where a share of a capitalised group ending at token j starts (`44 percent of Americans`, `a majority of Britons`,
 * `most Americans`), or -1.
 */
function shareOf(toks: Tok[], j: number, lo: number): number {
  const t = toks[j]!;
  if (!isCap(t) || !/s$/.test(t.w)) return -1;
  let x = j - 1;
  if (toks[x]?.l === 'of') x--;
  else if (!/^(?:most|many|some|few)$/.test(toks[x]?.l ?? '')) return -1;
  if (x < lo || !SHARE_WORD.test(toks[x]!.l)) return -1;
  while (x - 1 >= lo && (NUMBER.test(toks[x - 1]!.l) || SHARE_LEAD.test(toks[x - 1]!.l))) x--;
  return x;
}

/**
 * The speaker phrase that is the subject of the verb at token k: walks left over adverbs, appositives between
 * commas and parentheticals. `lo` bounds the search (a quote or the sentence start).
 */
export function subjectBefore(text: string, toks: Tok[], k: number, lo: number): SpeakerPhrase | null {
  // (a conjunction opening the sentence is no part of its subject: `But Julian Okonkwo, an analyst at X, warned`)
  if (lo < k - 1 && /^(?:but|and|yet|so)$/.test(toks[lo]!.l) && isCap(toks[lo]) && toks[lo + 1]!.kind === 'word') lo++;
  let j = k - 1;
  while (j >= lo) {
    const t = toks[j]!;
    // (`The first said …`: an ordinal after `the`/`a` is the subject, not an adverb)
    if (ORDINAL.test(t.l) && /^(?:the|a)$/.test(toks[j - 1]?.l ?? '')) break;
    if (VERB_MODIFIERS.has(t.l) || WEEKDAYS.test(t.l) || (t.kind === 'word' && !isCap(t) && isLyAdverb(t.l))) {
      j--;
      continue;
    }
    // an intensifier before such an adverb (`as Gizmodo very recently explained`)
    if (/^(?:very|so|quite|rather|too|more|most)$/.test(t.l) && toks[j + 1] && isLyAdverb(toks[j + 1]!.l)) {
      j--;
      continue;
    }
    // "who in 2010 said": a year after a preposition
    if (/^(?:1[89]|20)\d\d$/.test(t.w) && toks[j - 1] && /^(?:in|since|by)$/.test(toks[j - 1]!.l)) {
      j -= 2;
      continue;
    }
    if (t.l === 'on' && toks[j + 1] && WEEKDAYS.test(toks[j + 1]!.l)) {
      j--;
      continue;
    }
    // "Most economists, however, argue": a discourse word between commas
    if (t.w === ',' && DISCOURSE.has(toks[j - 1]?.l ?? '') && toks[j - 2]?.w === ',') {
      j -= 3;
      continue;
    }
    // "The National Union of Mineworkers (NUM) said": a short bracket after the name
    if (t.w === ')') {
      let o = j - 1;
      while (o > lo && j - o <= 4 && toks[o]!.w !== '(' && toks[o]!.w !== ')') o--;
      if (o > lo && toks[o]!.w === '(' && o < j - 1 && isCap(toks[o - 1])) {
        j = o - 1;
        continue;
      }
    }
    break;
  }
  if (j < lo) return null;
  // "critics who had called it “…”": a bare plural of people right before the relative that is the verb's subject
  const rel = /^(?:had|has|have|would|will|could)$/.test(toks[j]!.l) ? j - 1 : j;
  if (toks[rel]?.l === 'who' && rel - 1 >= lo) {
    const h = toks[rel - 1]!;
    if (
      h.kind === 'word' &&
      !isCap(h) &&
      /s$/.test(h.l) &&
      PERSON_HEAD.test(h.l) &&
      !DETERMINERS.has(toks[rel - 2]?.l ?? '')
    )
      return phrase(text, toks, rel - 1, rel - 1, 'nominal');
  }
  // a share of a people or a group (`44 percent of Americans say`, `most Britons say`): the share, as written
  const share = shareOf(toks, j, lo);
  if (share >= 0) return phrase(text, toks, share, j, 'nominal');
  if (isPronoun(toks[j])) {
    // (`it` after a verb is its object, `heard it said`; after a noun or `that` it opens a relative clause: `a move
    // (that) it said was needed`)
    const noun = (t: Tok | undefined) =>
      t?.kind === 'word' && !isCap(t) && !CLAUSE_WORDS.has(t.l) && !DETERMINERS.has(t.l);
    // (a noun phrase of a determiner, at most one word and a noun, ending at h)
    const phraseAt = (h: number) =>
      noun(toks[h]) &&
      (/^(?:a|an|the)$/.test(toks[h - 1]?.l ?? '') ||
        (noun(toks[h - 1]) && /^(?:a|an|the)$/.test(toks[h - 2]?.l ?? '')));
    const clause = (toks[j - 1]?.l === 'that' && phraseAt(j - 2)) || phraseAt(j - 1);
    if (toks[j]!.l === 'it' && toks[j - 1] && toks[j - 1]!.kind === 'word' && !isCap(toks[j - 1]) && !clause)
      return null;
    return phrase(text, toks, j, j, 'pronoun');
  }
  // "The first said …", "A third added …": one of several people just named, by its ordinal, opening its clause
  if (ORDINAL.test(toks[j]!.l) && j - 1 >= lo && /^(?:the|a)$/.test(toks[j - 1]!.l) && opensClause(toks, j - 1, lo))
    return phrase(text, toks, j - 1, j, 'nominal');
  // "Another said: “…”", "Others added": a pronoun-like determiner alone, opening its clause
  if (
    /^(?:another|others|many|some|several|one|both)$/.test(toks[j]!.l) &&
    (j === lo || /^[.;:!?]$/.test(toks[j - 1]!.w) || toks[j - 1]!.kind === 'quote')
  )
    return phrase(text, toks, j, j, 'nominal');
  const attached = speakerBeforeAttachment(text, toks, j, lo) ?? subjectBeforeParticiple(text, toks, j, lo);
  if (attached) return attached;
  // "Kopp and Hale (both) denied": two people speaking together, kept as written
  const pairEnd = toks[j]!.l === 'both' ? j - 1 : j;
  const second = runEndingAt(toks, pairEnd, lo);
  if (second && toks[second[0] - 1]?.l === 'and') {
    const first = runEndingAt(toks, second[0] - 2, lo);
    // (`both Kopp and Hale told`: the pair after `both`)
    const opens =
      first &&
      (opensClause(toks, first[0], lo) || (toks[first[0] - 1]!.l === 'both' && opensClause(toks, first[0] - 1, lo)));
    if (first && opens && !weakRun(toks, first) && !weakRun(toks, second) && !isOrgRun(toks, first[0], second[1]))
      return phrase(text, toks, first[0], second[1], officeBeforeName(toks, first, second) ? 'name' : 'nominal');
  }
  // "Dupont and his team wrote", "Ruiz and her colleagues said": the named person, with his or her people
  const possessor = j - 1 >= lo && /^(?:his|her|their)$/.test(toks[j - 1]!.l) ? j - 1 : j - 2;
  if (
    possessor > lo &&
    /^(?:his|her|their)$/.test(toks[possessor]!.l) &&
    toks[possessor - 1]?.l === 'and' &&
    toks[j]!.kind === 'word' &&
    !isCap(toks[j]) &&
    (possessor === j - 1 || (toks[j - 1]!.kind === 'word' && !isCap(toks[j - 1])))
  ) {
    const named = runEndingAt(toks, possessor - 2, lo);
    if (named && opensClause(toks, named[0], lo) && !weakRun(toks, named))
      return phrase(text, toks, named[0], named[1], 'name');
  }
  // "Smith, who said"; "Hal Vance, now the majority leader, who said": the name before the appositive
  if (RELATIVES.has(toks[j]!.l) && toks[j - 1]?.w === ',') {
    const run = runEndingAt(toks, j - 2, lo);
    // (not where the person is from: `Ibrahim Sesay, 19, from Sierra Leone, who said`)
    // (nor where someone described is from: `Rhonda Kessler, 58, a retired casino worker from Sparks, who said`)
    // (a person's name after `from` is no place: `It came from Sen. Ann Hobbs, who said`)
    // (a run that opens with a given name or a title reads as a person's)
    const personal = (r: [number, number]) =>
      isGivenName(toks[r[0]]!.w) || TITLES.has(toks[r[0]]!.l.replace(/\.$/, ''));
    const person = !!run && personal(run);
    const origin = run && run[0] - 1 > lo && originSegment(toks, run[0] - 1, run[1]) ? toks[run[0] - 2] : undefined;
    const from = origin && (origin.w === ',' || !person) ? origin : undefined;
    // (`Sen. Priya Raman of Minnesota, who told`: the person before where they are from)
    const owner = from && isCap(from) ? runEndingAt(toks, run![0] - 2, lo) : null;
    if (owner && personal(owner)) return phrase(text, toks, owner[0], owner[1], 'name');
    if (run && !(from && (from.w === ',' || (from.kind === 'word' && !isCap(from)))))
      return phrase(text, toks, run[0], run[1], 'name');
    // "…, according to the UN refugee agency, which said": the noun phrase before the relative
    if (!run && toks[j - 2]?.kind === 'word' && !isCap(toks[j - 2])) {
      let d = j - 2;
      while (
        d > lo &&
        j - 2 - d < 6 &&
        toks[d]!.kind === 'word' &&
        !DETERMINERS.has(toks[d]!.l) &&
        !PREPS.has(toks[d]!.l)
      )
        d--;
      // (not an appositive after a name, `McConnell, now the Senate majority leader, who …`: that name speaks)
      // (or a possessive: `The goat was returned to its owner, who said`)
      if (
        /^(?:the|a|an|its|his|her|their)$/.test(toks[d]!.l) &&
        d < j - 2 &&
        PREPS.has(toks[d - 1]?.l ?? '') &&
        validNominal(toks, d, j - 2)
      )
        return phrase(text, toks, d, j - 2, 'nominal');
    }
    let comma = j - 1;
    for (let x = j - 2; x >= lo && j - x <= 16; x--) {
      const t = toks[x]!;
      if (t.kind === 'quote' || /^[;:.!?]$/.test(t.w)) break;
      if (t.w !== ',') continue;
      // the segment between the commas must read as an appositive ("now the majority leader", "71", "from Leeds")
      if (!appositiveLike(toks, x + 1, comma - 1) && !originSegment(toks, x + 1, comma - 1)) break;
      const before = runEndingAt(toks, x - 1, lo);
      if (before && !weakRun(toks, before)) return phrase(text, toks, before[0], before[1], 'name');
      comma = x;
    }
    return null;
  }
  // "signs that read “…”", "a letter that says": the noun before `that`
  if (toks[j]!.l === 'that' && j - 1 >= lo) {
    const head = toks[j - 1]!;
    const timeWord =
      WEEKDAYS.test(head.l) || /^(?:morning|afternoon|evening|night|day|week|month|year|weekend)s?$/.test(head.l);
    if (head.kind === 'word' && !isCap(head) && !isPronoun(head) && !CUE_FORM_TO_LEMMA.has(head.l) && !timeWord) {
      let a = lowerPhraseStart(toks, j - 1, lo);
      // (with a named owner before it: `Harlan's earlier testimony that concluded`)
      if (a - 1 >= lo && /^\p{Lu}.*['’]s$/u.test(toks[a - 1]!.w)) {
        const owner = a - 1;
        a = runEndingAt(toks, owner, lo)?.[0] ?? owner;
        const issuer = issuerOfDocument(text, phrase(text, toks, a, j - 1, 'nominal'));
        if (issuer) return issuer;
        a = owner + 1;
      }
      if (validNominal(toks, a, j - 1)) return phrase(text, toks, a, j - 1, 'nominal');
    }
  }
  // "the Harbor Police Department which reported “…”": a name right before a restrictive relative
  if ((toks[j]!.l === 'which' || toks[j]!.l === 'who') && j - 1 >= lo) {
    const run = runEndingAt(toks, j - 1, lo);
    if (run && !weakRun(toks, run)) return phrase(text, toks, run[0], run[1], 'name');
    // "including a nurse who said": a determiner-led noun phrase right before `who`
    if (toks[j]!.l === 'who') {
      const a = lowerPhraseStart(toks, j - 1, lo);
      // (a subject, not an object: after a comma, `including` or the clause start, not `told a woman who …`)
      const prev = toks[a - 1];
      const subject = a === lo || prev?.w === ',' || prev?.l === 'including' || prev?.kind === 'quote';
      // (not a count of people: `the number who said`, `the share who said`)
      const count = /^(?:number|share|percentage|proportion|majority|minority|half|third|fraction|rest)$/.test(
        toks[j - 1]!.l,
      );
      if (subject && !count && /^(?:a|an|the|one)$/.test(toks[a]?.l ?? '') && a < j - 1 && validNominal(toks, a, j - 1))
        return phrase(text, toks, a, j - 1, 'nominal');
    }
  }
  // "Reyes, who has led the union since May, warned …": the name before ", who … ,"; "The automaker, which has
  // focused on electric cars after its diesel scandal, says …": the subject before ", which … ,"; the closing comma
  // may sit inside the quote marks of a title that ends the clause (`Hollis, who starred in “Northline,” said`)
  if (toks[j]!.w === ',' || (toks[j]!.kind === 'quote' && /,\s*["”’']$/.test(text.slice(toks[j]!.s, toks[j]!.e)))) {
    for (let x = j - 1; x > lo + 1; x--) {
      const t = toks[x]!;
      // (past a title or a word or two in quote marks: `The actress, who plays Dolly in hit drama ‘Harbour Lights’,
      // told`, `an analyst who rates the stock “hold,” said`)
      if ((t.kind === 'quote' && !shortQuoted(text, t) && !quotedTitle(text, toks, x)) || t.w === ';') break;
      // (`which` only after the clause's own subject, not after a name inside an appositive: `Ann Roe, president of
      // the Harbor Federation of Teachers, which represents …, said`)
      // (`whose` too: `Paul Reyes, whose wife, producer Gemma Reyes, runs the company, said`)
      // (`whose` only when its clause has a verb of its own: not `the Pantry, whose director, Lou Carrasco, said`)
      const whoseVerb =
        t.l === 'whose' &&
        toks
          .slice(x + 2, j)
          .some(
            (u) =>
              u.kind === 'word' &&
              !isCap(u) &&
              (/^\p{Ll}{3,}(?:s|ed)$/u.test(u.l) || IRREGULAR_PAST.has(u.l) || CLAUSE_WORDS.has(u.l)),
          );
      const relative =
        t.l === 'who' ||
        (t.l === 'whose' && whoseVerb) ||
        (t.l === 'which' && !toks.slice(lo, x - 1).some((u) => u.w === ','));
      // "Tamsin Greaves, an analyst who rates the stock, said": the name before an appositive that a `who` clause ends
      if ((t.l === 'who' || t.l === 'that' || t.l === 'which') && toks[x - 1]!.kind === 'word') {
        let c = x - 1;
        while (c > lo && x - c < 7 && toks[c]!.kind === 'word') c--;
        const run = toks[c]?.w === ',' && DETERMINERS.has(toks[c + 1]!.l) ? runEndingAt(toks, c - 1, lo) : null;
        if (run && run[0] === lo && !weakRun(toks, run)) return phrase(text, toks, run[0], run[1], 'name');
      }
      if (relative && toks[x - 1]!.w === ',') {
        // (past an age and where the person is from: `Imran Qureshi, 58, who helped …, said`, `Ibrahim Sesay, 19, from
        // Sierra Leone, who said`)
        let e = x - 2;
        for (let guard = 0; guard < 2 && e - 2 >= lo; guard++) {
          if (/^\d{1,3}$/.test(toks[e]!.w) && toks[e - 1]?.w === ',') {
            e -= 2;
            continue;
          }
          const place = runEndingAt(toks, e, lo);
          if (place && place[0] - 1 >= lo && originSegment(toks, place[0] - 1, e) && toks[place[0] - 2]?.w === ',') {
            e = place[0] - 3;
            continue;
          }
          break;
        }
        // "Ann Lee of the Harbor Board, which runs the port, said": the person before the organisation
        const attached = speakerBeforeAttachment(text, toks, e, lo);
        if (attached) return attached;
        const run = runEndingAt(toks, e, lo);
        // "A former caseworker at the Trust, who asked not to be named, said": the person, not where they work
        let p = run ? run[0] - 1 : -1;
        if (toks[p]?.l === 'the') p--;
        if (run && p > lo && POST_PREPS.has(toks[p]!.l) && toks[p - 1]!.kind === 'word' && !isCap(toks[p - 1]))
          if (DETERMINERS.has(toks[lo]!.l) && validNominal(toks, lo, e))
            return { ...phrase(text, toks, lo, e, 'nominal'), org: false };
        if (run && !weakRun(toks, run)) return phrase(text, toks, run[0], run[1], 'name');
        // "one resident, who asked not to be named, told reporters": a nominal subject before the relative clause
        const nominal = run ? null : nameOrNominal(text, toks, lo, e, false);
        if (nominal?.kind === 'nominal') return nominal;
        break;
      }
    }
  }
  // "Whitcomb, asked if he worried about his job, said": a passive `asked …` aside right before the verb is no part of
  // the subject
  // (`, speaking on condition of anonymity because he was not authorised to brief the media,`; and a short phrase of
  // where or when, `The agency, in a commentary, said`)
  if (toks[j]?.w === ',') {
    let c = j - 1;
    while (c > lo && toks[c]!.w !== ',' && j - c < 24) c--;
    const where = /^(?:in|on|at|during|after|before|via|through)$/.test(toks[c + 1]?.l ?? '') && j - c <= 6;
    if (
      c > lo &&
      toks[c]!.w === ',' &&
      (PASSIVE_ASIDE.test(toks[c + 1]?.l ?? '') || where) &&
      toks[c - 1]!.kind === 'word'
    )
      j = c - 1;
  }
  // "A diplomat who was in the room said", "Border Patrol agents who spoke to X on condition of anonymity said": a
  // noun phrase opening the sentence, then a restrictive relative clause with no verb of saying of its own
  const s0 = /^(?:but|and|yet|so)$/.test(toks[lo]?.l ?? '') ? lo + 1 : lo;
  for (let x = s0 + 1; x < j && x - s0 <= 6; x++) {
    if (toks[x]!.l !== 'who') continue;
    const clause = toks.slice(x + 1, j + 1);
    if (clause.some((t, y) => t.w === ',' || t.kind === 'quote' || /^[;:.]$/.test(t.w) || isCueTok(toks, x + 1 + y)))
      break;
    const np = nameOrNominal(text, toks, s0, x - 1, false);
    if (np?.kind === 'nominal' || (np?.kind === 'name' && x - 1 - s0 >= 1 && /s$/.test(toks[x - 1]!.l))) return np;
    break;
  }
  // collect comma segments walking left, skipping parentheticals
  const segs: Array<[number, number]> = [];
  let end = j;
  let i = j;
  let depth = 0;
  for (; i >= lo; i--) {
    const t = toks[i]!;
    // (an opening bracket with no closing one before the verb: the verb is inside it, `… last spring (the company
    // later said …`, and so is its subject)
    if (t.w === '(' && depth === 0) break;
    if (t.w === ')') depth++;
    else if (t.w === '(') depth = Math.max(0, depth - 1);
    if (depth > 0 || t.w === '(' || t.w === ')') continue;
    if (t.w === ',') {
      segs.push([i + 1, end]);
      end = i - 1;
      continue;
    }
    // "Bev Harrigan – no relation – said": an aside between two dashes is no part of the subject
    if (/^[—–―-]$/.test(t.w) && (i === end || i === end + 1)) {
      let d = i - 1;
      while (d > lo && i - d < 16 && !/^[—–―.;:!?-]$/.test(toks[d]!.w)) d--;
      if (d > lo && i - d < 16 && toks[d]!.w === t.w && toks[d - 1]!.kind === 'word') {
        end = d - 1;
        i = d;
        continue;
      }
    }
    // "Vasant Patil, when contacted, said": a short subordinate clause set off by commas is no part of the subject
    if (SUBORDINATORS.has(t.l) && toks[i - 1]?.w === ',' && toks[end + 1]?.w === ',' && end - i <= 4) {
      end = i - 2;
      i--;
      continue;
    }
    // "…, the director of X and whose film …, told": "and" before a relative stays inside the appositive
    // "…, a fellow at X, and co-author of the study, said": ", and" + a lower-case noun continues the appositive
    const andRelative =
      t.l === 'and' &&
      (RELATIVES.has(toks[i + 1]?.l ?? '') ||
        (toks[i - 1]?.w === ',' &&
          toks[i + 1]?.kind === 'word' &&
          !isCap(toks[i + 1]) &&
          !isPronoun(toks[i + 1]) &&
          !CUE_FORM_TO_LEMMA.has(toks[i + 1]!.l) &&
          !/(?:ed|ing)$/.test(toks[i + 1]!.l)));
    // "the School of Law and Government": `and` between capitalised words is inside a name; "Fan Mengguang, deputy
    // director of the disease prevention and control centre, told": `and` between nouns inside an appositive
    // ("Boeing Defense, Space, and Security", "Greenbelt, Maryland, and American University": `, and` in a list of
    // capitalised names)
    const andInName =
      t.l === 'and' &&
      ((isCap(toks[i - 1]) && isCap(toks[i + 1])) ||
        (toks[i - 1]?.w === ',' && isCap(toks[i - 2]) && isCap(toks[i + 1])) ||
        andInAppositive(toks, i, lo) ||
        // "Lena Ortiz, Sam’s sister and Brightline’s chief engineer, said": two roles of one appositive
        twoRolesAfterName(toks, i, lo) ||
        // "the singer and guitarist told": two nouns after one determiner, right before the verb
        (i + 1 === j &&
          /^(?:the|a|an|his|her|its|their)$/.test(toks[i - 2]?.l ?? '') &&
          toks[i - 1]?.kind === 'word' &&
          !isCap(toks[i - 1]) &&
          toks[i + 1]?.kind === 'word' &&
          !isCap(toks[i + 1])));
    if (
      t.kind === 'quote' ||
      /^[;:—–―-]$/.test(t.w) ||
      (t.kind === 'word' && CLAUSE_BREAKERS.has(t.l) && !isCap(t) && !andRelative && !andInName)
    ) {
      break;
    }
    if (i < j && isCueTok(toks, i) && !inAppositiveBeforeCue(toks, i)) break;
  }
  // "The mayor and the council stressed": two roles speaking together; "The lawyers representing the workers and the
  // union say": the head before its modifier, not the last noun of the modifier
  if (segs.length === 0 && toks[i]?.l === 'and') {
    const joined = nominalBeforeAnd(text, toks, i, j, lo);
    if (joined) return joined;
  }
  segs.push([i + 1, end]);
  // drop parentheticals inside segments: take tokens outside parentheses
  const clean = (a: number, b: number): number[] => {
    const idx: number[] = [];
    let d = 0;
    // (an opening bracket closed later in the segment, not a stray one: `(Norvik Capital on Tuesday announced …`)
    let lastClose = -1;
    for (let x = b; x >= a && lastClose < 0; x--) if (toks[x]!.w === ')') lastClose = x;
    for (let x = a; x <= b; x++) {
      const w = toks[x]!.w;
      if (w === '(' && x < lastClose) d++;
      else if (w === ')') d = Math.max(0, d - 1);
      else if (d === 0 && w !== '(') idx.push(x);
    }
    return idx;
  };
  // (a push loop, not `segs.map(…).filter(…)`: TurboFan's inlined `map` builds a holey array where the interpreter
  // builds a packed one, and the readers below deoptimised on it once this function was optimised; see `mapPacked`)
  const segIdx: number[][] = [];
  for (const [a, b] of segs) {
    const idx = clean(a, b);
    if (idx.length > 0) segIdx.push(idx);
  }
  if (segIdx.length === 0) return null;
  // "… at the institute in Munich, Germany, …", "the mayor of Springfield, Illinois,": a one-word place after an
  // appositive ending in "in/of Place" continues that appositive, it is not the speaker
  const placeTail = (s: number): boolean => {
    const seg = segIdx[s]!;
    const left = segIdx[s + 1];
    if (seg.length !== 1 || !left || left.length < 2 || !nameTok(toks[seg[0]!])) return false;
    // (also after a place of several words: `Residents of Thornbury Landing, N.S., say`)
    let p = left.at(-1)! - 1;
    while (p > left[0]! && isCap(toks[p]) && isCap(toks[left.at(-1)!]) && left.at(-1)! - p < 4) p--;
    return (
      /^(?:in|of|from|at)$/.test(toks[p]?.l ?? '') &&
      (appositiveLike(toks, left[0]!, left.at(-1)!) ||
        (s + 2 === segIdx.length && p > left[0]! && peopleHead(toks, left[0]!, p - 1)))
    );
  };
  // "Jim Chilton, a vice president at Boeing Defense, Space and Security, said": capitalised segments that go on
  // with a name ending the appositive before them (an organisation's name with commas, `Greenbelt, Maryland, and
  // American University`) are not the speaker; the name before the appositive is
  const namesGoOn = (seg: number[]): boolean =>
    seg.length <= 8 &&
    (isCap(toks[seg[0]!]) || toks[seg[0]!]!.l === 'and') &&
    seg.every((x) => isCap(toks[x]) || /^(?:and|&|of|in|at|for|the|on)$/.test(toks[x]!.l));
  let g = 0;
  while (g < segIdx.length && g < 3 && namesGoOn(segIdx[g]!)) g++;
  const app = segIdx[g];
  const named = segIdx[g + 1];
  if (g > 0 && app && named && appositiveLike(toks, app[0]!, app.at(-1)!) && isCap(toks[app.at(-1)!])) {
    const run = nameSegment(toks, named[0]!, named.at(-1)!);
    if (run) return phrase(text, toks, run[0], run[1], 'name');
  }
  // "Connor Blake, 27, of Marsh Lane, Welford, told": an age and an address set off by commas after the name
  const addressed = nameBeforeAddress(toks, segIdx);
  if (addressed) return phrase(text, toks, addressed[0], addressed[1], 'name');
  const f0 = placeTail(0) ? 1 : 0;
  const first = segIdx[f0]!;
  const a0 = first[0]!;
  const b0 = first[first.length - 1]!;
  // "The statement, which was obtained by Variety, claimed", "The news organization, citing an anonymous source,
  // reported": a relative clause or a participle phrase names no speaker
  const opener = toks[a0]!;
  const participle = opener.kind === 'word' && !isCap(opener) && /^\w{3,}ing$/.test(opener.l);
  // "…, which the union described as “…”": a relative that is the verb's object; the phrase after it speaks
  if (/^(?:which|whom)$/.test(opener.l) && b0 > a0 && DETERMINERS.has(toks[a0 + 1]!.l) && lowerHead(toks, a0 + 1, b0))
    return phrase(text, toks, a0 + 1, b0, 'nominal');
  const relativeFirst = (RELATIVES.has(opener.l) || participle) && segIdx.length > f0 + 1;
  // "A study by the Institute for X, a research group, concluded": the publisher, not its appositive
  if (segIdx.length > f0 + 1 && /^(?:a|an)$/.test(toks[a0]!.l)) {
    const seg = segIdx[f0 + 1]!;
    const issuer = issuerOfDocument(text, phrase(text, toks, seg[0]!, seg[seg.length - 1]!, 'nominal'));
    if (issuer) return issuer;
  }
  // "a memo in which a manager warned", "In the memo a manager warned": the noun phrase right before the verb, after
  // a relative or an opening phrase of place
  for (let p = b0 - 1; p > a0; p--) {
    if (!/^(?:a|an|the)$/.test(toks[p]!.l) || !lowerHead(toks, p, b0)) continue;
    const prev = toks[p - 1]!;
    const afterRelative = /^(?:which|whom|where)$/.test(prev.l);
    const afterOpener =
      a0 === lo && PREPS.has(toks[a0]!.l) && prev.kind === 'word' && !isCap(prev) && !PREPS.has(prev.l);
    if ((afterRelative || afterOpener) && validNominal(toks, p, b0)) return phrase(text, toks, p, b0, 'nominal');
    break;
  }
  // nearest segment is a name phrase (possibly after a title or descriptors)
  const direct = relativeFirst ? null : nameOrNominal(text, toks, a0, b0, segIdx.length > f0 + 1);
  if ((direct?.kind === 'name' || direct?.kind === 'pronoun') && !appositiveLike(toks, a0, b0)) return direct;
  if (appositiveLike(toks, a0, b0) || segIdx.length > f0 + 1) {
    for (let s = f0 + 1; s < segIdx.length; s++) {
      const seg = segIdx[s]!;
      const a = seg[0]!;
      const b = seg[seg.length - 1]!;
      const tail = placeTail(s);
      // (a segment cut off by a clause word is the end of a clause, not a name set off by commas: `The road stays
      // closed until Easter, the attorney said`)
      const bounded =
        a - 1 < lo ||
        toks[a - 1]!.kind !== 'word' ||
        CONJUNCTIONS.has(toks[a - 1]!.l) ||
        // (`the Senate, where Majority Leader Corinne Fisk, a Democrat, has said`)
        /^(?:where|when)$/.test(toks[a - 1]!.l);
      // (a predicate with its object ends the clause before a closing `, the officials said`: `The adviser, Sam Ross,
      // offered them a deal, the officials said` is the officials', not the name before the predicate)
      if (
        s > f0 &&
        direct?.kind === 'nominal' &&
        a < b &&
        !isCap(toks[a]) &&
        (/^\p{Ll}{3,}ed$/u.test(toks[a]!.l) || IRREGULAR_PAST.has(toks[a]!.l)) &&
        !PREPS.has(toks[a + 1]!.l) &&
        toks[a + 1]!.l !== 'as'
      )
        break;
      const run = tail || !bounded ? null : nameSegment(toks, a, b);
      if (run) return phrase(text, toks, run[0], run[1], 'name');
      if (s === f0 + 1 && isPronoun(toks[b]) && a === b) return phrase(text, toks, b, b, 'pronoun');
      if (!tail && !appositiveLike(toks, a, b)) break;
    }
  }
  // "A spokesman for Corvan Rail, the contractor, insisted": an appositive of the organisation ending the role phrase
  // before it; the role speaks
  if (direct?.kind === 'nominal' && segIdx.length === f0 + 2 && /^(?:the|a|an)$/.test(toks[a0]!.l)) {
    const seg = segIdx[f0 + 1]!;
    const p = seg.findIndex((x) => /^(?:for|at|of|from|with)$/.test(toks[x]!.l));
    const head = p > 0 ? toks[seg[p - 1]!]! : undefined;
    if (
      head &&
      p >= 2 &&
      /^(?:a|an|the)$/.test(toks[seg[0]!]!.l) &&
      !isCap(head) &&
      PERSON_HEAD.test(head.l) &&
      seg.slice(p + 1).every((x) => isCap(toks[x]) || toks[x]!.l === 'the')
    )
      return phrase(text, toks, seg[0]!, seg.at(-1)!, 'nominal');
  }
  // "The whistleblower, a protégé of John Bolton and Dick Cheney, claimed": a name inside an appositive that opens
  // with an article is not the speaker; the noun phrase before the appositive is
  if (!relativeFirst && direct?.kind === 'name' && /^(?:a|an)$/.test(toks[a0]!.l) && segIdx.length > f0 + 1) {
    const seg = segIdx[f0 + 1]!;
    const before = nameOrNominal(text, toks, seg[0]!, seg[seg.length - 1]!, false);
    if (before?.kind === 'nominal') return before;
  }
  // …then the phrase before the relative clause is the subject, when it is a noun phrase
  if (relativeFirst) {
    const seg = segIdx[f0 + 1]!;
    const before = nameOrNominal(text, toks, seg[0]!, seg[seg.length - 1]!, false);
    if (before?.kind === 'nominal') return before;
    // "one user on Weibo, which is …, posted": the noun phrase's head before its preposition, not the name after it
    const prep = seg.findIndex((x) => PREPS.has(toks[x]!.l));
    const quantified = /^(?:one|a|an|the|some|many|several|another|each|every|most|two|three)$/.test(toks[seg[0]!]!.l);
    if (before?.kind === 'name' && prep > 0 && quantified && validNominal(toks, seg[0]!, seg[prep - 1]!))
      return phrase(text, toks, seg[0]!, seg[prep - 1]!, 'nominal');
  }
  return direct;
}

/** Tokens [a, b] say where someone is from: `from` or `of`, then a name (`from Sierra Leone`, `of Leeds`). */
function originSegment(toks: Tok[], a: number, b: number): boolean {
  return /^(?:from|of)$/.test(toks[a]!.l) && b > a && isCap(toks[b]);
}

/**
 * The name opening a subject whose later segments (nearest the verb first) are an address and perhaps a town and an
 * age (`Connor Blake, 27, of Marsh Lane, Welford,`): the name's run, when the last segment is one.
 */
function nameBeforeAddress(toks: Tok[], segIdx: number[][]): [number, number] | null {
  let address = false;
  for (let s = 0; s < segIdx.length; s++) {
    const seg = segIdx[s]!;
    const first = toks[seg[0]!]!;
    const capsOrNumbers = (from: number) =>
      seg.slice(from).every((x) => isCap(toks[x]) || /^\d{1,4}[a-z]?$/i.test(toks[x]!.w));
    if (/^(?:of|from)$/.test(first.l) && seg.length >= 2 && seg.length <= 6 && capsOrNumbers(1)) address = true;
    else if (!address && s < segIdx.length - 1 && seg.length <= 3 && capsOrNumbers(0)) continue;
    else if (seg.length === 1 && /^\d{1,3}$/.test(first.w)) continue;
    else return address && s === segIdx.length - 1 ? nameSegment(toks, seg[0]!, seg.at(-1)!) : null;
  }
  return null;
}

/**
 * The subject when the walk to the verb at j+1 stopped at `and` (token `and`): a determiner-led role phrase after it
 * (`the council`) and a determiner-led noun phrase opening the clause before it. A plain phrase before (`The mayor`)
 * speaks with it: the two kept as written. A phrase whose head is followed by an -ing or -ed modifier or a
 * preposition (`The lawyers representing the workers`) has the second phrase inside its modifier: its head speaks.
 */
function nominalBeforeAnd(text: string, toks: Tok[], and: number, j: number, lo: number): SpeakerPhrase | null {
  if (!DETERMINERS.has(toks[and + 1]?.l ?? '') || !lowerHead(toks, and + 1, j) || !validNominal(toks, and + 1, j))
    return null;
  let s = and - 1;
  while (s - 1 >= lo && and - s < 12 && toks[s - 1]!.kind === 'word' && !CLAUSE_BREAKERS.has(toks[s - 1]!.l)) s--;
  if (!DETERMINERS.has(toks[s]!.l) || !opensClause(toks, s, lo) || isCap(toks[s + 1])) return null;
  let head = s + 1;
  while (
    head + 1 < and &&
    toks[head + 1]!.kind === 'word' &&
    !isCap(toks[head + 1]) &&
    !/^\p{L}+(?:ing|ed)$/u.test(toks[head + 1]!.l) &&
    !PREPS.has(toks[head + 1]!.l) &&
    !CUE_FORM_TO_LEMMA.has(toks[head + 1]!.l)
  )
    head++;
  // (the two together are no one organisation, even when one is: `The mayor and the council`)
  if (head === and - 1) return lowerHead(toks, s, head) ? { ...phrase(text, toks, s, j, 'nominal'), org: false } : null;
  const modifier = toks[head + 1]!.l;
  if (!/^\p{L}+ing$/u.test(modifier) && !PREPS.has(modifier)) return null;
  return lowerHead(toks, s, head) && validNominal(toks, s, head) ? phrase(text, toks, s, head, 'nominal') : null;
}

/**
 * `Health and Human Services Secretary Xavier Becerra`, `Kent Police and Crime Commissioner Matthew Scott`: one office
 * whose remit has `and` in it, then its holder's name (the word before `and` a field an office is named for, a title
 * inside the run after it with a name after the title); not two people (`Ann Hale and Labor Secretary Jo Kim`).
 */
function officeBeforeName(toks: Tok[], first: readonly [number, number], second: readonly [number, number]): boolean {
  if (!REMIT_WORDS.has(toks[first[1]]!.l)) return false;
  for (let k = second[0] + 1; k < second[1]; k++) if (TITLES.has(toks[k]!.l.replace(/\.$/, ''))) return true;
  return false;
}

/**
 * `and` at token i joins two roles in an appositive after a name (`Lena Ortiz, Sam’s sister and Brightline’s chief
 * engineer,`): a role after `and` opens with a possessive or a determiner, and the segment before it opens after a
 * comma that follows a name.
 */
function twoRolesAfterName(toks: Tok[], i: number, lo: number): boolean {
  const next = toks[i + 1];
  if (!next || !(/['’]s$/.test(next.w) || DETERMINERS.has(next.l))) return false;
  for (let x = i - 1; x > lo && i - x < 8; x--) {
    const t = toks[x]!;
    if (t.w === ',') return !!runEndingAt(toks, x - 1, lo);
    if (t.kind !== 'word' || CLAUSE_BREAKERS.has(t.l)) return false;
  }
  return false;
}

/**
 * The subject of an absolute `with` phrase ending right before the participle at k (`…, with the mayor accusing …`,
 * `…, with analysts saying …`), or null.
 */
function withSubject(text: string, toks: Tok[], k: number, lo: number): SpeakerPhrase | null {
  let x = k - 1;
  while (x > lo && k - x <= 5 && toks[x]!.kind === 'word' && toks[x]!.l !== 'with') x--;
  if (toks[x]?.l !== 'with' || x + 1 > k - 1) return null;
  for (let y = x + 1; y < k; y++) if (PREPS.has(toks[y]!.l)) return null;
  const run = runStartingAt(toks, x + 1, k);
  if (run && run[1] === k - 1) return phrase(text, toks, run[0], run[1], 'name');
  return validNominal(toks, x + 1, k - 1) ? phrase(text, toks, x + 1, k - 1, 'nominal') : null;
}

/** A singular word for a person by their country or people (`Argentine`, `Brazilian`, `Dutchwoman`, `Spaniard`). */
const DEMONYM =
  /^(?:\p{Lu}\p{Ll}+(?:ian|ean)|Argentine|Filipino|Filipina|(?:Dutch|French|Irish|English|Scots|Welsh|Cornish)(?:man|woman)|Spaniard|Swede|Dane|Finn|Pole|Turk|Scot|Briton|Swiss|Greek|Czech|Thai|Iraqi|Israeli|Pakistani|Afghan|Kenyan|Nigerian|Ghanaian)$/u;

/** Members of a party, standing for a person (`the Ohio Democrat`, `the Republican`). */
export const PARTY_MEMBERS = 'Democrat|Republican';
const PARTY_MEMBER = new RegExp(`^(?:${PARTY_MEMBERS})$`);

/** Prepositions that tie people to a place (`Graziers in Queensland`, `residents of Kent`, `fans from Leeds`). */
const PLACE_PREPS: ReadonlySet<string> = new Set(['in', 'of', 'from', 'at', 'across', 'near', 'around']);

/** How many lower-case words end at token x (`western` of `in western Queensland`), at most three, not before a. */
function lowerWordsBefore(toks: Tok[], x: number, a: number): number {
  let n = 0;
  while (n < 3 && x - n > a && toks[x - n]!.kind === 'word' && !isCap(toks[x - n]) && !PLACE_PREPS.has(toks[x - n]!.l))
    n++;
  return n;
}

/** A head for people in [a, b]: a lower-case noun phrase, or a plural opening the sentence (`Graziers`). */
function peopleHead(toks: Tok[], a: number, b: number): boolean {
  if (lowerHead(toks, a, b)) return validNominal(toks, a, b);
  return a === b && /^\p{Lu}\p{Ll}+s$/u.test(toks[a]!.w) && !isGivenName(toks[a]!.w) && PERSON_HEAD.test(toks[a]!.l);
}

/** Within one segment [a, b]: a name run at its end (or before "of Place"), a pronoun, or a nominal phrase. */
function nameOrNominal(text: string, toks: Tok[], a: number, b: number, _more: boolean): SpeakerPhrase | null {
  // skip leading conjunctions/adverbs
  while (a <= b && (CLAUSE_BREAKERS.has(toks[a]!.l) || toks[a]!.l === 'but' || toks[a]!.kind === 'punct')) a++;
  if (a > b) return null;
  // "a 2018 study by the Institute for X": who published it
  if (/^(?:a|an|the)$/.test(toks[a]!.l)) {
    const issuer = issuerOfDocument(text, phrase(text, toks, a, b, 'nominal'));
    if (issuer && issuer.end <= toks[b]!.e) return issuer;
  }
  const run = runEndingAt(toks, b, a);
  if (INTRO_WORDS.has(toks[a]!.l) && (!run || run[0] === a)) return null;
  // "Corinne Vasquez of the Liberty Defense Alliance": a person's name first, then where they are from or work
  const opening = runStartingAt(toks, a, b + 1);
  if (
    opening &&
    opening[1] > opening[0] &&
    opening[1] + 1 < b &&
    /^(?:of|from)$/.test(toks[opening[1] + 1]!.l) &&
    isGivenName(toks[opening[0]]!.w) &&
    !isOrgRun(toks, opening[0], opening[1])
  )
    return phrase(text, toks, opening[0], opening[1], 'name');
  // "one neo-bank CEO", "the company's CEO": a title after lower-case words heads a nominal
  if (run && run[0] > a && run[1] === b && !isCap(toks[run[0] - 1]) && titleOnly(toks, run) && validNominal(toks, a, b))
    return phrase(text, toks, a, b, 'nominal');
  if (run) {
    // "Gov. Ann Smith of Ohio", "Corinne Vasquez of the Liberty Defense Alliance": the person before the place or
    // the organisation
    const the = toks[run[0] - 1]?.l === 'the' ? 1 : 0;
    const before = toks[run[0] - 1 - the];
    if (before && run[0] - 1 - the > a && (before.l === 'of' || before.l === 'from')) {
      const earlier = runEndingAt(toks, run[0] - 2 - the, a);
      const onlyTitles = earlier && allTitles(toks, earlier);
      if (earlier && !onlyTitles && !isOrgRun(toks, earlier[0], earlier[1]) && !isOrgRun(toks, run[0], run[1])) {
        const titled = earlier[0] > a || TITLES.has(toks[earlier[0]]!.l.replace(/\.$/, ''));
        // (or a first name alone: `Derek from Thornbury`)
        if (titled || earlier[1] > earlier[0] || isGivenName(toks[earlier[0]]!.w))
          return phrase(text, toks, earlier[0], earlier[1], 'name');
      }
    }
    // "Graziers in western Queensland say", "Residents of rural Kent": the people, as written, not the place
    const p = run[0] - 1 - lowerWordsBefore(toks, run[0] - 1, a);
    if (p > a && PLACE_PREPS.has(toks[p]!.l) && run[1] === b && peopleHead(toks, a, p - 1))
      return { ...phrase(text, toks, a, b, 'nominal'), org: false };
    // "The mayor of Springfield said": the role phrase, not the place
    if (before?.l === 'of' && run[0] - 1 > a && lowerHead(toks, a, run[0] - 2) && validNominal(toks, a, b))
      return phrase(text, toks, a, b, 'nominal');
    // "the Argentine", "the Dutchwoman", "the 23-year-old Brazilian": a person by where they are from
    if (run[0] === run[1] && run[1] === b && DEMONYM.test(toks[b]!.w) && DETERMINERS.has(toks[a]!.l))
      return { ...phrase(text, toks, a, b, 'nominal'), org: false };
    // "The Ohio Democrat", "the Texas Republican": a person by party (and state)
    if (run[1] === b && run[1] - run[0] <= 2 && PARTY_MEMBER.test(toks[b]!.w) && DETERMINERS.has(toks[a]!.l))
      return { ...phrase(text, toks, a, b, 'nominal'), org: false };
    // "the Harbor Trust", "the New York Times": an organisation name
    if (run[0] === a + 1 && /^the$/i.test(toks[a]!.w))
      return { ...phrase(text, toks, run[0], run[1], 'name'), org: true };
    // a name preceded by a determiner or lower-case words is the name when the run looks like a person
    if (run[0] === a || !isOrgRun(toks, run[0], run[1]) || toks[run[0] - 1]?.l !== 'the') {
      if (!(run[0] > a && DETERMINERS.has(toks[run[0] - 1]!.l) && isOrgRun(toks, run[0], run[1])))
        return phrase(text, toks, run[0], run[1], 'name');
    }
  }
  // "Farmer Ganpat Shinde of Ner taluka": a person, then the place they are from, ending in a common noun
  for (let p = b - 1; !run && p > a && b - p <= 3; p--) {
    if (toks[p]!.l !== 'of' && toks[p]!.l !== 'from') continue;
    const name = isCap(toks[p + 1]) ? runEndingAt(toks, p - 1, a) : null;
    if (name && name[1] > name[0] && !isOrgRun(toks, name[0], name[1]) && !allTitles(toks, name))
      return phrase(text, toks, name[0], name[1], 'name');
    break;
  }
  if (a === b && isPronoun(toks[a])) return phrase(text, toks, a, a, 'pronoun');
  if (b - a > 14) a = b - 14;
  // "Farmers marching to the capitol": the head before a participle
  for (let x = a + 1; x <= b; x++) {
    // (not an adjective after its determiner: `An official from the opposing delegation`)
    // (nor a noun's modifier right before it: `The council's planning department`, `the housing association`)
    if (
      toks[x]!.kind === 'word' &&
      !isCap(toks[x]) &&
      /ing$/.test(toks[x]!.l) &&
      toks[x]!.l.length > 5 &&
      !DETERMINERS.has(toks[x - 1]!.l) &&
      !(
        x + 1 === b &&
        toks[b]!.kind === 'word' &&
        !isCap(toks[b]) &&
        !PREPS.has(toks[b]!.l) &&
        !/[^'’]s$/.test(toks[x - 1]!.l)
      )
    ) {
      // "… a move the Ohio senator said …" after a participle: the phrase after it; "Farmers marching …": before it
      if (x < b && DETERMINERS.has(toks[x + 1]!.l)) a = x + 1;
      else b = x - 1;
      break;
    }
  }
  // "an offer the union called “…”", "a margin Harlan's team has dismissed": a noun phrase, then the one whose verb it
  // is (a reduced relative clause)
  for (let x = b - 1; x > a + 1; x--) {
    if (!/^(?:the|a|an)$/.test(toks[x]!.l) && !(isCap(toks[x]) && /['’]s$/.test(toks[x]!.w))) continue;
    const prev = toks[x - 1]!;
    if (
      prev.kind === 'word' &&
      !isCap(prev) &&
      !PREPS.has(prev.l) &&
      !DETERMINERS.has(prev.l) &&
      /^(?:a|an|the)$/.test(toks[a]!.l)
    )
      if (validNominal(toks, x, b)) a = x;
    break;
  }
  // a possessive name as the head's owner: "Okafor's campaign" is a nominal, kept whole
  return validNominal(toks, a, b) ? phrase(text, toks, a, b, 'nominal') : null;
}

/** A run of titles only (`President`, `Chief Executive`), or a lone `CEO`/`CFO`/`COO`/`CTO`. */
function titleOnly(toks: Tok[], run: [number, number]): boolean {
  return allTitles(toks, run) || (run[0] === run[1] && /^c[efot]o$/.test(toks[run[0]]!.l));
}

/**
 * A name inside a participle phrase right before the verb is not its subject: `The authors of the study published in
 * the journal Harbour Medicine argued` → `The authors of the study`.
 */
function subjectBeforeParticiple(text: string, toks: Tok[], j: number, lo: number): SpeakerPhrase | null {
  const run = runEndingAt(toks, j, lo);
  if (!run) return null;
  let x = run[0] - 1;
  if (toks[x] && toks[x]!.kind === 'word' && !isCap(toks[x]) && !PREPS.has(toks[x]!.l)) x--; // `the journal`
  if (toks[x]?.l === 'the') x--;
  if (!toks[x] || !PREPS.has(toks[x]!.l)) return null;
  const participle = toks[x - 1];
  if (participle?.kind !== 'word' || isCap(participle) || !/ed$/.test(participle.l)) return null;
  let a = x - 2;
  while (a - 1 >= lo && toks[a - 1]!.kind === 'word' && !CLAUSE_BREAKERS.has(toks[a - 1]!.l) && x - 2 - a < 8) a--;
  if (a > x - 2) return null;
  const np = nameOrNominal(text, toks, a, x - 2, false);
  return np?.kind === 'nominal' ? np : null;
}

/** Last words of a newspaper's or agency's name after `of the` (`the Times`, `the Sun`, `the Associated Press`). */
const PUBLICATION: ReadonlySet<string> = new Set([
  ...[...NEWSPAPER_LAST_WORDS].map((w) => w.toLowerCase()),
  'sun',
  'star',
  'reporter',
  'wire',
  'magazine',
]);

/** Discourse words set off by commas between a subject and its verb (`Economists, however, argue`). */
const DISCOURSE = new Set([
  'however',
  'though',
  'too',
  'meanwhile',
  'instead',
  'therefore',
  'also',
  'nonetheless',
  'nevertheless',
  'moreover',
  'furthermore',
  'meantime',
  'likewise',
  'similarly',
  'overall',
  'indeed',
]);

/** Prepositions that attach a place or an organisation to the speaker before them (`Ann Lee of the agency`). */
const POST_PREPS = new Set(['of', 'at', 'from', 'in', 'with', 'for']);
/** Words inside a proper name made of several capitalised parts (`Department of Health and Human Services`). */
const NAME_JOINERS = new Set([...POST_PREPS, 'and', '&', 'the']);

/**
 * The speaker before a place or an organisation attached by a preposition, right before the verb: a person's full
 * name (`Dr. Ann Lee of the Department of Health and Human Services says`), or a plural group of people (`Health
 * authorities in Inner Mongolia confirmed`). Null when the words before the verb do not read so.
 */
function speakerBeforeAttachment(text: string, toks: Tok[], j: number, lo: number): SpeakerPhrase | null {
  if (!runEndingAt(toks, j, lo)) return null;
  // the capitalised chunk ending at j, across the small words inside names
  let c = j;
  // (`on` only after an institution's word: `National Institute on Drug Abuse`, `Committee on Foreign Relations`)
  const joiner = (t: Tok, before: Tok | undefined) =>
    NAME_JOINERS.has(t.l) || (t.l === 'on' && !!before && isCap(before) && ORG_WORDS.has(before.l));
  while (c - 1 >= lo && (nameTok(toks[c - 1]) || joiner(toks[c - 1]!, toks[c - 2]))) c--;
  while (c < j && !nameTok(toks[c])) c++;
  // a person's name, then a preposition, inside the chunk
  let p = c + 1;
  while (p < j && !POST_PREPS.has(toks[p]!.l)) p++;
  if (p < j && (nameTok(toks[p + 1]) || toks[p + 1]?.l === 'the')) {
    const name = runEndingAt(toks, p - 1, c);
    if (name && name[0] === c) {
      let first = name[0];
      while (first < name[1] && TITLES.has(toks[first]!.l.replace(/\.$/, ''))) first++;
      const personLike = !isOrgRun(toks, name[0], name[1]) && !allTitles(toks, name);
      if (personLike && name[1] > first) return phrase(text, toks, name[0], name[1], 'name');
      // a lone surname before a newspaper (`Wee of the Times reports`): the reporter, not the paper
      const org = runStartingAt(toks, toks[p + 1]?.l === 'the' ? p + 2 : p + 1, j + 1);
      if (personLike && name[0] === name[1] && org && org[1] === j && org[0] > p && PUBLICATION.has(toks[j]!.l))
        return phrase(text, toks, name[0], name[1], 'name');
    }
  }
  // an organisation's name across its small words (`Bank of America said`, `Department of Health and Human Services`)
  const firstRun = runStartingAt(toks, c, j + 1);
  // (the subject itself: at the clause start, not after `a fellow at the`)
  let before = c - 1;
  if (toks[before]?.l === 'the') before--;
  const opensClause =
    before < lo ||
    toks[before]!.kind === 'quote' ||
    /^[,;:(—–-]$/.test(toks[before]!.w) ||
    CLAUSE_BREAKERS.has(toks[before]!.l);
  // (not an office there and its holder: `Kent Police and Crime Commissioner Matthew Scott`)
  if (firstRun && firstRun[1] < j && opensClause && isOrgRun(toks, firstRun[0], firstRun[1])) {
    let titled = false;
    for (let k = firstRun[1] + 1; k < j && !titled; k++) titled = TITLES.has(toks[k]!.l.replace(/\.$/, ''));
    return { ...phrase(text, toks, c, j, 'name'), org: !titled || isOrgRun(toks, c, j) };
  }
  // a plural group of people, or a role (`the U.S. envoy to Ukraine`, `a spokeswoman for Acme`), then a preposition,
  // then the chunk
  // (`a spokeswoman for the Union of Retail Workers`: past `the`)
  const h = toks[c - 1]?.l === 'the' ? c - 3 : c - 2;
  const prep = toks[h + 1];
  const head = toks[h];
  if (!prep || !head || prep.l === 'of' || !(POST_PREPS.has(prep.l) || prep.l === 'to')) return null;
  const group = /s$/.test(head.l) && PERSON_HEAD.test(head.l);
  if (head.kind !== 'word' || isCap(head) || !(group || TITLES.has(head.l))) return null;
  // (`China’s ambassador to Britain Liu Xiaoming said`: a person's name after the place is the speaker)
  if (!group) {
    if (j - c >= 2 && !isOrgRun(toks, c, j)) return null;
    for (let x = c + 1; x <= j; x++) if (isGivenName(toks[x]!.w)) return null;
  }
  let a = h;
  while (a - 1 >= lo && h - (a - 1) < 4 && toks[a - 1]!.kind === 'word' && !CLAUSE_BREAKERS.has(toks[a - 1]!.l)) a--;
  // (with `the` before the organisation, the whole phrase: `A spokesperson for the British Foreign Office`)
  if (h === c - 3 && DETERMINERS.has(toks[a]!.l) && validNominal(toks, a, j))
    return { ...phrase(text, toks, a, j, 'nominal'), org: false };
  return nameOrNominal(text, toks, a, h, false);
}

/**
 * `and` at token i joins two nouns inside an appositive: lower-case words on both sides, and further left, before
 * any verb or clause word, a comma right after a name (`Fan Mengguang, deputy director of … prevention and control`).
 */
function andInAppositive(toks: Tok[], i: number, lo: number): boolean {
  const next = toks[i + 1];
  if (next?.kind !== 'word' || isCap(next) || isPronoun(next) || CUE_FORM_TO_LEMMA.has(next.l)) return false;
  if (/(?:ed|ing)$/.test(next.l)) return false;
  for (let x = i - 1; x >= lo && i - x <= 16; x--) {
    const t = toks[x]!;
    // (a word of saying right after an article is a noun: `a state senator`)
    const cue = CUE_FORM_TO_LEMMA.has(t.l) && !/^(?:a|an|the)$/.test(toks[x - 1]?.l ?? '');
    if (t.kind === 'quote' || /^[;:.!?]$/.test(t.w) || cue || RELATIVES.has(t.l)) return false;
    if (t.w === ',') {
      // a determiner after `and` only in an appositive opened by one or by a possessive (`Anna Berg, a mother of two
      // and the school's principal, said`; `Paul Ferrand, Mira’s coach and the club’s director, said`), not a
      // second person (`a teacher, and the principal`)
      const opener = toks[x + 1];
      const opensAppositive =
        !!opener && (/^(?:a|an|the|his|her|their|its)$/.test(opener.l) || /\p{L}['’]s$/u.test(opener.w));
      if (DETERMINERS.has(next.l) && (toks[i - 1]?.w === ',' || !opensAppositive)) return false;
      const run = runEndingAt(toks, x - 1, lo);
      return !!run && !weakRun(toks, run);
    }
  }
  return false;
}

/** Tokens a..b are a determiner-led phrase of lower-case words (`the mayor`, `a friend`): a role, not a title. */
function lowerHead(toks: Tok[], a: number, b: number): boolean {
  if (b < a || !DETERMINERS.has(toks[a]!.l)) return false;
  for (let x = a + 1; x <= b; x++) if (toks[x]!.kind !== 'word' || isCap(toks[x])) return false;
  return b > a;
}

/** A plausible noun phrase: ends in a noun-like word, holds no verb-looking word after a name, no cue verb. */
function validNominal(toks: Tok[], a: number, b: number): boolean {
  const words = toks.slice(a, b + 1);
  if (!words.some((t) => t.kind === 'word')) return false;
  const last = toks[b]!;
  if (last.kind !== 'word' || PREPS.has(last.l) || DETERMINERS.has(last.l) || CLAUSE_BREAKERS.has(last.l)) return false;
  if (RELATIVES.has(last.l) || VERB_MODIFIERS.has(last.l) || isLyAdverb(last.l)) return false;
  for (let i = a; i <= b; i++) {
    const t = toks[i]!;
    // (a verb form that is a noun modifying the head is no verb: `state media`, `state police`)
    if (CUE_FORM_TO_LEMMA.has(t.l) && !isCap(t) && !(i < b && t.l === 'state')) return false;
    // (`only` after a determiner is an adjective: `His only statement`)
    const only = t.l === 'only' && i > a && DETERMINERS.has(toks[i - 1]!.l);
    if (RELATIVES.has(t.l) || (VERB_MODIFIERS.has(t.l) && !only)) return false;
    // "Okafor unveiled …": a name directly followed by a past-tense-looking word
    // (not an adjective after a determiner opening the sentence: `A retired teacher`, `An unnamed aide`)
    const prev = toks[i - 1];
    const adjective = i < b && DETERMINERS.has(prev?.l ?? '');
    if (i > a && isCap(prev) && !isCap(t) && /ed$/.test(t.l) && !/['’]s$/.test(prev!.w) && !adjective) return false;
  }
  // lower-case start must be a determiner, a possessive, or a short plural ("officials", "some experts")
  const f = toks[a]!;
  if (
    !isCap(f) &&
    !DETERMINERS.has(f.l) &&
    !/['’]s$/.test(f.l) &&
    b - a > 2 &&
    !PERSON_HEAD.test(last.l) &&
    !BARE_GROUPS.test(f.l)
  )
    return false;
  return b - a <= 14;
}

/** Words that end a speaker phrase after a verb-first cue (`said the official who …`, `said a study published …`). */
const AFTER_HEAD_STOP: ReadonlySet<string> = new Set([
  'who',
  'which',
  'that',
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'when',
  'while',
  'as',
  'to',
  'because',
  'last',
  'this',
  'earlier',
  'later',
  'recently',
  'told',
  // a participle after the head noun: `a study published on Tuesday`, `a report released by …`
  'published',
  'released',
  'conducted',
  'issued',
  'commissioned',
  'compiled',
  'funded',
  'led',
  'prepared',
  'obtained',
  'filed',
  'posted',
  'written',
  'carried',
]);

/** Auxiliaries and modals: a clause's verb after a noun (`the plan would fail`). */
const AUXILIARY = /^(?:is|was|were|are|has|have|had|would|will|could|can|may|might|should|must)$/;

/** The speaker phrase right after a verb-first cue (`said Mr. Smith, who …`, `said the spokeswoman`). */
export function subjectAfter(text: string, toks: Tok[], i: number, hi: number): SpeakerPhrase | null {
  while (i < hi && (VERB_MODIFIERS.has(toks[i]!.l) || WEEKDAYS.test(toks[i]!.l))) i++;
  if (i >= hi) return null;
  // "tell me one thing", "asked us": an object pronoun is the hearer, never the speaker
  if (/^(?:me|us|him|them)$/.test(toks[i]!.l)) return null;
  if (isPronoun(toks[i])) return phrase(text, toks, i, i, 'pronoun');
  // descriptors then a name: the last name run before any punctuation or clause word
  let lastRun: [number, number] | null = null;
  for (let x = i; x < Math.min(hi, i + 8); x++) {
    const t = toks[x]!;
    if (t.w === '/') continue; // "9/11 widow Ana Ruiz"
    // "said Harbourview president and CEO Dr. Ann Okafor": `and` between two titles
    if (
      t.l === 'and' &&
      (TITLES.has(toks[x - 1]?.l ?? '') || /^(?:co-)?founder$|^owner$/.test(toks[x - 1]?.l ?? '')) &&
      (TITLES.has(toks[x + 1]?.l ?? '') || /^(?:co-)?founder$|^owner$/.test(toks[x + 1]?.l ?? ''))
    )
      continue;
    // "said Health and Human Services Secretary Xavier Becerra": an office with `and` in its remit, then the holder
    if (t.l === 'and' && lastRun && lastRun[1] === x - 1) {
      const r = runStartingAt(toks, x + 1, hi);
      if (r && officeBeforeName(toks, lastRun, r)) {
        lastRun = [lastRun[0], r[1]];
        x = r[1];
        continue;
      }
    }
    if (t.kind !== 'word' || CLAUSE_BREAKERS.has(t.l) || RELATIVES.has(t.l) || isCueTok(toks, x)) break;
    // "Secretary of State Ann Smith": a title-only run before "of" is part of the title
    const titleOnly = !!lastRun && allTitles(toks, lastRun);
    if (PREPS.has(t.l) && (t.l !== 'of' || (lastRun && !titleOnly))) break;
    const r = runStartingAt(toks, x, hi);
    if (r) {
      if (!weakRun(toks, r)) lastRun = r;
      x = r[1];
    }
  }
  const run = runStartingAt(toks, i, hi);
  // "said Northgate's president, Diane Okafor": the name set off after an organisation's role
  if (run && /['’]s$/.test(toks[run[1]]!.w)) {
    let c = run[1] + 1;
    while (c < hi && c - run[1] <= 4 && toks[c]!.kind === 'word' && !isCap(toks[c])) c++;
    const named = c > run[1] + 1 && toks[c]?.w === ',' ? runStartingAt(toks, c + 1, hi) : null;
    const close = named ? toks[named[1] + 1] : undefined;
    if (named && !weakRun(toks, named) && (!close || /^[,:;.!?]$/.test(close.w) || close.kind === 'quote'))
      return phrase(text, toks, named[0], named[1], 'name');
  }
  // "said the mayor of Springfield": the role phrase, not the place
  if (lastRun && !run && toks[lastRun[0] - 1]!.l === 'of' && lowerHead(toks, i, lastRun[0] - 2)) {
    return validNominal(toks, i, lastRun[1]) ? phrase(text, toks, i, lastRun[1], 'nominal') : null;
  }
  // "the Jordanian government", "the Chinese foreign ministry": a capitalised word modifying a lower-case head
  const modifier = lastRun ?? run;
  if (modifier && modifier[0] > i && DETERMINERS.has(toks[modifier[0] - 1]!.l)) {
    let head = modifier[1];
    while (
      head + 1 < hi &&
      head - modifier[1] < 3 &&
      toks[head + 1]!.kind === 'word' &&
      !isCap(toks[head + 1]) &&
      !PREPS.has(toks[head + 1]!.l) &&
      !CLAUSE_BREAKERS.has(toks[head + 1]!.l) &&
      !RELATIVES.has(toks[head + 1]!.l) &&
      !CUE_FORM_TO_LEMMA.has(toks[head + 1]!.l) &&
      !/(?:ed|ing|ly)$/.test(toks[head + 1]!.l)
    )
      head++;
    if (head > modifier[1] && validNominal(toks, i, head)) return phrase(text, toks, i, head, 'nominal');
  }
  const runIsTitle = !!run && allTitles(toks, run);
  // "one neo-bank CEO": a title after lower-case words is the head of a nominal, not a name
  if (lastRun && !run && lastRun[0] > i && titleOnly(toks, lastRun) && validNominal(toks, i, lastRun[1]))
    return phrase(text, toks, i, lastRun[1], 'nominal');
  if (
    lastRun &&
    (!run || lastRun[0] > run[0] || lastRun[1] > run[1]) &&
    (!run || runIsTitle || toks[lastRun[0] - 1]!.l !== 'of')
  ) {
    return phrase(text, toks, lastRun[0], lastRun[1], 'name');
  }
  if (run) return phrase(text, toks, run[0], run[1], 'name');
  const t = toks[i]!;
  if (t.kind !== 'word') return null;
  let b = i;
  while (b + 1 < hi) {
    const n = toks[b + 1]!;
    // (a verb form right after a determiner is a noun: `the state education department`)
    const cueForm = CUE_FORM_TO_LEMMA.has(n.l) && !DETERMINERS.has(toks[b]!.l);
    if (n.kind !== 'word' || AFTER_HEAD_STOP.has(n.l) || WEEKDAYS.test(n.l) || cueForm) break;
    // (a clause's verb, not a modifier: `said the ward needed more staff`, `said the plan would fail`)
    if (
      !DETERMINERS.has(toks[b]!.l) &&
      (AUXILIARY.test(n.l) ||
        (/^\p{Ll}{3,}ed$/u.test(n.l) && toks[b + 2]?.kind === 'word' && !PREPS.has(toks[b + 2]!.l)))
    )
      break;
    b++;
    if (b - i > 12) break;
  }
  if (t.l === 'that' || CLAUSE_BREAKERS.has(t.l) || PREPS.has(t.l)) return null;
  // (a relative clause without `who` ends the phrase: `several people I spoke to`)
  for (let x = i + 1; x <= b; x++) {
    if (/^(?:i|we|you|he|she|they)$/.test(toks[x]!.l)) {
      b = x - 1;
      break;
    }
  }
  if (!DETERMINERS.has(t.l) && b === i && !/s$/.test(t.l) && !BARE_GROUPS.test(t.l)) return null;
  if (!validNominal(toks, i, b)) return null;
  // "according to his uncle, Frank Medina, …": the name in apposition to the role
  if (toks[b + 1]?.w === ',') {
    const run = runStartingAt(toks, b + 2, hi);
    const close = run ? toks[run[1] + 1] : undefined;
    if (run && !weakRun(toks, run) && (!close || /^[,:;.!?]$/.test(close.w) || close.kind === 'quote'))
      return phrase(text, toks, run[0], run[1], 'name');
  }
  // a nominal that ends in a name ("the group's leader, Ann Smith") is handled by the name run rule
  return phrase(text, toks, i, b, 'nominal');
}

/** `according to X` (or `in the words of X`) anywhere in the token range. */
/** Plural or mass nouns of what a source gives (`reports`, `figures`, `accounts`), after `according to`. */
const SOURCE_NOUN =
  /^(?:reports|accounts|figures|data|documents|estimates|statistics|records|numbers|testimony|filings|papers|minutes|emails|messages|notes)$/;

/**
 * After `according to`, a source noun and who gave it (`credible reports received by the Miners Union`, `figures
 * from the statistics office`: the union, the office); when the words after it only back it up (`eyewitness accounts
 * corroborated by phone footage`), the source noun phrase itself.
 */
function sourceWithModifier(text: string, toks: Tok[], i: number, hi: number): SpeakerPhrase | null {
  for (let j = i; j < Math.min(hi, i + 3); j++) {
    const t = toks[j]!;
    if (t.kind !== 'word' || isCap(t)) return null;
    if (!SOURCE_NOUN.test(t.l)) continue;
    const next = toks[j + 1]?.l;
    const by =
      next === 'from' || next === 'by' ? j + 2 : toks[j + 2]?.l === 'by' && /ed$/.test(next ?? '') ? j + 3 : -1;
    // (reports with no one named, perhaps a place: `according to media reports`, `reports in Spain`): as written
    if (by < 0) {
      const place = next === 'in' && isCap(toks[j + 2]) ? (runStartingAt(toks, j + 2, hi)?.[1] ?? -1) : -1;
      const end = place >= 0 ? place : j;
      const closes = !toks[end + 1] || /^[,.;:!?)]$/.test(toks[end + 1]!.w);
      return closes && /^(?:reports|accounts)$/.test(t.l) ? phrase(text, toks, i, end, 'nominal') : null;
    }
    if (/^(?:corroborated|confirmed|backed|supported|verified)$/.test(next ?? ''))
      return validNominal(toks, i, j) ? phrase(text, toks, i, j, 'nominal') : null;
    return subjectAfter(text, toks, by, hi);
  }
  return null;
}

/**
 * The owner of a document matched by OWNED_DOCUMENT or DOCUMENT_OF (group 1) in text starting at offset `at`: an
 * organisation after `the` or by its last word (`The Ledger's`, `Harbor Institute's`), else as the article has it.
 */
function ownerPhrase(m: RegExpExecArray, at: number): SpeakerPhrase {
  const start = at + m[0].indexOf(m[1]!);
  const org = /^[Tt]he\s/.test(m[0]) || ORG_WORDS.has(m[1]!.split(/\s+/).at(-1)!.toLowerCase());
  return { start, end: start + m[1]!.length, text: m[1]!, kind: 'name', org };
}

/** `according to The Verge's Stadia review`: the owner of the document that starts at token t. */
function ownerOfDocumentAt(text: string, t: Tok | undefined): SpeakerPhrase | null {
  if (!t) return null;
  const m = OWNED_DOCUMENT.exec(text.slice(t.s, t.s + 120));
  return m ? ownerPhrase(m, t.s) : null;
}

/**
 * `According to X, …` opening the sentence (after a connective at most), or null: the source of a sentence whose later
 * verbs report nothing (`According to the Jordanian government, the country had admitted 1.4 million refugees`).
 */
export function openingAccordingTo(text: string, tokens: TokenIndex, sent: Span): Attribution | null {
  const toks = tokens.range(sent.start, sent.end);
  const acc = accordingTo(text, toks, 0, toks.length);
  if (!acc?.cue) return null;
  return /^[\s"“'‘(]*(?:(?:but|and|yet|so|now|also|still)\s*,?\s+)?$/i.test(text.slice(sent.start, acc.cue.start))
    ? acc
    : null;
}

function accordingTo(text: string, toks: Tok[], lo: number, hi: number): Attribution | null {
  for (let i = lo; i + 1 < hi; i++) {
    if (toks[i]!.l === 'according' && toks[i + 1]!.l === 'to') {
      // (`According to him, …`: the person a pronoun stands for)
      const object = toks[i + 2] && /^(?:him|her|them)$/.test(toks[i + 2]!.l) && toks[i + 3]?.w === ',';
      const sp =
        (object ? phrase(text, toks, i + 2, i + 2, 'pronoun') : null) ??
        ownerOfDocumentAt(text, toks[i + 2]) ??
        sourceWithModifier(text, toks, i + 2, hi) ??
        subjectAfter(text, toks, i + 2, hi);
      const cue = { start: toks[i]!.s, end: toks[i + 1]!.e, lemma: 'according to' };
      if (sp) return { speaker: issuerOfDocument(text, sp) ?? sp, cue };
    }
    // "in the words of the patient: “…”"
    if (toks[i]!.l === 'in' && toks[i + 1]!.l === 'the' && toks[i + 2]?.l === 'words' && toks[i + 3]?.l === 'of') {
      const sp = subjectAfter(text, toks, i + 4, hi);
      if (sp) return { speaker: sp, cue: { start: toks[i]!.s, end: toks[i + 3]!.e, lemma: 'in the words of' } };
    }
    // "in her words, “…”", "in his own words": the owner of the words
    const own = toks[i + 2]?.l === 'own' ? 1 : 0;
    if (toks[i]!.l === 'in' && /^(?:his|her|their)$/.test(toks[i + 1]!.l) && toks[i + 2 + own]?.l === 'words') {
      const cue = { start: toks[i]!.s, end: toks[i + 2 + own]!.e, lemma: 'in the words of' };
      return { speaker: phrase(text, toks, i + 1, i + 1, 'pronoun'), cue };
    }
  }
  return null;
}

/** Verbs whose object is the subject of the infinitive after it (`allowed X to say`, `urged X to declare`). */
const OBJECT_CONTROL =
  /^(?:allow|ask|urge|force|encourage|prompt|invite|lead|led|push|press|get|got|let|compel|persuade|convince|inspire|tell|told)(?:s|ed|ing)?$/;

/** Common verbs in the past that do not end in -ed (`some of the defenders took to social media`). */
const IRREGULAR_PAST = new Set(
  'took made gave went came got began kept left led met paid put ran saw sent set spent stood won wrote brought bought built caught felt fought found held heard knew lost meant rose sought sold struck thought threw understood'.split(
    ' ',
  ),
);

/** A word of two or more letters, all capitals (a dateline's place). */
function isAllCaps(w: string): boolean {
  return w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Participles opening an aside about how someone was reached (`, asked if …,`, `, reached after practice,`). */
const PASSIVE_ASIDE =
  /^(?:asked|reached|contacted|interviewed|questioned|pressed|approached|speaking|granted|given|citing|obtained|released|published|seen|reviewed|issued|posted)$/;

/** Words after which a participle opens a clause of its own (`When asked,`, `Once elected,`). */
const SUBORDINATORS = new Set(['when', 'once', 'if', 'as', 'though', 'although', 'unless', 'while', 'after', 'before']);

/** A document of a named owner at the start of a longer text: `The Verge's Stadia review, …` (group 1: the owner). */
const OWNED_DOCUMENT =
  /^(?:[Tt]he\s+)?(\p{Lu}(?:[\p{L}-]|\.(?=\p{L}))*(?:\s+\p{Lu}(?:[\p{L}-]|\.(?=\p{L}))*){0,3})['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:report|study|survey|analysis|story|article|poll|paper|review|investigation|audit|statement|filing|memo|testimony|letter|complaint|lawsuit|data|figures|estimates|findings)\b/u;

/** A document of a named owner: `The Ledger's report`, `Harlan's earlier testimony` (group 1: the owner). */
const DOCUMENT_OF =
  /^(?:[Tt]he\s+)?(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})['’]s\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?(?:report|study|survey|analysis|story|article|poll|paper|review|investigation|audit|statement|filing|memo|testimony|letter|complaint|lawsuit|email|post|tweet|blog|book|memoir|ruling|decision|findings)$/u;

/** `a report in the Harbor Leader`, `a study by the Centre for Fair Pay`: a document, then who published it. */
const DOCUMENT_BY =
  /^(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:report|study|survey|analysis|story|article|poll|paper|review|investigation|audit|statement|filing|memo)\s+(?:(?:published|released|conducted|commissioned)\s+)?(?:in|by|from)\s+(?:the\s+)?(\p{Lu}(?:[\p{L}&'’-]|\.(?=\p{L}))*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?\p{Lu}(?:[\p{L}&'’-]|\.(?=\p{L}))*){0,6})/u;

/**
 * The publisher of a document named as a source (`according to a report in X`, `A study by X, …, concluded`), as the
 * speaker; null when none is named.
 */
export function issuerOfDocument(text: string, sp: SpeakerPhrase): SpeakerPhrase | null {
  if (sp.kind !== 'nominal') return null;
  // `The Ledger's report`, `Harlan's earlier testimony`: whose it is
  const own = DOCUMENT_OF.exec(sp.text);
  if (own) return ownerPhrase(own, sp.start);
  const m = DOCUMENT_BY.exec(text.slice(sp.start, sp.start + 200));
  if (!m) return null;
  const start = sp.start + m[0].length - m[1]!.length;
  // a person, then where they work (`a survey by Penelope Abernathy of the University of X`): the person
  const person = isGivenName(m[1]!.split(/\s+/)[0]!) ? / of /.exec(m[1]!) : null;
  const name = person ? m[1]!.slice(0, person.index) : m[1]!;
  // (not a name that modifies a noun after it: `a statement from the Kopp family`)
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(start + m[1]!.length, start + m[1]!.length + 30))?.[1];
  if (!person && next && !CUE_FORM_TO_LEMMA.has(next) && !/(?:ed|s)$/.test(next)) return null;
  return {
    start,
    end: start + name.length,
    text: name,
    kind: 'name',
    org: !person && !isGivenName(name.split(/\s+/)[0]!),
  };
}

/** The subject of the main clause of a sentence: its first pronoun or name phrase (after an introductory phrase). */
/** `Last week`, `This morning`, `Earlier this year` (the `this year` part): a time opening a sentence. */
const TIME_OPENER = /^(?:last|this|next|earlier|later)$/;
const TIME_NOUN = /^(?:week|month|year|night|weekend|morning|afternoon|evening|spring|summer|autumn|fall|winter)$/;

function sentenceSubject(
  text: string,
  toks: Tok[],
  from: number,
  hi: number,
  midCaps?: ReadonlySet<string>,
  withCue = false,
): SpeakerPhrase | null {
  // a run-in heading ("Veto Power Blocks Relief: Ending “the cycle of war” is …") labels the paragraph; the subject
  // comes after its colon
  const colon = toks.findIndex((t, x) => x >= from && x < Math.min(hi, from + 9) && t.w === ':');
  const heading =
    colon - from >= 3 && colon + 1 < hi && toks.slice(from, colon).every((t) => t.kind === 'word' && isCap(t));
  let lo = heading ? colon + 1 : from;
  // a dateline (`WASHINGTON –`, `KIRKVALE, Norland —`, `CEDAR FALLS, Iowa (AP) —`) is not the subject
  const dash = toks.findIndex((t, x) => x > lo && x < Math.min(hi, lo + 10) && /^[—–-]$/.test(t.w));
  if (
    dash > 0 &&
    toks.slice(lo, dash).every((t) => t.kind === 'word' || /^[,().]$/.test(t.w)) &&
    isAllCaps(toks[lo]!.w)
  )
    lo = dash + 1;
  let i = lo;
  if (i < hi && INTRO_WORDS.has(toks[i]!.l)) {
    while (i < hi && toks[i]!.w !== ',') i++;
    i++;
    // "On May 3, 2019, Okafor …": a year after the date
    if (toks[i] && /^\p{N}+$/u.test(toks[i]!.w) && toks[i + 1]?.w === ',') i += 2;
  } else {
    // "Ten years ago, a Gazette editorial …": a short opener with lower-case words before a comma
    const comma = toks.findIndex((t, x) => x >= lo && x < hi && t.w === ',');
    // "Ironically, …"
    if (comma === lo + 1 && isLyAdverb(toks[lo]!.l)) i = comma + 1;
    else if (comma > lo && comma - lo <= 6) {
      const opener = toks.slice(lo, comma);
      // (not a clause of its own: `Ana Pruitt rejected the plan, saying …` has a verb in the past after its subject)
      const finite = opener.some(
        (t, x) => x > 0 && t.kind === 'word' && !isCap(t) && /ed$/.test(t.l) && !SUBORDINATORS.has(opener[x - 1]!.l),
      );
      // (nor a subject before an aside: `Ramaswami's office, when I asked, sent over a statement`)
      const aside = SUBORDINATORS.has(toks[comma + 1]?.l ?? '') && /^\p{Lu}.*['’]s$/u.test(toks[lo]!.w);
      if (
        opener.some((t) => t.kind === 'word' && !isCap(t)) &&
        !opener.some((t) => isPronoun(t)) &&
        !finite &&
        !aside
      ) {
        if (!runEndingAt(toks, comma - 1, lo)) i = comma + 1;
      }
    }
  }
  // "In a post after the debate, however, the congresswoman …": a connective set off by commas
  if (i + 1 < hi && DISCOURSE.has(toks[i]!.l) && toks[i + 1]!.w === ',') i += 2;
  // "Last week the mayor …", "This morning, police …": a time opener
  if (i + 1 < hi && TIME_OPENER.test(toks[i]!.l) && (TIME_NOUN.test(toks[i + 1]!.l) || WEEKDAYS.test(toks[i + 1]!.l)))
    i += 2;
  while (i < hi && (CLAUSE_BREAKERS.has(toks[i]!.l) || toks[i]!.kind === 'punct')) i++;
  if (i >= hi) return null;
  if (isPronoun(toks[i])) return phrase(text, toks, i, i, 'pronoun');
  // "Health care providers have protested …, warning that": a bare plural of people after a word or two that modify it
  if (withCue && isCap(toks[i])) {
    let b = i;
    while (
      b + 1 < hi &&
      b - i < 2 &&
      toks[b + 1]!.kind === 'word' &&
      !isCap(toks[b + 1]) &&
      !/(?:ed|s)$/.test(toks[b]!.l)
    )
      b++;
    const head = toks[b]!;
    if (b > i && /s$/.test(head.l) && PERSON_HEAD.test(head.l) && toks[b + 1]?.kind === 'word' && !isCap(toks[b + 1]))
      return phrase(text, toks, i, b, 'nominal');
  }
  // "Police closed the road and said …", "Firefighters battled …": a bare plural of people, then its verb
  if (
    withCue &&
    i + 1 < hi &&
    (isCap(toks[i]) || i > lo) &&
    (toks[i]!.l === 'police' || (/s$/.test(toks[i]!.l) && PERSON_HEAD.test(toks[i]!.l))) &&
    toks[i + 1]!.kind === 'word' &&
    !isCap(toks[i + 1]) &&
    !PREPS.has(toks[i + 1]!.l)
  )
    return phrase(text, toks, i, i, 'nominal');
  // a capitalised common word opening a noun phrase ("Small groups of protesters … while chanting “…”"): with a speech
  // cue, the phrase is the subject; without one, nothing (see modifierOpener)
  const first = runStartingAt(toks, i, hi);
  const commonOpener =
    withCue &&
    !!midCaps &&
    !!first &&
    first[0] === first[1] &&
    toks[i + 1]?.kind === 'word' &&
    !isCap(toks[i + 1]) &&
    modifierOpener(toks, first, hi, midCaps, true);
  // a determiner-led noun phrase: "The Republican nominee (also outlined …)", "several environmental groups"
  if (
    commonOpener ||
    /^(?:the|a|an|several|some|many|most|few|both|two|three|four|five|other|multiple|numerous)$/.test(toks[i]!.l) ||
    // (a possessive one only before a verb of saying: `his campaign issued a statement calling …`)
    (withCue && /^(?:his|her|their|its)$/.test(toks[i]!.l))
  ) {
    let b = i;
    while (b + 1 < hi && b - i < 6) {
      const n = toks[b + 1]!;
      if (n.kind !== 'word' || VERB_MODIFIERS.has(n.l) || CUE_FORM_TO_LEMMA.has(n.l) || CLAUSE_BREAKERS.has(n.l)) break;
      if ((PREPS.has(n.l) && n.l !== 'of') || RELATIVES.has(n.l) || (!isCap(n) && /ed$/.test(n.l))) break;
      // (a capitalised one is part of a name: `The Met Service`)
      if (IRREGULAR_PAST.has(n.l) && !isCap(n)) break;
      b++;
    }
    const run = runEndingAt(toks, b, i + 1);
    if (run && run[0] === i + 1 && !weakRun(toks, run)) return phrase(text, toks, run[0], run[1], 'name');
    // "The mayor of Brackenridge, Tom Feeney, stood …": the name set off right after the role
    const named = toks[b + 1]?.w === ',' && b > i ? runStartingAt(toks, b + 2, hi) : null;
    if (named && named[1] > named[0] && toks[named[1] + 1]?.w === ',' && isGivenName(toks[named[0]]!.w))
      return phrase(text, toks, named[0], named[1], 'name');
    if (b > i && validNominal(toks, i, b)) return phrase(text, toks, i, b, 'nominal');
    return null;
  }
  // a name run, possibly after descriptors: take the first run in the first few tokens
  for (let x = i; x < Math.min(hi, i + 6); x++) {
    const t = toks[x]!;
    // (a capitalised verb form inside a title is no verb: `State Representative Angela Moberly`)
    if (t.kind !== 'word' || (CUE_FORM_TO_LEMMA.has(t.l) && !(isCap(t) && isCap(toks[x + 1])))) break;
    // past the verb: a name after it is its object ("Protesters greeted Mr. Hale")
    if (x > i && !isCap(t) && /ed$/.test(t.l)) break;
    const run = runStartingAt(toks, x, hi);
    if (run && x === i && gerundOpener(toks, run, hi)) return null;
    if (run && x === i && midCaps && modifierOpener(toks, run, hi, midCaps)) {
      // (a role before a person's name: `Campaign manager Devin Ocampo sent reporters a statement: “…”`)
      let y = run[1] + 1;
      while (y < hi && y - run[1] <= 3 && toks[y]!.kind === 'word' && !isCap(toks[y]) && PERSON_HEAD.test(toks[y]!.l))
        y++;
      const named = y > run[1] + 1 ? runStartingAt(toks, y, hi) : null;
      if (named && named[1] > named[0] && isGivenName(toks[named[0]]!.w) && !weakRun(toks, named))
        return phrase(text, toks, named[0], named[1], 'name');
      return null;
    }
    // "Norway’s ambassador to Chile accused …": a possessive opening the clause opens the subject's noun phrase (not
    // `Okafor’s letter`, `Lee’s earlier missive`: words of the owner's)
    if (
      run &&
      x === i &&
      !weakRun(toks, run) &&
      /['’]s$/.test(toks[run[1]]!.w) &&
      toks[run[1] + 1]?.kind === 'word' &&
      !OWNED_WORDS.has(toks[run[1] + 1]!.l) &&
      !OWNED_WORDS.has(toks[run[1] + 2]?.l ?? '')
    ) {
      let b = run[1];
      while (b + 1 < hi && b - run[1] < 4) {
        const n = toks[b + 1]!;
        if (n.kind !== 'word' || isCap(n) || VERB_MODIFIERS.has(n.l) || CUE_FORM_TO_LEMMA.has(n.l)) break;
        if (PREPS.has(n.l) || RELATIVES.has(n.l) || CLAUSE_BREAKERS.has(n.l) || /ed$/.test(n.l)) break;
        b++;
      }
      if (b > run[1] && validNominal(toks, run[0], b)) return phrase(text, toks, run[0], b, 'nominal');
    }
    if (run && !weakRun(toks, run)) return phrase(text, toks, run[0], run[1], 'name');
    if (run) x = run[1];
  }
  return null;
}

/** A gerund opening its clause ("Repairing the quay …", "Eliminating “…” is …"): capitalised, but not a name. */
function gerundOpener(toks: Tok[], run: [number, number], hi: number): boolean {
  if (run[0] !== run[1] || !/ing$/.test(toks[run[0]]!.l)) return false;
  // the quote itself ends the token range when the gerund is right before it
  const next = run[1] + 1 < hi ? toks[run[1] + 1] : undefined;
  return !next || next.kind === 'quote' || /^(?:the|a|an|his|her|its|their|our|this|that|these|those)$/.test(next.l);
}

/** Words after a one-word subject that show it is one: a verb form, a modal or a possessive's noun. */
const SUBJECT_FOLLOWERS = new Set([
  'has',
  'had',
  'is',
  'was',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'should',
]);

/**
 * A one-word capitalised sentence opener that modifies the lower-case word after it (`Untreated pneumonic plague is
 * “always fatal”`, `Feather duvet lung is …`, `Consider this entry`): not a name, unless it is a given name or a
 * possessive, or a verb-like word follows (`Okafor argued`, `Okafor says`, `Okafor has`).
 */
function modifierOpener(
  toks: Tok[],
  run: [number, number],
  hi: number,
  midCaps: ReadonlySet<string>,
  anyFollower = false,
): boolean {
  if (run[0] !== run[1]) return false;
  const t = toks[run[0]]!;
  if (/['’]s$/.test(t.w) || isGivenName(t.w) || /\.$/.test(t.w) || midCaps.has(t.w)) return false;
  const next = run[1] + 1 < hi ? toks[run[1] + 1] : undefined;
  if (next?.kind !== 'word' || isCap(next)) return false;
  if (anyFollower) return true;
  const verbLike =
    /ed$/.test(next.l) ||
    (/[^su]s$/.test(next.l) && !/^(?:this|his|its|yes|thus|plus|perhaps)$/.test(next.l)) ||
    SUBJECT_FOLLOWERS.has(next.l) ||
    CUE_FORM_TO_LEMMA.has(next.l);
  return !verbLike;
}

/** A run made only of titles and party/nationality words ("Democratic", "Former Gov."): not a name on its own. */
function weakRun(toks: Tok[], run: [number, number]): boolean {
  // an all-caps heading ("THE COUNCIL VOTES TONIGHT")
  if (run[1] - run[0] >= 2 && toks.slice(run[0], run[1] + 1).every((t) => !/\p{Ll}/u.test(t.w))) return true;
  for (let i = run[0]; i <= run[1]; i++) {
    const l = toks[i]!.l.replace(/\.$/, '');
    if (!TITLES.has(l) && !NOT_PERSON.has(l)) return false;
  }
  return true;
}

export interface QuoteContext {
  /** Outer span of the quote (marks included). */
  outerStart: number;
  outerEnd: number;
}

/** Prepositions before a title in quote marks (`starred in “…”`, `the set of “…”`, `a fan of “…”`). */
const TITLE_PREPS =
  /^(?:in|of|on|for|from|at|with|by|about|as|drama|sitcom|soap|series|show|film|movie|album|single|song|hit|novel|book|play|musical|podcast|documentary)$/;

/** A word or two in quote marks inside a clause (`rates the stock “hold,”`): a term, not a quote that ends it. */
function shortQuoted(text: string, t: Tok): boolean {
  // (one or two words, the sentence going on after it)
  return t.kind === 'quote' && t.e - t.s < 24 && !/\s\S+\s/.test(text.slice(t.s, t.e)) && text[t.e] === ' ';
}

/** A masked quote at `i` that names a work: up to five Title Case words right after a preposition or a possessive. */
function quotedTitle(text: string, toks: Tok[], i: number): boolean {
  const prev = toks[i - 1];
  if (!prev || !(TITLE_PREPS.test(prev.l) || /\p{L}['’]s$/u.test(prev.w))) return false;
  const words = text
    .slice(toks[i]!.s + 1, toks[i]!.e - 1)
    .replace(/[.,!?]+$/, '')
    .trim()
    .split(/\s+/);
  return (
    words.length <= 5 &&
    words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:a|an|the|of|and|in|on|to|for|with|at|or)$/.test(w)) &&
    /^[\p{Lu}\p{N}]/u.test(words[0] ?? '')
  );
}

/**
 * The attribution of a quote inside its sentence. `masked` has every quote masked; `sent` is the sentence span.
 * Tries the text right after the quote first (`“…,” X said`), then the text before it (`X said: “…”`).
 */
export function attributeInSentence(
  text: string,
  tokens: TokenIndex,
  sent: Span,
  q: QuoteContext,
  toks: Tok[] = tokens.range(sent.start, sent.end),
): Attribution | null {
  const qi = toks.findIndex((t) => t.kind === 'quote' && t.s <= q.outerStart && t.e >= q.outerEnd);
  if (qi < 0) return null;
  // right side: up to the next quote
  let rEnd = qi + 1;
  while (rEnd < toks.length && toks[rEnd]!.kind !== 'quote') rEnd++;
  let r0 = qi + 1;
  while (r0 < rEnd && toks[r0]!.kind === 'punct' && toks[r0]!.w !== '(') r0++;
  // left side: from the previous quote (or sentence start), past titles (`Hollis, who starred in “Northline,” said`)
  let lStart = qi - 1;
  while (
    lStart >= 0 &&
    (toks[lStart]!.kind !== 'quote' || quotedTitle(text, toks, lStart) || shortQuoted(text, toks[lStart]!))
  )
    lStart--;
  lStart++;
  // a quote that ends its clause (`“…,” she said`) looks right first; one inside a clause looks left first
  // "“…” ― Ana Ruiz": a dash then a name closing the sentence
  const dash = toks[qi + 1];
  if (dash && /^[―—–-]$/.test(dash.w)) {
    const run = runStartingAt(toks, qi + 2, rEnd);
    if (run && (run[1] + 1 >= rEnd || /^[.,]$/.test(toks[run[1] + 1]!.w))) {
      return { speaker: phrase(text, toks, run[0], run[1], 'name'), cue: null };
    }
  }
  const inner = text.slice(Math.max(0, q.outerEnd - 4), q.outerEnd);
  const after = toks[qi + 1];
  const closesClause =
    /[,.!?…—–-]\s*['"”’»]+$/.test(inner) || (after && /^[,—–―]$/.test(after.w)) || qi + 1 >= toks.length;
  const midCaps = tokens.capitalisedMidSentence();
  if (closesClause) return attributeRight(text, toks, r0, rEnd) ?? attributeLeft(text, toks, lStart, qi, midCaps);
  return attributeLeft(text, toks, lStart, qi, midCaps) ?? attributeRight(text, toks, r0, rEnd);
}

/** Cues that come before their speaker in `…, said X` (not `told X`, `asked X`: there X is the hearer). */
const INVERTED_CUES: ReadonlySet<string> = new Set(['say', 'add', 'write', 'explain', 'note', 'continue', 'argue']);
/** Cues whose speaker may come right after them, verb first (`Said Smith: “…”`, `Replied the mayor: “…”`). */
const VERB_FIRST_CUES: ReadonlySet<string> = new Set([
  ...INVERTED_CUES,
  ...['reply', 'respond', 'answer', 'declare', 'announce', 'recall', 'joke', 'quip', 'insist', 'conclude', 'observe'],
  ...['remark', 'counter', 'retort', 'tweet', 'post', 'comment', 'state', 'claim', 'predict', 'muse', 'exclaim'],
]);

function attributeRight(text: string, toks: Tok[], lo: number, hi: number): Attribution | null {
  if (lo >= hi) return null;
  // "“…,” a remark Ms. Yarrow called “pathetic.”", "“…,” a claim Kyiv dismissed as fiction": an appositive that names
  // the quote as a claim someone else judges; its verb is not this quote's
  const ap = toks[lo]!.w === ',' ? lo + 1 : lo;
  const judged = toks[ap + 2] && (isCap(toks[ap + 2]) || DETERMINERS.has(toks[ap + 2]!.l));
  if (/^(?:a|an|the)$/.test(toks[ap]?.l ?? '') && CLAIM_NOUN.test(toks[ap + 1]?.l ?? '') && judged) return null;
  // "“…,” as one bank chief told me": the comment clause after `as`
  if (toks[lo]!.l === 'as' && lo + 2 < hi) {
    const r = attributeRight(text, toks, lo + 1, Math.min(hi, lo + 12));
    if (r?.cue && r.speaker.kind !== 'pronoun') return r;
  }
  const acc = toks[lo]!.l === 'according' ? accordingTo(text, toks, lo, hi) : null;
  if (acc) return acc;
  // passive: "“…” was written by X"
  if (/^(?:was|were|is)$/.test(toks[lo]!.l) && toks[lo + 2]?.l === 'by' && CUE_FORM_TO_LEMMA.has(toks[lo + 1]!.l)) {
    const sp = subjectAfter(text, toks, lo + 3, hi);
    const lemma = CUE_FORM_TO_LEMMA.get(toks[lo + 1]!.l)!;
    if (sp) return { speaker: sp, cue: { start: toks[lo + 1]!.s, end: toks[lo + 1]!.e, lemma } };
  }
  // "“…,” read a statement from X": `read` in the past tense, verb-first right after a quote
  const readStatement = toks[lo]!.l === 'read' && /^(?:a|the|an)$/.test(toks[lo + 1]?.l ?? '') ? 'read' : null;
  const first = readStatement ?? isCueTok(toks, lo);
  if (first && !isParticipleCue(toks[lo]!)) {
    const sp = subjectAfter(text, toks, lo + 1, hi);
    if (sp) return { speaker: sp, cue: cueSpan(toks, lo, first) };
  }
  const limit = Math.min(hi, lo + 40);
  for (let k = lo; k < limit; k++) {
    const t = toks[k]!;
    // `“…” and affects every county, Blaine said.`: the narrator goes on, then the attribution closes the sentence
    if (t.kind === 'word' && CLAUSE_BREAKERS.has(t.l) && k === lo) return closingAttribution(text, toks, lo, hi);
    const lemma = isCueTok(toks, k);
    if (!lemma || isParticipleCue(t)) continue;
    if (k === lo) continue;
    // a verb inside a relative clause after the subject (`X, who asked not to be named, told …`): the main verb
    // after the clause is the cue
    const relative = toks[k - 1]?.l === 'who' && toks[k - 2]?.w === ',';
    if (relative && mainCueAfterClause(toks, k, limit)) continue;
    // "“…” announced in October, said Derek Scissors": words after the quote, then an inverted attribution
    if (toks[k - 1]?.w === ',' && INVERTED_CUES.has(lemma) && nameTok(toks[k + 1])) {
      const after = subjectAfter(text, toks, k + 1, hi);
      if (after?.kind === 'name') return { speaker: after, cue: cueSpan(toks, k, lemma) };
    }
    const sp = subjectBefore(text, toks, k, lo);
    if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
    if (relative) continue;
    return null;
  }
  return accordingTo(text, toks, lo, hi);
}

/** `…, Blaine said (in a video message).` closing the token range: the last comma, then a short subject and its cue. */
function closingAttribution(text: string, toks: Tok[], lo: number, hi: number): Attribution | null {
  let c = hi - 1;
  while (c > lo && toks[c]!.w !== ',') c--;
  if (c <= lo) return null;
  for (let k = c + 2; k < Math.min(hi, c + 7); k++) {
    const lemma = isCueTok(toks, k);
    if (!lemma || !INVERTED_CUES.has(lemma)) continue;
    const sp = subjectBefore(text, toks, k, c + 1);
    // (nothing after the cue but when and where: the end of the sentence)
    const rest = toks.slice(k + 1, hi).filter((t) => t.kind === 'word');
    const onlyWhenWhere =
      rest.length === 0 ||
      (rest.length <= 8 &&
        (PREPS.has(rest[0]!.l) || WEEKDAYS.test(rest[0]!.l)) &&
        !toks.slice(k + 1, hi).some((t) => t.w === ','));
    if (sp && sp.kind !== 'pronoun' && onlyWhenWhere) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
    return null;
  }
  return null;
}

/**
 * The name a `who` clause holding the participle at k belongs to: `Chair Brock Danner, who opened the hearing by
 * declaring that …`.
 */
function relativeSubject(text: string, toks: Tok[], k: number, lo: number): SpeakerPhrase | null {
  for (let x = k - 1; x > lo + 1 && k - x <= 14; x--) {
    const t = toks[x]!;
    if (t.kind === 'quote' || /^[;:.!?]$/.test(t.w)) return null;
    if (t.l !== 'who' || toks[x - 1]!.w !== ',') continue;
    const run = runEndingAt(toks, x - 2, lo);
    return run && !weakRun(toks, run) ? phrase(text, toks, run[0], run[1], 'name') : null;
  }
  return null;
}

/** The writer asking in a clause of time (`When we asked the office, …`, `…, when I asked, …`): no one's words. */
function writerAsks(toks: Tok[], k: number): boolean {
  return /^(?:we|i)$/.test(toks[k - 1]?.l ?? '') && SUBORDINATORS.has(toks[k - 2]?.l ?? '');
}

/** Nouns for what someone said, as an appositive after a quote (`…,” a claim Kyiv dismissed`). */
const CLAIM_NOUN =
  /^(?:claim|remark|comment|statement|assertion|accusation|charge|suggestion|description|characteri[sz]ation|allegation|label|boast|prediction|figure|estimate|account|assessment)s?$/;

/** A cue verb right after the comma that closes the clause starting at token k (`, who asked …, said`). */
function mainCueAfterClause(toks: Tok[], k: number, limit: number): boolean {
  for (let x = k + 1; x < limit; x++) {
    const t = toks[x]!;
    if (t.kind === 'quote' || /^[;:.!?]$/.test(t.w)) return false;
    if (t.w !== ',') continue;
    let y = x + 1;
    while (y < limit && (VERB_MODIFIERS.has(toks[y]!.l) || isLyAdverb(toks[y]!.l))) y++;
    return y < limit && isCueTok(toks, y) !== null;
  }
  return false;
}

function attributeLeft(
  text: string,
  toks: Tok[],
  lo: number,
  hi: number,
  midCaps?: ReadonlySet<string>,
): Attribution | null {
  if (lo >= hi) return null;
  // "Name: “…”" (transcripts, headlines)
  if (toks[hi - 1]?.w === ':' && hi - 1 > lo) {
    const run = runEndingAt(toks, hi - 2, lo);
    if (run && run[0] === lo) return { speaker: phrase(text, toks, run[0], run[1], 'name'), cue: null };
  }
  for (let k = hi - 1; k >= lo; k--) {
    const t = toks[k]!;
    const lemma = isCueTok(toks, k);
    if (!lemma || writerAsks(toks, k)) continue;
    if (WEAK_CUES.has(lemma) && hi - k > 10) continue;
    // a progressive (`is calling`, `were saying`) is a finite verb: its subject is before the auxiliary
    const progressive = BE_FORMS.test(toks[k - 1]?.l ?? '');
    if (isParticipleCue(t) && !progressive) {
      // "footage of Okafor saying “…”": the name right before the participle
      const justBefore = runEndingAt(toks, k - 1, lo);
      if (justBefore && !weakRun(toks, justBefore)) {
        return {
          speaker: phrase(text, toks, justBefore[0], justBefore[1], 'name'),
          cue: cueSpan(toks, k, lemma),
        };
      }
      // "…, with the mayor accusing opponents of “…”": the noun phrase after `with`
      const w = withSubject(text, toks, k, lo) ?? relativeSubject(text, toks, k, lo);
      if (w) return { speaker: w, cue: cueSpan(toks, k, lemma) };
      // "…, saying “…”": the subject of the main clause, or of an earlier cue
      for (let k2 = k - 1; k2 >= lo; k2--) {
        const l2 = isCueTok(toks, k2);
        if (l2 && !isParticipleCue(toks[k2]!) && !writerAsks(toks, k2)) {
          const sp = subjectBefore(text, toks, k2, lo);
          if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
        }
      }
      const sp = sentenceSubject(text, toks, lo, k, midCaps, true);
      if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
      continue;
    }
    // an infinitive cue: its own subject, a name that is the object of the verb before (`allowed Torvik to claim`,
    // `prompted Ana Ruiz to say`), else the subject of the clause ("Okafor took to Twitter to accuse …")
    if (toks[k - 1]?.l === 'to') {
      const object = runEndingAt(toks, k - 2, lo);
      const verb = object ? toks[object[0] - 1] : undefined;
      if (object && verb?.kind === 'word' && !isCap(verb) && OBJECT_CONTROL.test(verb.l))
        return { speaker: phrase(text, toks, object[0], object[1], 'name'), cue: cueSpan(toks, k, lemma) };
      const subj = sentenceSubject(text, toks, lo, k - 1, midCaps, true);
      if (subj) return { speaker: subj, cue: cueSpan(toks, k, lemma) };
      continue;
    }
    const sp = subjectBefore(text, toks, k, lo);
    if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
    // a second verb of the subject: "The nominee outlined his plan and vowed to punish “…”", "He describes it as
    // “exciting,” but cautions that “…”"
    if (/^(?:and|but|yet)$/.test(toks[k - 1]?.l ?? '')) {
      // (the subject of an earlier verb of saying when there is one: `Analyst Greg Hale of Pine Research said … but
      // warned that “…”`)
      const subj = subjectOfEarlierCue(text, toks, k - 2, 0) ?? sentenceSubject(text, toks, 0, k, midCaps, true);
      if (subj) return { speaker: subj, cue: cueSpan(toks, k, lemma) };
    }
    // verb-first before the quote: "Said Smith: “…”" (not a verb whose object comes next: `called Mayor Voss a “…”`,
    // `told Smith “…”`)
    if (!VERB_FIRST_CUES.has(lemma)) continue;
    const after = subjectAfter(text, toks, k + 1, hi);
    // (not the subject of what was said: `…, said Manila had “serious reservations”`)
    const next = toks.find((t) => t.s >= (after?.end ?? 0));
    const clauseSubject = !!next && next.kind === 'word' && (CLAUSE_WORDS.has(next.l) || /^\p{Ll}+ed$/u.test(next.w));
    if (after && after.kind === 'name' && !clauseSubject) return { speaker: after, cue: cueSpan(toks, k, lemma) };
  }
  // "Okafor’s claim that there were “…”": the owner of a speech noun
  for (let k = hi - 1; k > lo; k--) {
    if (!SPEECH_NOUNS.has(toks[k]!.l)) continue;
    const owner = toks[k - 1]!;
    if (isCap(owner) && /['’]s$/.test(owner.w)) {
      const run = runEndingAt(toks, k - 1, lo);
      if (run && !weakRun(toks, run)) return { speaker: phrase(text, toks, run[0], run[1], 'name'), cue: null };
    }
  }
  return accordingTo(text, toks, lo, hi);
}

/** Nouns for something said, whose possessor is the speaker ("Okafor’s claim that …"). */
const SPEECH_NOUNS = new Set([
  'claim',
  'claims',
  'statement',
  'statements',
  'remark',
  'remarks',
  'comment',
  'comments',
  'words',
  'assertion',
  'promise',
  'pledge',
  'warning',
  'description',
  'tweet',
  'tweets',
  'message',
  'argument',
  'accusation',
  'charge',
  'question',
  'answer',
  'response',
  'reply',
]);

/** Nouns for words or writings, whose possessor is their author (`Okafor’s letter`, `Lee’s earlier missive`). */
const OWNED_WORDS: ReadonlySet<string> = new Set([
  ...SPEECH_NOUNS,
  ...'letter letters missive missives memo memos note notes email emails post posts messages speech speeches essay essays op-ed column columns book books report reports testimony interview promises pledges warnings accusations assertions prediction'.split(
    ' ',
  ),
]);

/** What may follow a speaker that closes its sentence: an appositive or relative clause, then the full stop. */
const CLOSING_SPEAKER =
  /^(?:\s+(?:of|at|for|from|with)\s+[^,;:.!?]{1,60}?)?(?:\s*,\s*(?:a|an|the|who|which|his|her|its|their)\b[\s\S]*)?[\s.!?"”’)]*$/;

/**
 * An attribution in a sentence that has no quote of its own (`Smith said:` or `Smith said the talks failed.`), used
 * to carry a speaker into the quote that follows. `fromOffset`: only a cue that starts at or after this offset.
 */
/**
 * Token k sits in an appositive set off by commas right before the sentence's verb (`Dale Purcell, the first witness
 * to testify, said …`, `…, the first witness called, testified …`): it describes the speaker, it is not the cue.
 */
function inAppositiveBeforeCue(toks: Tok[], k: number): boolean {
  let open = k - 1;
  while (open > 0 && k - open < 8 && toks[open]!.kind === 'word') open--;
  if (toks[open]?.w !== ',' || !DETERMINERS.has(toks[open + 1]?.l ?? '')) return false;
  let close = k + 1;
  while (close < toks.length && close - k < 4 && toks[close]!.kind === 'word') close++;
  if (toks[close]?.w !== ',') return false;
  const next = toks[close + 1] && isLyAdverb(toks[close + 1]!.l) ? close + 2 : close + 1;
  // (the sentence's verb, not a participle that adds to it: `…, the company said, adding that …`)
  return isCueTok(toks, next) !== null && !/ing$/.test(toks[next]!.l);
}

/** Possessive determiners (`her remarks`). */
const POSSESSIVE = /^(?:his|her|their|its|our|my|your)$/;

/** A document someone puts out (`a statement calling …`), and the verbs that put it out. */
const ISSUED_DOCUMENT = /^(?:statement|release|letter|post|tweet|video|ad|advert|advertisement|email|memo|note)$/;
const ISSUING = /^(?:issued|released|sent|posted|published|put|aired|ran|circulated|shared)$/;

export function attributeBare(text: string, tokens: TokenIndex, sent: Span, fromOffset = -1): Attribution | null {
  const toks = tokens.range(sent.start, sent.end);
  const lo = 0;
  const hi = toks.length;
  const accAny = accordingTo(text, toks, lo, hi);
  // (after `fromOffset` only: `…, where the movement maintains an office, according to a spokesman`)
  const acc = accAny && (fromOffset < 0 || (accAny.cue?.start ?? -1) >= fromOffset) ? accAny : null;
  let closing: Attribution | null | undefined;
  for (let k = 0; k < hi; k++) {
    const t = toks[k]!;
    if (t.s < fromOffset) continue;
    const lemma = isCueTok(toks, k);
    if (!lemma || WEAK_CUES.has(lemma) || inAppositiveBeforeCue(toks, k) || writerAsks(toks, k)) continue;
    if (isParticipleCue(t)) {
      // "Pruitt vetoed the bill, saying it would hurt farms": the subject of the main clause, before the comma
      // (not after `, according to X,`: `…, according to two people, adding to a series of problems`)
      // (or right after a document its subject issued: `his campaign issued a statement calling Pardue “…”`)
      const issued = k >= 4 && ISSUED_DOCUMENT.test(toks[k - 1]!.l) && ISSUING.test(toks[k - 3]!.l);
      if (acc || (toks[k - 1]?.w !== ',' && !issued) || k < 3) continue;
      const sp = sentenceSubject(text, toks, lo, issued ? k - 3 : k - 1, tokens.capitalisedMidSentence(), true);
      if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
      continue;
    }
    // an attribution closing the sentence owns what comes before it, another verb of saying included (`Blake had
    // written a letter to the family, Mr Crewe said.`)
    if (closing === undefined) closing = fromOffset < 0 ? closingAttribution(text, toks, lo, hi) : null;
    if (closing?.cue && closing.cue.start > t.e) return closing;
    // the speaker after the verb, when a comma comes before it (`…, said Smith.`)
    let after = toks[k - 1]?.w === ',' ? subjectAfter(text, toks, k + 1, hi) : null;
    // the subject before the verb, found once for both uses below
    let before: SpeakerPhrase | null | undefined;
    // (not when a name opening the sentence is set off by commas before the verb: `Gerry Walsh, who has run a shop,
    // says the queues block his van`)
    if (after && after.kind !== 'name') {
      before = subjectBefore(text, toks, k, lo);
      if (before && before.kind !== 'pronoun' && before.start === toks[lo]!.s && text[before.end] === ',') after = null;
    }
    // "This system, says Richard Locksley, an immunologist, helps …": an inverted parenthetical names the speaker
    // after the verb
    if (after?.kind === 'name' && nameTok(toks[k + 1]) && toks.some((t, x) => x > k + 1 && t.w === ',')) {
      return { speaker: after, cue: cueSpan(toks, k, lemma) };
    }
    // "…, said study co-author Anna Solomon." / "…, says the World Health Organization.": the speaker after the verb
    // closes the sentence (perhaps with an appositive), so it is the one speaking
    if (after && INVERTED_CUES.has(lemma) && CLOSING_SPEAKER.test(text.slice(after.end, sent.end))) {
      return { speaker: after, cue: cueSpan(toks, k, lemma) };
    }
    if (before === undefined) before = subjectBefore(text, toks, k, lo);
    const sp = before ?? (k === 0 ? subjectAfter(text, toks, 1, hi) : null);
    if (sp) return { speaker: sp, cue: cueSpan(toks, k, lemma) };
    // a second verb of the subject (`Mayor Ada Voss smiled and said …`, `Officials deny it and say …`)
    if (/^(?:and|but)$/.test(toks[k - 1]?.l ?? '') && toks[k - 2]?.kind === 'word') {
      const subj =
        subjectOfEarlierCue(text, toks, k - 2, lo) ??
        sentenceSubject(text, toks, lo, k - 1, tokens.capitalisedMidSentence(), true);
      if (subj) return { speaker: subj, cue: cueSpan(toks, k, lemma) };
    }
    // "…, said Smith." at the end of a sentence
    if (after) return { speaker: after, cue: cueSpan(toks, k, lemma) };
  }
  return acc;
}

/**
 * Fallback for a quote with no speech verb in reach: the subject of its sentence, when the sentence starts with a
 * name or a pronoun before the quote (`Okafor’s claim that the fund had “plenty”` → Okafor).
 */
export function subjectOfSentence(text: string, tokens: TokenIndex, sent: Span, q: QuoteContext): Attribution | null {
  const toks = tokens.range(sent.start, q.outerStart);
  let lo = toks.length - 1;
  while (lo >= 0 && toks[lo]!.kind !== 'quote') lo--;
  const midCaps = tokens.capitalisedMidSentence();
  let sp = sentenceSubject(text, toks, lo + 1, toks.length, midCaps);
  // past quoted titles when nothing after them is a subject (`Buckley, who phoned in from the set of “Fargo,” had a
  // similar experience: “…”`; but `On “Face the Nation,” Sen. Ann Hobbs …` has its subject after the title)
  if (!sp && lo >= 0 && quotedTitle(text, toks, lo)) {
    while (lo >= 0 && (toks[lo]!.kind !== 'quote' || quotedTitle(text, toks, lo))) lo--;
    sp = sentenceSubject(text, toks, lo + 1, toks.length, midCaps);
  }
  // generic `you` (`you've probably thought of it as “…”`) is no one in particular
  if (!sp || (sp.kind === 'pronoun' && /^you$/i.test(sp.text))) return null;
  return { speaker: sp, cue: null };
}
