/**
 * Reported speech without quote marks (type `indirect`): `X says there is an opportunity for …`,
 * `… , according to some experts.`, `… , the spokeswoman said.` Only sentences without quote marks are read.
 */

import { PERSON_TITLES } from '../titles.ts';
import type { Span } from '../types.ts';
import type { Attribution } from './attribution.ts';
import { CLAUSE_OPENERS, CUE_FORM_TO_LEMMA } from './lexicon.ts';

/**
 * Verbs of saying that report only with `that` (`declared that …`, `hinted to reporters that …`; not `declared an
 * emergency`, `vowed to fight`, `commented on the plan`).
 */
const THAT_VERBS = [
  'observe',
  'remark',
  'declare',
  'boast',
  'brag',
  'vow',
  'promise',
  'pledge',
  'speculate',
  'hint',
  'answer',
  'clarify',
  'elaborate',
  'confess',
  'confide',
  'lament',
  'proclaim',
  'opine',
  'retort',
  'comment',
  'muse',
  'whisper',
  'shout',
  'grumble',
  'affirm',
  'underscore',
  'signal',
  'indicate',
];

const REPORTING = new Set([
  'estimate',
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
  'testify',
  'maintain',
  'volunteer',
  'ask',
  'joke',
  'mention',
  'recall',
  'recount',
  'counter',
  'complain',
  'reply',
  'respond',
  'question',
  'agree',
  'concur',
  ...THAT_VERBS,
]);

/** Whether a verb's lemma reports someone's words (`say`, `argue`; not `call`, `describe`). */

export const isReporting = (lemma: string): boolean => REPORTING.has(lemma);
/** Reporting verbs that report only with `that` after them (`countered that …`; not `responded to the fire`). */
const THAT_ONLY = new Set(['counter', 'complain', 'reply', 'respond', 'agree', 'concur', ...THAT_VERBS]);
/** Verbs of agreeing report only with `that` right after them or after whom they agree with (`agreed with him that`). */
const AGREEING = new Set(['agree', 'concur']);

/** What a reported question opens with (`asked whether …`, `asked the minister how …`). */
const QUESTION_START = /^(?:whether|if|how|why|what|when|where|who|which)\s/i;

/** A finite verb right after the comma: the sentence's own clause goes on. */
const CONTINUATION_VERB =
  /^,\s*(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do|remains?|helps?|seems?|appears?|needs?|means?|\p{Ll}+ed|\p{Ll}{3,}s)\b/u;

/** Words that start a new clause or an appositive, not the rest of the sentence's own clause. */
const NOT_CONTINUATION =
  /^,\s*(?:(?:a|an|the|his|her|its|their|who|which|whose|where|when|so|and|but|or|while|although|though|because|as|since|with|after|before|than|if|then)\b|\p{Ll}+ing\b)/u;

/**
 * Whether the sentence's own clause goes on after an attribution set off by commas (`One of the crews, according to
 * port records, had worked …`; `This system, says Ann Lee, an immunologist, helps …`): then the whole sentence is
 * the content, past the speaker's appositive if there is one.
 */
function continuesAfter(rest: string): boolean {
  let r = rest;
  // (`, an economist at the University of Leeds, Yorkshire,`: a place after the appositive's own comma)
  const appositive = /^,\s*(?:a|an|the|his|her|its|their)\b[^,]{0,80}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?(?=,)/u.exec(r);
  if (appositive) r = r.slice(appositive[0].length);
  // the clause's verb comes next (not an appositive without an article: `said Juan Perez, senior trader at …`)
  return CONTINUATION_VERB.test(r) && !NOT_CONTINUATION.test(r);
}

/** A character of a prepositional phrase: no clause punctuation, no clause opener; a full stop only in `Nov. 6`. */
const ADVERBIAL_CHAR = String.raw`(?:(?!\s(?:that|who|which|where|when|is|are|was|were|has|have|had|will|would|shows?|showed|proves?|proved|means|meant)\b)[^,.;:!?]|\.(?=\s*\d))`;
/**
 * Words after the cue that only say when, where or how it was said: `on Friday`, `in an interview`, `Monday`, `at a
 * Nov. 6 event at the institute`.
 */
const ADVERBIAL = String.raw`(?:(?:on|in|at|during|via|through|over|from|to|for|after|before|following|earlier|later|outside|inside|near|by|with)\s+${ADVERBIAL_CHAR}{1,40}?|(?:earlier|before|again|previously|repeatedly|recently|publicly|privately|often|time\s+and\s+(?:time\s+)?again|many\s+times)|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}|(?:this|last|next|earlier|late|early)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight))`;
/** An adverbial, then `that`: the content starts after it (`reported on Friday that …`). */
const ADVERBIAL_THAT = new RegExp(String.raw`^${ADVERBIAL}(?:\s+${ADVERBIAL}){0,2}(?:\s*,)?\s+that\s`, 'i');
/** A lower-case title between the comma and the name (`…, chief executive Devika Raman said`). */
function titleAfterComma(before: string): boolean {
  const m = /,\s*((?:\p{Ll}[\p{L}.-]*\s+){1,5})$/u.exec(before);
  const words = m ? m[1]!.trim().split(/\s+/) : [];
  // (`and` only between two titles: `co-founder and chief executive`, not `…, and Vindman reported`)
  if (words.length === 0 || words[0] === 'and' || words.at(-1) === 'and') return false;
  return words.every((w) => PERSON_TITLES.has(w.replace(/\.$/, '')) || JOB_WORD.test(w));
}
const JOB_WORD =
  /^(?:executive|officer|financial|operating|technology|managing|general|senior|vice|head|lead|police|fire|team|and|founder|co-founder|president|owner)$/;

/** Verbs with a hearer before `that` (`told reporters that`, `warned the council that`, `assured investors that`). */
const HEARER_THEN_THAT = new Set([
  'tell',
  'warn',
  'assure',
  'remind',
  'inform',
  'advise',
  'caution',
  'promise',
  'urge',
]);
/** `told reporters that`, `told a news conference on Friday that`. */
const TOLD_THAT = /^(?:[\w’'.-]+\s+){1,10}?that\s/i;
/** Nothing but an adverbial after the cue (`…, the agency said in a statement on Wednesday.`). */
export const ADVERBIAL_ONLY = new RegExp(String.raw`^\s*${ADVERBIAL}(?:\s+${ADVERBIAL}){0,2}\s*[.!?]?\s*$`, 'i');
/** Heads of nominal speakers that speak (`the US military`, `the ministry`, `officials`), unlike `a deal`. */
const SPEAKING_HEAD =
  /(?:er|or|ist|ian|man|woman|person|attorney|counsel|official|chief|head|leader|spokesperson|rep|representative|publicist|agent|source|military|police|army|navy|force|agency|authority|authorities|ministry|department|government|company|firm|bank|commission|council|committee|board|bureau|service|group|team|union|party|association|organi[sz]ation|institute|university|embassy|campaign|office|court|statement)s?$/i;

/** Right after the verb, words that stand for what was said instead of saying it (`said as much`, `said so`). */
const NOTHING_SAID =
  /^\s+(?:as\s+much|otherwise|nothing|little|(?:it|this|that)\s*[.;!?]|so(?:\s*[.,;!?]|\s+(?:for|in|at|on|last|this|repeatedly|publicly|again|often|himself|herself|themselves)\b))/i;

/** After `…, X said`: a noun phrase with no verb, the writer's appositive (`, the deadliest accident in a decade.`). */
const APPOSITIVE_AFTER =
  /^\s*,\s*(?:the|a|an)\s+(?:(?!\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|said|says)\b)[^,;:.!?])*[.!?]?\s*$/i;

/** After `…, X said`: the speaker's second report (`, adding that …`) or a new clause (`, and that makes …`). */
const SECOND_AFTER =
  /^\s*,\s*(?:adding|noting|saying|stressing|warning|insisting|explaining|arguing|acknowledging|conceding|and|but)\s/;
/**
 * After `…, X said`, perhaps with a time: a participle phrase that goes with the report before it (`…, Bellmere said,
 * helped by strong sales`, `…, her rep confirmed Monday, ending a two-year romance`).
 */
const PARTICIPLE_AFTER =
  /^(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|on\s+\p{L}+|in\s+a\s+statement))?\s*,\s*(?:\p{Ll}{3,}ed\s+(?:by|in|on|after|to)|\p{Ll}{3,}ing)\s/iu;

/** An act, after `admitted (to)` / `denied`: a gerund and more (`to threatening the clerk`, `taking the money`). */
const ADMITTED_ACT =
  /^(?:to\s+)?(?:having\s+)?(?!(?:growing|rising|increasing|mounting|ongoing|existing|pending|missing|remaining|outstanding|damning|conflicting|worrying|alarming|following|upcoming|leading|striking|lasting|underlying|shocking|troubling|disappointing|overwhelming|widespread|long-standing)\s)\p{Ll}{2,}ing\s+\S+/u;

/** Reporting verbs that also take a plain noun phrase, so that a clause must follow for reported speech. */
const NP_TAKERS = new Set([
  'estimate',
  'joke',
  'mention',
  'recall',
  'recount',
  'volunteer',
  'maintain',
  'testify',
  'write',
  'reveal',
  'acknowledge',
  'announce',
  'report',
  'confirm',
  'deny',
  'admit',
  'disclose',
  'add',
  'stress',
  'emphasize',
  'note',
  'predict',
  'suggest',
  'allege',
  'reiterate',
  'conclude',
  'claim',
]);
/** Words right before a cue that deny the report: `not`, `never`, `didn’t`, `declined to`, `refused to`. */
const NEGATED = /\b(?:not|never|n[’']t|declined\s+to|refused\s+to|declining\s+to|refusing\s+to)\s+(?:\w+ly\s+)?$/i;
/** Who was told: `lawmakers`, `the committee`, `Harbor News`. */
const HEARER_PHRASE = String.raw`(?:me|us|him|her|them|you|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+|(?:\d{1,2}\s+)?\p{Lu}[\w.&’'-]*(?:\s+\p{Lu}[\w.&’'-]*){0,3}(?:\s+\p{Ll}+s)?|\p{Ll}[\w’'-]*(?:\s+(?!(?:his|its|this|was|is|has|hers|yours|ours|theirs|us|as|always|perhaps)\b)\p{Ll}+s(?=\s))?)`;
/** Who was told, before the clause: `told lawmakers …`, `told the committee …`, `told Harbor News …`. */
const HEARER = new RegExp(String.raw`^${HEARER_PHRASE}\s+`, 'u');
/** Nothing after `told` but who was told (`…, a city engineer told the Westmoor Herald.`). */
const HEARER_ONLY = new RegExp(String.raw`^\s*${HEARER_PHRASE}\s*[.!?]?\s*$`, 'u');
/**
 * Who was told, then perhaps when, then the end or a participle phrase (`…, officials told the Ledger on Tuesday.`,
 * `…, two aides told the Journal, speaking on condition of anonymity`).
 */
const HEARER_WHEN_ONLY = new RegExp(
  String.raw`^\s*${HEARER_PHRASE}(?:\s+(?:(?:on|in|at|during)\s+(?:an?\s+|the\s+)?(?:\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,3}|[\p{L}\d]+(?:\s+interview)?)|(?:this|last|earlier)\s+(?:week|month|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)){0,2}(?:\s*[.!?]?\s*$|\s*,\s*(?:adding|noting|saying|speaking|asking|citing|requesting|declining)\s)`,
  'iu',
);
/**
 * A clause of the narrator's after the reported one: a closing attribution (`, Morrison testified.`) or `, but` /
 * `, and` + a pronoun (`, but he gave no details`).
 */
const NARRATOR_TAIL = new RegExp(
  [
    // the writer's aside: `— but it is hard to know …`, `, although … we would not …`; the writer's own clause
    // (`On the day Pexa announced its TVs were shipping, I rushed to the store`: reported speech has no `I`/`we`)
    String.raw`\s[—–]\s*but\s|,\s+(?:although|though)\s[^.]*?\b(?:we|I|our)\s|,\s+(?:I|we)\s+\p{Ll}`,
    // the narrator's hedged aside (`, which will reportedly focus on …`)
    String.raw`,\s+which\s+(?:\p{Ll}+\s+){0,2}?(?:reportedly|allegedly|apparently)\b`,
    // `, but he gave no details`
    String.raw`,\s+(?:but|and|yet)\s+(?:he|she|they)\s+(?:\p{Ll}+ed|gave|did|made|took|went|spoke|declined|refused|offered|provided)\b`,
    // `, but it did not say when …`, `, but he said that …`
    String.raw`,\s+(?:but|and|yet)\s+(?:he|she|it|they)\s+(?:(?:(?:did|does|would|could|has|had)\s+not|(?:didn|doesn|wouldn|couldn|hasn|hadn)[’']t)\s+(?:say|give|provide|specify|elaborate|comment|explain|disclose|reveal|confirm|offer|respond)|said|says|told|tells|wrote|writes|added|adds)\b`,
    // the narrator's contrast with someone else (`, while the opposition condemned the vote`, `, whereas Labour
    // wants …`): a new subject and its verb after `, while`
    String.raw`,\s+(?:while|whereas)\s+(?:the\s+|a\s+|an\s+)?(?:\p{Lu}[\p{L}’'-]*\s+|\p{Ll}+\s+){1,3}?(?:\p{Ll}+ed|said|says|wants|called|calls)\s`,
    // `, Morrison testified` closing the sentence (groups 1 and 2: the name and its verb)
    String.raw`,\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})\s+(\p{Ll}+)\s*$`,
  ].join('|'),
  'u',
);

/**
 * `, but he gave no details` (a past tense, not the report's backshifted `would`), `, but it did not say when`,
 * `, but he said that …` (a second report), or `, Morrison testified`.
 */
function isNarratorTail(m: RegExpExecArray): boolean {
  return !m[1] || CUE_FORM_TO_LEMMA.has(m[2]!);
}

/**
 * A second report of the speaker's (`, and demanded …`, `, but added …`: a speech verb in the past right after
 * `and`/`but`; `, adding that …`) or a second source (`, according to`).
 */
const NEXT_PREDICATE =
  /,\s+(?:(?:and|but)\s+(?:then\s+|later\s+)?(\p{Ll}+ed|said|told|wrote)\s|according\s+to\s|(adding|noting|warning|stressing|insisting)\s+that\s)|\s(?:and|but)\s+(?:also\s+)?(\p{Ll}+ed|said|told|wrote)\s+that\s/u;

/** A semicolon, then a subject of up to three words and a verb of saying: the next report (`; others said …`). */
const SEMICOLON_REPORT =
  /;\s+(?:[\p{L}’'-]+\s+){1,3}?(said|says|told|tells|added|adds|argued|argue|argues|insisted|claimed|noted|wrote|countered|replied|estimated)\s/u;

/** A day or time word right after the cue (`said Monday the victim …`). */
const WHEN_LEAD =
  /^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|(?:this|last)\s+(?:week|month|year))\s+/i;
/** A subordinate clause opening the sentence, up to where its subject starts: `While `, `Before `, `As `. */
const FRONTED = new RegExp(String.raw`^\s*(?:(?:and|but|so)\s+)?(${CLAUSE_OPENERS})\s+(?:[\p{L}.’'-]+\s+){0,4}$`, 'iu');
/** Adverbials and the comma that closes an `As X points out …,` clause. */
const ADVERBIAL_COMMA = new RegExp(String.raw`^${ADVERBIAL}(?:\s+${ADVERBIAL}){0,2}\s*,\s*`, 'i');
/** A clause: a finite verb within its first words (`the risk will last`, `prices had fallen`, `it depends`). */
const CLAUSE_START =
  /^(?:(?:it|he|she|they|we|i|there)\s|(?:being|having)\s|(?:\S+\s+){0,8}?(?:is|are|was|were|will|would|could|can|should|may|might|must|has|have|had|did|does|do|won[’']t|isn[’']t|wasn[’']t)\b)/i;

/**
 * A clause with a verb in the past and no `that` (`noted the sample skewed older`, `confirmed Harbor Bank raised its
 * rates`; a bare plural before a verb that takes no object, `noted sales rose`): a subject of one to three words, then an -ed verb that is no participle after a noun (`the issues raised
 * by …`, `the figures released in May`, `the newly revised plan`, `the city's renewed bid`).
 */
const PAST_CLAUSE =
  /^(?:(?:[\p{Ll}-]+\s+)?\p{Ll}{2,}s\s+(?:rose|fell|grew|sank|soared|climbed|jumped|slipped|surged|plunged|tumbled|remained|stayed|skewed|lagged|stalled|slumped|rebounded|hovered)\b|(?:(?:the|a|an|his|her|its|their|this|these|those|some|many|most)\s+(?:(?![\p{L}-]+ly\s|[\p{L}-]+['’]s\s|(?:and|or|but|of|in|on|at|for|to|with|from|by)\s)[\p{L}-]+\s+){1,2}?|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,2}\s+)(?:\p{Ll}{2,}ed|rose|fell|grew|took|made|gave|went|came|got|began|kept|left|lost|sold|won|paid|spent|ran|held|saw)\s+(?!(?:by|in|on|at|for|to|from|with|during|over|under|about|as|and|or|of|into|against|through|after|before|since|until)\b)\p{L})/u;

/** A comma that opens a participle phrase or a clause with a pronoun subject (`, saying …`, `, it's because …`). */
const NEW_CLAUSE_COMMA = /,\s+(?=\p{Ll}+ing\b|(?:it|he|she|they|we|i)\b)/iu;

/** A comma between two digits (`$320,000`) is part of a number, not a clause boundary. */
function inNumber(text: string, i: number): boolean {
  return /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
}

/** The first comma at or after `from` that is not inside a number, or -1. */
function firstClauseComma(text: string, from: number): number {
  let i = text.indexOf(',', from);
  while (i >= 0 && inNumber(text, i)) i = text.indexOf(',', i + 1);
  return i;
}

/** A participle phrase or relative clause about the source, up to its comma (`published in BMJ,`, `which …,`). */
const SOURCE_PARTICIPLE =
  /^(?:(?:\p{Ll}{2,}ed|written|given|shown|taken|seen|drawn)\s+(?:in|by|on|at|from|last|this|earlier|online|after|before|during|for)\b|which\b|who\b)[^,]{0,160},/u;

/**
 * After `…, X said`: when or where it was said, then more of the narrator's sentence, with no `that` (`…, the chief
 * said on Monday, after months of arguments.`; `…, Larsen said while touring the plant.`): not the content.
 */
const AFTER_ADJUNCT =
  /^\s*(?:,?\s*(?:on|in|at|during|while|when|after|before|as|from|via|through|over|earlier|later|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b(?![\s\S]*\bthat\b)|,\s*(?:citing|quoting|referring|speaking|offering|pointing|giving|showing|holding|gesturing|waving|according\s+to)\b)/i;

/**
 * A fronted phrase before `, X said` that is no clause of its own (`Later in the day, X testified …`; not `After the
 * phones shipped, people began …, X said`, whose head goes on after a comma).
 */
const FRONTED_ADJUNCT =
  /^(?:as|when|while|after|before|since|because|if|although|though|later|earlier|in|on|at|during|despite|following|until|once)\b/i;
/** A participle phrase that opens the sentence and only says how the words came (`Speaking to the Herald,`). */
const PARTICIPIAL_ADJUNCT =
  /^(?:speaking|writing|responding|replying|talking|addressing|commenting|testifying|appearing|asked|pressed|questioned|interviewed)\b[^,;.!?]*$/i;

function frontedOnly(head: string): boolean {
  return !head.includes(',') && FRONTED_ADJUNCT.test(head);
}

/** Words that end in a subordinator (`… delayed again as`): the clause after them is subordinate. */
const SUBORDINATE_END = new RegExp(String.raw`\s(?:${CLAUSE_OPENERS})$`, 'i');
/** A subordinate clause opening the words before the speaker (`Because the doctor suspected …, he told …`). */
const CLAUSE_OPENER_START = new RegExp(String.raw`^(?:${CLAUSE_OPENERS})\b`, 'i');

/** Nothing before a sentence-opening attribution but a connective (`But according to …`). */
const OPENS_SENTENCE = /^[\s"“'‘(]*(?:(?:but|and|yet|so|now|also|still|however|instead)\s*,?\s+)?$/i;

/** The last comma of `s` that is not inside a number, or -1. */
function lastClauseComma(s: string): number {
  let i = s.lastIndexOf(',');
  while (i >= 0 && inNumber(s, i)) i = i > 0 ? s.lastIndexOf(',', i - 1) : -1;
  return i;
}

/** Offset of a `)` in `s` that closes no `(` of `s` (the report sits in brackets), or -1. */
function closingBracket(s: string): number {
  if (!s.includes(')')) return -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && depth-- === 0) return i;
  }
  return -1;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:—–-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,.;:!?—–-]/.test(text[e - 1] ?? '')) e--;
  // a reference number closing the sentence (`… than expected (21).`) is not what was said
  const ref = /\s*[([]\d{1,3}[)\]]$/.exec(text.slice(Math.max(s, e - 8), e));
  if (ref) e -= ref[0].length;
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
  // generic `you`/`one` (`You can say all you want`) and broken phrases (`do or don’t say`) report no one's words
  // (`One said …` in the past is one of the people just named: `Three nurses spoke to us. One said …`)
  const past = /^(?:said|told|added|wrote|\p{Ll}+ed)$/u.test(text.slice(a.cue.start, a.cue.end));
  if (/^you$/i.test(a.speaker.text) || (/^one$/i.test(a.speaker.text) && !past) || /n[’']t$/i.test(a.speaker.text))
    return null;
  // the writer's own voice (`we confirmed that …`, `As I said earlier, …`, `Our initial testing suggests …`) is
  // narration, not someone's reported words; so is evidence that `reveals` or `suggests` (`Blood tests revealed
  // that …`, `Those facts suggest that …`) and a hypothetical speaker (`Others might argue that …`)
  if (/^(?:i|we|our|my)\b/i.test(a.speaker.text)) return null;
  // the article speaking of itself (`A previous version of this story said …`)
  if (/\b(?:version|edition)\s+of\s+this\s+(?:story|article|report)$|^this\s+(?:story|article)$/i.test(a.speaker.text))
    return null;
  // (`countered that …`, `responded on Monday that …`; not `responded quickly`, `responded to the fire`)
  if (
    THAT_ONLY.has(a.cue.lemma) &&
    !(
      AGREEING.has(a.cue.lemma)
        ? /^\s+(?:with\s+(?:[\p{L}.’'-]+\s+){1,3}?)?that\s/iu
        : /^\s+(?:(?!and\s|but\s)[\p{L}.]+\s+){0,3}?that\s/iu
    ).test(masked.slice(a.cue.end, a.cue.end + 40))
  )
    return null;
  // a verb with nothing said after it (`said as much`, `have said so for years`)
  if (NOTHING_SAID.test(masked.slice(a.cue.end, Math.min(sent.end, a.cue.end + 40)))) return null;
  if (
    /^(?:reveal|suggest)$/.test(a.cue.lemma) &&
    /(?:^|\s)(?:tests?|facts?|data|evidence|results?|findings?|figures|numbers|signs|research)$/.test(a.speaker.text)
  )
    return null;
  // (no one: `Nothing indicated that …`, `Everything suggests …`)
  if (/^(?:nothing|something|everything|anything)$/i.test(a.speaker.text)) return null;
  // what hints or indicates is evidence unless someone speaks (`nothing indicated that …`, `a study hints that …`)
  if (
    /^(?:indicate|signal|hint)$/.test(a.cue.lemma) &&
    a.speaker.kind === 'nominal' &&
    !a.speaker.org &&
    !SPEAKING_HEAD.test(a.speaker.text)
  )
    return null;
  if (
    /\b(?:might|could|would|may|should|must)\s+(?:\p{L}+ly\s+)?$/iu.test(
      masked.slice(Math.max(sent.start, a.cue.start - 20), a.cue.start),
    )
  )
    return null;
  // `what I said`, `what she told us`: a free relative names the words, it does not report them
  if (/\bwhat\s+$/i.test(masked.slice(Math.max(sent.start, a.speaker.start - 6), a.speaker.start))) return null;
  // a negated or refused report says nothing (`The companies have not disclosed how many …`, `declined to say`)
  if (NEGATED.test(masked.slice(Math.max(sent.start, a.cue.start - 24), a.cue.start))) return null;
  const sp = a.speaker;
  let s: number;
  let e: number;
  /** The content is the whole sentence, attribution included (a parenthetical attribution). */
  let whole = false;
  /** The content is an act admitted or denied (`denied taking the money`). */
  let act = false;
  if (
    sp.start > a.cue.start &&
    a.cue.lemma === 'according to' &&
    OPENS_SENTENCE.test(text.slice(sent.start, a.cue.start))
  ) {
    // "According to the agency, ⟦the bridge is safe⟧.": the clause after the source's comma
    const comma = firstClauseComma(text, sp.end);
    // (a relative clause about the source may be long: `According to two former employees who asked not to be named
    // because they still work in the industry, …`)
    const relative = /^,?\s+(?:who|whom|which|that)\s/i.test(text.slice(sp.end, sp.end + 8));
    if (comma < 0 || comma >= sent.end || comma - sp.end > (relative ? 200 : 80)) return null;
    [s, e] = trimSpan(text, comma + 1, sent.end);
    // (past the source's participle phrase: `According to the study, published in BMJ, ⟦…⟧`)
    const participle = SOURCE_PARTICIPLE.exec(text.slice(s, e));
    if (participle) [s, e] = trimSpan(text, s + participle[0].length, e);
  } else if (sp.start > a.cue.start) {
    // "…, said X." / "…, according to X."; a parenthetical (`One of the officers, according to prison records, had
    // worked …`): the whole sentence
    const parenthetical =
      /,\s*$/.test(text.slice(sent.start, a.cue.start)) && continuesAfter(text.slice(sp.end, sent.end));
    [s, e] = trimSpan(text, sent.start, parenthetical ? sent.end : a.cue.start);
    whole = parenthetical;
  } else if (a.cue.lemma === 'according to') {
    [s, e] = trimSpan(text, sent.start, sp.start);
    if (e - s < 15) [s, e] = trimSpan(text, sp.end, sent.end);
  } else {
    // "X said (that) …" or "…, X said."
    const after = masked.slice(a.cue.end, sent.end);
    const tail = trimSpan(text, a.cue.end, sent.end);
    const head = trimSpan(text, sent.start, sp.start);
    // `…, the agency said in a statement on Wednesday.`: only when the speaker follows the content's comma, and is
    // someone who speaks (not `…, a deal announced last week.`)
    const beforeSpeaker = text.slice(Math.max(0, sp.start - 48), sp.start);
    const commaBeforeSpeaker =
      /,["”’']?\s*(?:the\s+)?(?:(?:\p{L}+\s+){0,2}(?:newspaper|broadcaster|agency|daily|magazine|website|network|channel|station|outlet|tabloid|paper)\s+)?$/iu.test(
        beforeSpeaker,
      ) || titleAfterComma(beforeSpeaker);
    // (not a name set off by commas after its role: `The prime minister, Ernesto Villanueva, said Wednesday he …`)
    const speakerClosesClause = commaBeforeSpeaker && !/^\s*,/.test(text.slice(sp.end, sp.end + 2));
    // (`said`/`told` after the comma: whoever it is speaks, `…, three attendees said, asking not to be named`)
    const speakerAfterComma =
      speakerClosesClause &&
      (sp.kind !== 'nominal' || sp.org || SPEAKING_HEAD.test(sp.text) || /^(?:say|tell)$/.test(a.cue.lemma));
    // `…, two people familiar with her plans told the Ledger.`: whoever tells a hearer speaks (no `a deal told …`)
    const toldHearerOnly = a.cue.lemma === 'tell' && speakerClosesClause && HEARER_WHEN_ONLY.test(after);
    // nothing said after the verb (the content, if any, comes before the speaker)
    const nothingAfter = /^[\s,]*[.!?:]?\s*$/.test(after);
    // (`Speaking to the Herald, Blunt said: “…”`: a fronted adjunct is no content)
    if (nothingAfter && PARTICIPIAL_ADJUNCT.test(text.slice(head[0], head[1]))) return null;
    // (the words before must be set off by a comma or a dash: `Local shopkeepers' association chair Pat Ng said:`
    // has none, the words are its speaker's title)
    const setOff = /[,;:—–―]|\s-\s/.test(text.slice(sent.start, sp.start));
    if (!setOff && nothingAfter) return null;
    // an admission or a denial of an act (`admitted to threatening the clerk`, `denied taking the money`): the act
    act = /^(?:admit|deny|acknowledge)$/.test(a.cue.lemma) && ADMITTED_ACT.test(after.trimStart());
    if (act) {
      [s, e] = tail;
      if (/^to\s/.test(text.slice(s, e))) s += 3;
    } else if (
      /^[\s,]*[.!?]?\s*$/.test(after) ||
      (head[1] - head[0] > 15 &&
        toldHearerOnly &&
        !FRONTED_ADJUNCT.test(text.slice(head[0], head[1])) &&
        !CLAUSE_OPENER_START.test(text.slice(head[0], head[1]))) ||
      (head[1] - head[0] > 15 && /^\W*\w+\W*$/.test(after)) ||
      (head[1] - head[0] > 15 &&
        speakerAfterComma &&
        !frontedOnly(text.slice(head[0], head[1])) &&
        (ADVERBIAL_ONLY.test(after) ||
          AFTER_ADJUNCT.test(after) ||
          (a.cue.lemma === 'tell' && HEARER_ONLY.test(after)) ||
          // (a second report or the narrator after the verb: `…, the company said, adding that …`, `…, he said,
          // and that makes …`; a participle phrase of the report's: `…, Bellmere said, helped by strong sales`)
          SECOND_AFTER.test(after) ||
          PARTICIPLE_AFTER.test(after) ||
          // (the writer's appositive of the report: `…, the company said, the deadliest accident in a decade.`)
          APPOSITIVE_AFTER.test(after)))
    )
      [s, e] = head;
    // `…,” Wang Li said at a Nov. 6 event at the institute.`: nothing but when and where it was said
    else if (ADVERBIAL_ONLY.test(after)) return null;
    else {
      [s, e] = tail;
      const rest = text.slice(s, e);
      // (`told reporters that …`, `warned the council that …`: the hearer before `that`)
      // a topic, not what was said (`warned of floods`, `cautioned against haste`)
      if (/^(?:warn|caution|complain)$/.test(a.cue.lemma) && /^(?:of|about|against|over)\s/i.test(rest)) return null;
      // whom someone wrote to, not what (`has written to every MP since 1985`; `wrote to the council that …` reports)
      if (a.cue.lemma === 'write' && /^to\s/i.test(rest) && !/^to\s[^.;:!?]{1,60}?\bthat\s/i.test(rest)) return null;
      // (not `warned of floods that could hit …`: no hearer after a preposition)
      const hearerFirst = HEARER_THEN_THAT.has(a.cue.lemma) && !/^(?:of|about|against|to|on|over|for)\s/i.test(rest);
      const found = (hearerFirst ? TOLD_THAT : ADVERBIAL_THAT).exec(rest);
      // (not a later relative `that` when the clause began after the hearer: `told reporters he had been persuaded by
      // an amendment that …`)
      const lead = found && hearerFirst && /\s(?:he|she|they|it|we|i)\s+\p{Ll}/iu.test(found[0]) ? null : found;
      // the attribution in a clause that opens the sentence: `As the authority points out in its report, ⟦the quay
      // cannot …⟧` (the main clause after it); `While the post claimed that ⟦A⟧, other users …` (up to its comma)
      const opener = FRONTED.exec(text.slice(sent.start, sp.start));
      const asLead = opener?.[1]?.toLowerCase() === 'as' ? ADVERBIAL_COMMA.exec(rest) : null;
      if (opener && opener[1]!.toLowerCase() !== 'as') {
        const comma = firstClauseComma(text, s);
        if (comma > s && comma < e) e = trimSpan(text, s, comma)[1];
      }
      const when = WHEN_LEAD.exec(rest);
      // `says, explicitly or by implication, that …`: a parenthetical after the verb, then `that`
      const aside = /,/.test(text.slice(a.cue.end, s)) ? /^[^,;:.!?]{1,50},\s*that\s/.exec(rest) : null;
      if (asLead) s += asLead[0].length;
      else if (aside) s += aside[0].length;
      // `says that, in such a setup, …`
      else if (/^that[\s,]/.test(rest)) [s, e] = trimSpan(text, s + 5, e);
      else if (lead) s += lead[0].length;
      // `questioned whether …` (not `questioned the suspect`): a reported question
      else if (a.cue.lemma === 'question') {
        if (!QUESTION_START.test(rest)) return null;
      }
      // a reported question: `asked whether …`, `asked the minister how …` (`asked for a recount`, `asked him to
      // resign` report no words)
      else if (a.cue.lemma === 'ask') {
        const hearer = QUESTION_START.test(rest) ? null : HEARER.exec(rest);
        const question = hearer ? rest.slice(hearer[0].length) : rest;
        if (!QUESTION_START.test(question)) return null;
        if (hearer) s += hearer[0].length;
      }
      // `told lawmakers no evidence supports …`: the hearer, then the clause (`told the story` reports nothing)
      else if (a.cue.lemma === 'tell') {
        const hearer = HEARER.exec(rest);
        // (past when it was told: `told The Ledger on Wednesday he would …`)
        const told = hearer ? rest.slice(hearer[0].length) : '';
        const whenTold = WHEN_LEAD.exec(told)?.[0].length ?? 0;
        const clause = told.slice(whenTold);
        if (!hearer || /^(?:of|to|in|on|about|for|with|at|from|by|who|which|that)\s/i.test(clause)) return null;
        if (!CLAUSE_START.test(clause) && !/^(?:\S+\s+){1,4}?\p{Ll}+(?:s|ed)\s/u.test(clause)) return null;
        s += hearer[0].length + whenTold;
      }
      // `said Monday the victim was …`: a day, then the clause without `that`
      else if (when && CLAUSE_START.test(rest.slice(when[0].length))) s += when[0].length;
      // a verb that also takes a noun phrase (`She wrote hundreds of songs`, `acknowledged staffing shortages`)
      // reports speech only with a clause after it
      // (its verb before a comma that opens another clause: `denied the claim, saying the tune was his own` reports no
      // clause; inside a relative clause set off by commas, before its closing comma: `Marlowe, who denies the
      // charges, has remained …`)
      else if (NP_TAKERS.has(a.cue.lemma)) {
        const relative = /,\s*(?:who|which)\s+(?:\p{L}+\s+)?$/u.test(text.slice(sent.start, a.cue.start));
        const own = text.slice(s, e).split(relative ? ',' : NEW_CLAUSE_COMMA)[0]!;
        if (!CLAUSE_START.test(own) && !PAST_CLAUSE.test(own)) return null;
        // (`deny any wrongdoing and say the contract was fair`: the noun phrase, then a second verb that reports)
        const second = /\s(?:and|but)\s+(\p{Ll}+)\s/u.exec(own);
        if (second && CUE_FORM_TO_LEMMA.has(second[1]!) && !CLAUSE_START.test(own.slice(0, second.index))) return null;
      }
    }
  }
  // "…, transport official Ben Ito said": the content ends at the comma before the speaker's phrase
  // (not when the speaker follows the verb: `…, which is drier than the poles, said Anna Solomon` keeps its clause)
  const speakerAfterVerb = sp.start > a.cue.start;
  // (not when only the comma stands between the content and the speaker: `…, her doctors say.`)
  const speakerRightAfter = sp.start >= e && /^\s*,\s*$/.test(text.slice(e, sp.start));
  if (!whole && !speakerAfterVerb && !speakerRightAfter && (e > sp.start - 2 || (sp.start > e && sp.start - e < 60))) {
    const upto = Math.min(e, sp.start);
    const rel = upto > s ? lastClauseComma(text.slice(s, upto)) : -1;
    const comma = rel < 0 ? -1 : s + rel;
    if (comma > s && sp.start - comma < 60 && e >= comma) e = trimSpan(text, s, comma)[1];
  }
  // a dateline opening the article's first sentence is not part of what was said (`KIRKVALE, Norland — …`,
  // `LONDON, May 3 (Reuters) - …`, `HARBOR CITY -- …`)
  const dateline =
    /^(?:(?:(?:\*\*)?\p{Lu}[\p{Lu}\s.'’-]+(?:,[^—–\n()]{1,40})?(?:\*\*)?|\(\p{Lu}[\p{L}.]+\))\s*[—–]|\p{Lu}[\p{Lu}\s.'’-]+(?:,[^—–\n()]{1,40})?\s*(?:\(\p{Lu}[\p{L}.]+\)\s*(?:--?|[—–])|--|[—–])|\p{L}[\p{L}\d-]*\.(?:[Nn]et|[Cc]om|[Oo]rg|NET|COM|ORG|info|am|ru|uk|in)\s+[-—–])\s*(?:\*\*)?\s*/u.exec(
      text.slice(s, e),
    );
  if (dateline) s += dateline[0].length;
  // content that opens with a verb: the attribution sits inside the sentence. As a parenthetical (`The tuft cell,
  // Herbert said, is constantly sensing …`) the whole sentence is the content; inside a relative clause (`Rail, which
  // the union says has doubled …`) there is no content of its own
  if (/^(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do)\s/i.test(text.slice(s, e))) {
    const parenthetical =
      /,\s*(?:as\s+(?:the\s+)?)?$/i.test(text.slice(Math.max(sent.start, sp.start - 10), sp.start)) &&
      /^\s*,/.test(text.slice(a.cue.end, a.cue.end + 3)) &&
      sp.start < a.cue.start;
    if (!parenthetical) return null;
    [s, e] = trimSpan(text, sent.start, sent.end);
    whole = true;
  }
  // the narrator goes on after the report: `…, Morrison testified.`, `…, but he gave no details`
  const content = text.slice(s, e);
  const tail = NARRATOR_TAIL.exec(content);
  if (tail && !whole && isNarratorTail(tail)) e = trimSpan(text, s, s + tail.index)[1];
  // the speaker's own next act (`…, and demanded an extension`) or a second source (`…, according to the Times`)
  const next = whole ? null : NEXT_PREDICATE.exec(text.slice(s, e));
  const nextVerb = next?.[1] ?? next?.[3];
  if (next && (next[2] || !nextVerb || CUE_FORM_TO_LEMMA.has(nextVerb))) e = trimSpan(text, s, s + next.index)[1];
  // another speaker's report after a semicolon (`Some said the plan was rushed; others said it was overdue`)
  const other = whole ? null : SEMICOLON_REPORT.exec(text.slice(s, e));
  if (other && CUE_FORM_TO_LEMMA.has(other[1]!.toLowerCase())) e = trimSpan(text, s, s + other.index)[1];
  // a report in brackets ends at its closing bracket (`(the company later said it had no plans for more cuts) and
  // closed …`, `(… of the Daily Clarion.)`)
  const close = closingBracket(text.slice(s, e));
  if (close >= 0) e = trimSpan(text, s, s + close)[1];
  const said = text.slice(s, e);
  // three words at least, a clause (`the guard died`, not `them to me`); four before the cue (`To the pears, add …`)
  const words = said.split(/\s+/).length;
  if (e - s < 10 || words < 3) return null;
  if (
    words === 3 &&
    !act &&
    (s < a.cue.start || !/\p{Ll}(?:ed|s)$|\b(?:is|are|was|were|will|would|can|could|had|has|have|did)\b/u.test(said))
  )
    return null;
  // the speaker's clause is subordinate to the words before it (`Harbor line delayed again as the board confirms
  // cuts`): those words are the narrator's
  if (e <= sp.start && /^\s*$/.test(text.slice(e, sp.start)) && SUBORDINATE_END.test(said)) return null;
  // a second source is no content (`…, the commission said, according to Reuters`)
  if (/^according\s+to\b/i.test(said)) return null;
  // quoted words open it (`South Dakota says, ‘Meth. We’re On It,’ and …`): a quote, not reported speech
  if (/^["“‘'«]/.test(said)) return null;
  // only when and where it was said (`explained on an episode of their podcast “…”`)
  if (
    /^(?:on|in|at|during|via|through|over|from|for|after|before|while)\s/i.test(said) &&
    !/[,;]|\sthat\s/.test(said) &&
    !CLAUSE_START.test(said)
  )
    return null;
  return { start: s, end: e };
}
