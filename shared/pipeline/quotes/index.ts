/**
 * Quotes and speakers: `extractQuotes(text, entities)`.
 *
 *   1. spans       quote-mark regions per paragraph (spans.ts)
 *   2. sentences   split with quotes masked (sentences.ts)
 *   3. attribution cue verb + speaker phrase in the quote's sentence (attribution.ts)
 *   4. propagation split quotes, `X said:` lead-ins, multi-paragraph quotes, quote-only paragraphs
 *   5. filtering   scare quotes, titles, nicknames (not speech)
 *   6. resolution  surnames, titles, pronouns, entities (speakers.ts)
 *   7. indirect    reported speech without marks (indirect.ts)
 */
import { mapPacked } from '../arrays.ts';
import { entityAt } from '../entities/index.ts';
import { COMPANY_KINDS, PERSON_TITLES } from '../titles.ts';
import type { Entity, Quote, QuoteType, Span } from '../types.ts';
import { countWords } from '../words.ts';
import {
  type Attribution,
  attributeBare,
  attributeInSentence,
  issuerOfDocument,
  openingAccordingTo,
  PARTY_MEMBERS,
  type SpeakerPhrase,
  subjectBefore,
  subjectOfSentence,
} from './attribution.ts';
import { ADVERBIAL_ONLY, indirectContent, isReporting } from './indirect.ts';
import { CUE_FORM_TO_LEMMA, INTRODUCER, ORG_WORDS, SCARE_PREFIX } from './lexicon.ts';
import { MASK, maskQuotes, splitSentences } from './sentences.ts';
import { findQuoteSpans, paragraphSpans, type QuoteSpan } from './spans.ts';
import { pronounGender, type ResolvedSpeaker, SpeakerResolver } from './speakers.ts';
import { TokenIndex } from './tokens.ts';
import { interviewTurns, SPEAKER_LABEL, type Turn } from './turns.ts';

export { findQuoteSpans } from './spans.ts';

interface Work {
  span: QuoteSpan;
  start: number;
  end: number;
  sentence: number;
  attr: Attribution | null;
  /** how the attribution was found */
  via: 'sentence' | 'inherited' | 'lead-in' | 'previous-subject' | 'transcript' | 'none';
  /** index of the work item the speaker is inherited from */
  from: number;
}

const MAX_CUELESS_WORDS = 1;
const HEADLINE_SPEAKER = /^((?:\p{Lu}[\p{L}'’.-]*)(?: \p{Lu}[\p{L}'’.-]*){0,3}):\s/u;
const HEADLINE_LABELS =
  /^(?:Poll|Polls|The Latest|Latest|Analysis|Opinion|Exclusive|Watch|Breaking|Update|Video|Review|Letters?|Editorial|Fact Check|Live|Photos|Explainer|Q&A|Correction|Interview)$/i;

function isHeadline(text: string, p: Span): boolean {
  const s = text.slice(p.start, p.end);
  return s.split(/\s+/).length <= 20 && !/[.!?]["”’']?$/.test(s.replace(/['’][^'’]*['’]\.?$/, ''));
}

/** A speaker label opening a quote-mark span (`“GRIEVE: …”`), as in a transcript without marks (turns.ts). */
const TRANSCRIPT = new RegExp(String.raw`^(${SPEAKER_LABEL}):\s+`, 'u');

type Resolved = ReturnType<SpeakerResolver['resolve']>;

/** More quoted spans than this in one sentence: not prose, the spans stay unattributed. */
const MAX_QUOTES_PER_SENTENCE = 40;
/**
 * A sentence whose subject is a group of people (`Analysts expect …`, `Some economists at the bank doubt …`): the
 * phrase, up to its plural head noun.
 */
const PEOPLE_SUBJECT =
  /^\s*((?:(?:the|some|many|most|several|other|few|two|three|four|five)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:analysts|economists|experts|officials|researchers|scientists|investigators|prosecutors|lawmakers|legislators|critics|doctors|residents|witnesses|activists|observers|strategists|advocates|supporters|opponents|organizers|executives|investors|traders|voters|teachers|parents|students|workers|Republicans|Democrats|conservatives|liberals|progressives|protesters|demonstrators|farmers|senators|ministers|leaders))\s+(?!(?:who|that|which|of|at|in|for|from)\b)\p{Ll}/iu;
/** A name in a sentence's subject (`Mark Ellison`, `Rosa`). */
const SUBJECT_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`;
/**
 * A sentence whose subject is two people (`Mark Ellison and his wife, Rosa, lost …`, `Dev and Asha Patel spent …`,
 * `Tom Reyes, 71, and Ana Reyes, 68, said …`): the phrase, for a `they` right after it.
 */
const TWO_PEOPLE_SUBJECT = new RegExp(
  String.raw`^\s*(${SUBJECT_NAME}(?:,\s*\d+,)?\s+and\s+(?:(?:his|her)\s+(?:wife|husband|partner|fianc[ée]e?|boyfriend|girlfriend|son|daughter|brother|sister|mother|father|twin)(?:,?\s+${SUBJECT_NAME})?|${SUBJECT_NAME})(?:,\s*\d+)?),?\s+(?!(?:who|that|which|of|at|in|for|from)\b)\p{Ll}`,
  'u',
);
/** An unnamed person as a lede's subject (`A headteacher`, `A retired nurse`); not a spokesperson, a witness or a source. */
const LEDE_SUBJECT = /^an?\s+(?:[\p{Ll}-]+\s+){0,3}\p{Ll}[\p{Ll}-]*$/iu;
const NOT_LEDE_SUBJECT =
  /\b(?:spokes(?:man|woman|person)|sources?|officials?|witness|neighbou?r|resident|friend|relative|someone|passer-by|bystander|for|of|at|from)\b/i;
/** A named person's person (`Marlowe’s rep`, `the senator’s spokeswoman`): someone who speaks for them. */
const SOMEONES_PERSON =
  /^(?:the\s+)?[\p{L}.-]+(?:\s+[\p{L}.-]+){0,2}['’]s\s+(?:rep|representative|spokesman|spokeswoman|spokesperson|lawyer|attorney|agent|publicist|manager|aide|adviser|advisor|office|campaign|team|family|wife|husband|son|daughter|mother|father|friend)$/iu;

/** Words that name a term rather than quote speech: `what's called`, `what is known as`, `a type of`. */
const TERM_PREFIX =
  /\b(?:what(?:['’]s| is| are) (?:called|known as)|(?:is|are|was|were|be|been|being) (?:often |also |sometimes |commonly )?(?:called|named|known as|referred to as)|(?:a|one) (?:type|form|kind) of|(?:dubbed|nicknamed)(?: (?:it|him|her|them|(?:the|a|an|this|that) \S+))?|(?:the )?name (?:of [^,.;:]{1,60} )?(?:is|was)|(?:a )?rating of|(?:rated|classified|categori[sz]ed|graded|ranked) as|(?:rates|rated|rating)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:stock|shares|company|bond|debt)|diagnosed with|(?:a )?diagnosis of|(?:the )?(?:word|term|phrase)s?)\s*$/i;

/** The last word of a Title Case name of a day, a prize, a law, a fund or a place (`Ruth Ellingson Day`). */
const NAMED_THING_LAST =
  /\s(?:Day|Week|Month|Year|Award|Awards|Prize|Medal|Act|Bill|Law|Fund|Foundation|Trophy|Cup|Street|Road|Avenue|Park|Square|Bridge|Festival)$/;

/** Before a name in Title Case: what the work is to another, or what the thing is known as. */
const NAME_GIVEN_BEFORE =
  /\b(?:(?:sequel|prequel|successor|follow-up|spin-off|spinoff)\s+to|remake\s+of|known\s+(?:\p{Ll}+ly\s+)?as|billed\s+as|branded(?:\s+as)?|nicknamed|dubbed|(?:which|that)\s+(?:\p{L}+\s+){0,2}?(?:calls?|called|named|titled)|(?:calls?|called|named|titled)\s+it|(?:had\s+|has\s+)?(?:read|reread|re-read|reading|finished|borrowed)(?:\s+(?:the\s+)?(?:book|novel|memoir|story|poem))?)\s*$/iu;

/** A form of `be`, an optional -ly adverb, then a word: the word is a participle in the passive when it is a verb. */
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?([a-z]+)\b/g;

/** A speech verb in the passive in `before`: `was labeled`, `has been described as`, `were widely told`. */
function passiveSpeechIn(before: string): boolean {
  for (const m of before.matchAll(PASSIVE)) if (!m[1]!.endsWith('ing') && CUE_FORM_TO_LEMMA.has(m[1]!)) return true;
  return false;
}

/** A capitalised minor word inside a phrase: `To The`, `Is`, `Of A` (headline case, not speech). */
const HEADLINE_MINOR = /\s(?:To|The|Of|And|In|On|At|For|With|A|An|Is|It|Or|By|From)(?:\s|[.,!?]?$)/;

/**
 * Whether a quote with no speech verb in reach is the words of its sentence's subject (`Reid has been pounding Trump
 * as a “con artist”`, `Hale’s “plan”`), rather than a term in quote marks after any subject (`U.S. imports of
 * “intermediate goods”`, `a scan showed a “ground glass” pattern`): a long quote, a possessive subject, a speech or
 * judging verb or a noun for words between them, or `as a “…”`.
 */
function introducesWords(
  masked: string,
  sentStart: number,
  subjectEnd: number,
  quoteStart: number,
  words: number,
): boolean {
  if (words >= 8 || /^['’]s?\s/.test(masked.slice(subjectEnd, quoteStart))) return true;
  const before = masked.slice(sentStart, quoteStart);
  if (/\bas\s+(?:a|an|the|his|her|its|their)?\s*$/i.test(before) || INTRODUCER.test(before)) return true;
  return before.split(/[^\p{L}'’-]+/u).some((w) => CUE_FORM_TO_LEMMA.has(w.toLowerCase()));
}

/** What may open a sentence before its subject: a quote mark, `the`. */
const SUBJECT_LEAD = /^[\s"“]*(?:the\s+)?/i;
/** `The` and up to two common nouns before a name (`The label Moonrock Records`; not `The head of X`). */
const DESCRIBED_LEAD =
  /^[\s"“]*[Tt]he\s+(?:(?!(?:of|for|at|in|from|to|with|and|or)\s)\p{Ll}[\p{L}-]*\s+){1,2}(?=\p{Lu})/u;
/** A wire dateline opening a sentence (`CEDAR FALLS, Iowa (AP) — `, `LONDON (Reuters) - `). */
const DATELINE_LEAD = /^\p{Lu}[\p{Lu}.'’ -]+(?:,[^—–()\n]{1,30})?\s*(?:\([^()]{1,30}\))?\s*[—–-]\s+/u;
/** A person by party and perhaps state (`The Ohio Democrat`, `the Republican`). */
const PARTY_EPITHET = new RegExp(String.raw`^[Tt]he\s+(?:\p{Lu}[\p{L}.-]*\s+){0,2}(?:${PARTY_MEMBERS})$`, 'u');
/** A title word before a name (`Sen. `, `Governor `; group 1: the word). */
const TITLE_WORD = /^(\p{Lu}\p{Ll}*)\.?\s+/u;
/** A sentence whose subject is `it`/`they` (`Now it has released a second statement.`). */
const PRONOUN_SUBJECT = /^[\s"“]*(?:(?:now|then|later|also|still|but|and|so)\s+)?(?:it|they)\s/i;

/**
 * Organisations that need not be companies, named by a common noun after they are named (`the agency`, `the club`,
 * `the hospital`): no public body's name keeps them from linking (see `organisationBefore`).
 */
const INSTITUTION_NOUNS =
  'agency|group|organi[sz]ation|outfit|network|club|team|side|hospital|school|university|college|charity|union|museum|council|trust|foundation|institute|centre|center|church|league|federation|association';
/** `the company`, `the brokerage`, `the Swiss drugmaker`, `the club`: an organisation by a noun for its kind. */
const COMPANY_PHRASE = new RegExp(
  `^[Tt]he\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:company|firm|brokerage|bank|business|conglomerate|utility|chain|maker|${INSTITUTION_NOUNS}|${COMPANY_KINDS.join('|')})$`,
  'u',
);
/** A phrase for an organisation that need not be a company (`the agency`, `the club`, `the hospital`). */
const INSTITUTION_PHRASE = new RegExp(`\\b(?:${INSTITUTION_NOUNS})$`, 'i');

/** A document of `his`/`her` (group 1: the possessive). */
const OWNED_BY_PRONOUN =
  /^([Hh]is|[Hh]er)\s+(?:\p{Ll}+\s+){0,2}(?:statement|letter|post|tweet|memo|email|book|memoir|testimony|op-ed|column|essay|speech|remarks)$/u;
/** A sentence naming who said the quote before it (group 1: the name, titles included). */
const NAMED_AFTER =
  /^(?:(?:Those|These|That|Such)\s+(?:were|are|was|is)\s+(?:the\s+)?(?:words?|message|verdict|view|assessment|warning|reaction|response|advice|plea)\s+(?:of|from)|So\s+(?:says|said))\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]+)(?=[\s,.;]|$)/u;
/** Words of trade unions' names (or an acronym: `UAW`, `RMT`). */
const UNION_NAME =
  /\b(?:Unions?|Workers|Federation|Alliance|Guild|Association|Brotherhood|Teamsters|Unite|Confederation|Congress|Employees|Officers|Nurses|Teachers|Drivers|Pilots)\b|^\p{Lu}{2,6}$/u;
/** Last words of public bodies' names (`Attorney General`, `Department of X` apart): no company. */
const PUBLIC_BODY =
  /\b(?:General|Department|Ministry|Office|Police|Court|Council|Commission|Committee|Agency|Authority|Administration|Service|Bureau|Senate|House|Congress|Parliament|Government|University|College|School|Party|Army|Navy|Force)\b/;

/** A sentence going to a quote in the second person (`it dawns on you —`, `you will always wonder,`). */
const GENERIC_YOU = /\b(?:you|your)\b[^“”"]{0,40}$/i;
/** A question in quote marks answered at once by the writer: `? Probably.`, `? Yes.`, `? Not quite.` */
const WRITER_ANSWER =
  /^\s*(?:Probably|Maybe|Perhaps|Possibly|Yes|No|Not\s+quite|Not\s+really|Absolutely|Definitely|Hardly)[.!]/;

/** Words for several people or a group between a person and a `they` (`the two`, `residents`, `the couple`, `and`). */
const PEOPLE_IN_BETWEEN =
  /\b(?:and|both|two|three|several|many|couple|family|team|group|staff|people|officials|residents|police|members|he|she|his|her|him|\p{Ll}+(?:ers|ors|ists|ants|ents|ians))\b/u;

/** Verbs of a finding or a decision, not of saying: inside another's report, that report's speaker has the words. */
const FINDING = new Set(['conclude', 'determine', 'decide', 'find', 'believe', 'think', 'order']);

/** Between the halves of a split quote: its attribution and a comma (` he says, `, ` said Ana Ruiz, a nurse, `). */
const SPLIT_GAP = /^\s*[^.!?;:"“”]{1,80},\s*$/;

/** A time stamp opening a live blog's entry (`09:30`, `9.30am:`, `14:05 GMT —`), up to the words after it. */
const TIME_STAMP = /^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?\s*[:.–—-]?\s+(?=\p{Lu})/u;

/** A sentence whose subject is `he`/`she` or a description with no name (`The Brazilian had …`, `He joined …`). */
const DESCRIBED_SUBJECT =
  /^[\s"“]*(?:he|she|the\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?\p{L}[\p{L}-]*\s+(?:had|has|was|is|\p{Ll}+ed)\b)/iu;

/** Nouns of documents that speak for whoever issued them. */
const DOCUMENT_NOUN = 'statement|release|letter|memo|post|email|notice|announcement';
/** A document as the speaker (`the statement`, `the company’s letter`, `the press release`). */
const DOCUMENT = new RegExp(String.raw`^the\s+(?:[\p{L}’'-]+\s+)?(${DOCUMENT_NOUN})$`, 'iu');
/** A document named as new (`a blog post`, `a statement`), as the speaker phrase of `… that said`. */
const NEW_DOCUMENT = new RegExp(String.raw`^an?\s+(?:[\p{L}’'-]+\s+)?(?:${DOCUMENT_NOUN})$`, 'iu');
/** Verbs that issue a document (`published a blog post`). */
const ISSUING_VERB =
  /^(?:issued|released|published|posted|sent|shared|wrote|put|issues|releases|publishes|posts|sends)$/;
/** A document mentioned as issued (`in a statement`, `issued an emailed statement`, `its letter`). */
const DOCUMENT_MENTION = new RegExp(
  String.raw`\b(?:a|an|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?(${DOCUMENT_NOUN})\b`,
  'giu',
);

/**
 * An entity of the entity stage as a resolved speaker (an organisation by its last word even when the entity stage
 * typed it a person: `Harbor Lane Studios`).
 */
function entityAsSpeaker(e: Entity): ResolvedSpeaker {
  const last = e.name.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const orgWord = ORG_WORDS.has(last) || last === 'records';
  return {
    speaker: e.name,
    speakerType: e.type === 'PERSON' && !orgWord ? 'person' : 'organization',
    speakerEntityId: e.id,
  };
}

/** The verb between an issuer and its document (`issued a statement`, `said in a statement`). */
const ISSUED =
  /^\s+(?:\p{Ll}+\s+)?(?:issued|released|published|posted|sent|put\s+out|shared|said\s+in|wrote\s+in)\s+$/u;

/**
 * One unnamed person (`a neighbour`, `the witness`, `his son`, `one resident`): a determiner, up to four words, a
 * singular head that names a person.
 */
const ONE_PERSON =
  /^(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:neighbou?r|witness|resident|man|woman|spokes(?:man|woman|person)|official|source|friend|relative|son|daughter|mother|father|wife|husband|brother|sister|uncle|aunt|cousin|nephew|niece|grandmother|grandfather|widow|widower|girlfriend|boyfriend|partner|colleague|teacher|student|driver|passenger|nurse|doctor|officer|owner|customer|worker|employee|lawyer|attorney|manager|survivor|victim|parent|mum|mom|dad|bystander|shopkeeper|farmer|fan|user|reader|viewer|critic|expert|analyst|teenager|girl|boy|caseworker|staffer|aide|adviser|advisor|director|executive|engineer|scientist|researcher)(?:\s+(?:for|at|of|with|from)\s+(?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+(?:of|and|&|\p{Lu}[\p{L}'’&.-]*)){0,5})?$/u;
/** Nouns that say a person's gender: group 1 for a woman. */
const GENDERED_NOUN =
  /\b(?:(woman|spokeswoman|mother|daughter|wife|sister|aunt|niece|grandmother|widow|girlfriend|mum|mom|girl)|man|spokesman|father|son|husband|brother|uncle|nephew|grandfather|widower|boyfriend|dad|boy)$/u;

/** A paragraph that only signs what comes before it: a dash, a name, perhaps a place or a role after a comma. */
const SIGNATURE = /^\s*[—–―-]\s*(\p{Lu}[\p{L}.’'*-]*(?:\s+\p{Lu}[\p{L}.’'*-]*){0,3})\s*(?:,[^\n]{1,80})?\s*$/u;

/**
 * Nouns of things given names in quote marks, after `the` (`the “open skies” agreement`, `the “zero tolerance”
 * policy`; not `a “common-sense” approach`, a judgement someone made).
 */
const NAMED_THING_AFTER =
  /^\s+(?:agreement|policy|deal|program|programme|plan|law|act|rule|campaign|initiative|strategy|doctrine|principle|movement|zone|treaty|bill|tax|scheme|project|framework|slogan|label|brand|fund|facility|mechanism|coalition|alliance|compact|accord|pact|summit|protocol|mission|operation)s?\b/i;

/** What follows a word discussed as a word: `defined as`, `refers to`. */
const WORD_DEFINED_AFTER =
  /^[\s,]*(?:(?:perhaps|loosely|broadly|here|often|usually)\s+)?(?:defined\s+as|refers?\s+to)\b/i;

/** A plural of works right before their names (`The books,`, `two films, including`). */
const WORKS_BEFORE =
  /\b(?:books|novels|films|movies|songs|albums|plays|shows|titles|works|series|podcasts|poems|paintings)\s*,?\s*(?:(?:called|titled|named|including|such\s+as)\s*)?$/i;

/** A work's noun right before its name (`his book`, `the film called`, `a memoir titled`). */
const WORK_NOUN_BEFORE =
  /\b(?:book|novel|memoir|film|movie|documentary|album|song|play|series|podcast|essay|poem|report|study)\s*(?:(?:called|titled|entitled|named)\s*)?,?\s*$/i;

/** Cues that name something rather than report words (`a script called “…”`). */
const NAMING_CUES: ReadonlySet<string> = new Set([
  'call',
  'dub',
  'name',
  'title',
  'label',
  'term',
  'brand',
  'nickname',
]);

/** A group of people as a speaker phrase (`the authors`, `Analysts`, `some residents`, `police`). */
const PEOPLE_GROUP =
  /(?:^|\s)(?:\p{L}+(?:ers|ors|ists|ysts|ants|ents|ians|ees|als|ives)|police|people|staff|officials|experts)$/iu;

/** A person's pronoun in a lead-in (someone else may be speaking). */
const NARRATOR_PERSON = /\b(?:he|she|they|i|we|you|his|her|their|my|our|him|them)\b/i;

/**
 * A clause boundary that may end a report: `, but`, `, warning:`, `, adding`, a colon or a semicolon, `but that`/`and
 * that` (a second clause of the same report).
 */
const CLAUSE_BOUNDARY =
  /,\s+(?:but|and|while|whereas|though|although|warning|adding|saying|noting|insisting|arguing|explaining)\b|[:;]|\s(?:and|but)\s+(?=(?:then\s+)?([a-z]+ed|said|told|wrote|that)\b)|\sbut\s+$/g;

/** The parts of a sentence before a clause boundary that comes before its first quote, shortest first. */
function leadClauses(masked: string, sent: Span, firstQuote: number): Span[] {
  const out: Span[] = [];
  // (before `and`/`but`, only a verb of saying or `that` opens the next clause: `but insisted …`, not `and verified`)
  for (const m of masked.slice(sent.start, firstQuote).matchAll(CLAUSE_BOUNDARY))
    if (m.index > 0 && (!m[1] || m[1] === 'that' || CUE_FORM_TO_LEMMA.has(m[1])))
      out.push({ start: sent.start, end: sent.start + m.index });
  return out;
}

/**
 * A second report after a sentence's last quote and its attribution: `, adding that …` (a participle after a comma)
 * or `and said …` / `but warned that …` (a verb in the past after `and`/`but`), with at most a short adverbial before
 * it (`said in a statement, adding …`).
 */
const TRAILING_REPORT =
  /^(?:\s+[^,.;:!?“”"]{1,40}?)?(?:\s*,\s*(\p{Ll}+ing)|,?\s+(?:and|but)\s+(?:then\s+|later\s+|also\s+)?(\p{Ll}+ed|said|told|wrote))\s/u;

/** The report after the last quote of a sentence, attributed to that quote's speaker (see TRAILING_REPORT). */
function reportAfterQuote(masked: string, sent: Span, w: Work): Attribution | null {
  const a = w.attr;
  if (!a) return null;
  let anchor = w.span.outerEnd;
  if (a.cue && a.cue.start >= anchor) anchor = Math.max(anchor, a.cue.end);
  if (a.speaker.start >= w.span.outerEnd) anchor = Math.max(anchor, a.speaker.end);
  return trailingReport(masked, sent, anchor, a);
}

/**
 * Another speaker's report after `anchor` in the sentence, joined by `while`/`whereas`/`but` (`…, while Democrats
 * countered that the plan would gut inspections`): its attribution and content.
 */
function otherReport(
  text: string,
  masked: string,
  tokens: TokenIndex,
  sent: Span,
  anchor: number,
): { a: Attribution; content: Span } | null {
  // (the comma may sit inside the quote's closing mark: `“another blank check,” while …`)
  const after = text.slice(anchor, Math.min(sent.end, anchor + 80));
  const join =
    OTHER_SIDE.exec(after) ?? (/,["”’']$/.test(text.slice(anchor - 2, anchor)) ? SIDE_WORD.exec(after) : null);
  if (!join) return null;
  const from = anchor + join[0].length;
  const a = attributeBare(text, tokens, { start: from, end: sent.end });
  if (!a?.cue || a.speaker.start < from || a.speaker.end > a.cue.start) return null;
  const content = indirectContent(text, masked, { start: from, end: sent.end }, a);
  return content && content.start > a.cue.start ? { a, content } : null;
}

/** A speaker's phrase for `words` at `start` (a name when it is capitalised, else a noun phrase). */
function phraseAt(start: number, words: string): SpeakerPhrase {
  const bare = words.replace(/^(?:the|a|an)\s+(?=\p{Lu})/u, '');
  const at = start + (words.length - bare.length);
  const name = /^\p{Lu}/u.test(bare);
  const last = bare.split(/\s+/).at(-1)!.toLowerCase();
  const kind = name ? 'name' : 'nominal';
  return { start: at, end: at + bare.length, text: bare, kind, org: name && ORG_WORDS.has(last) };
}

/** `what the White House called “…”`, `what critics describe as “…”`: the one whose words the quote names. */
const WHAT_CALLED =
  /\bwhat\s+((?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,4}|(?:the|his|her|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}?\p{Ll}[\p{L}-]*|\p{Ll}+s)\s+(?:(?:has|had|have)\s+)?(?:called|calls|call|termed|terms|dubbed|dubs|labell?ed|(?:described|describes|describe|characterized|characterizes)\s+as)\s*$/u;
/**
 * Inside someone's report, a clause of its own whose subject (a noun phrase, perhaps with a participle phrase or a
 * relative clause after it) told or said the quoted words: `… after a caller claiming to be from her bank told her the
 * account was “…”`.
 */
const INNER_REPORT =
  /\b(?:after|when|because|since|before|while|until|that)\s+((?:a|an|the|one|two|three|some|several)\s+(?:[\p{Ll}-]+\s+){0,2}?\p{Ll}[\p{L}-]*)(?:\s+(?:who|claiming|saying|posing|pretending|purporting)\b[^,;:.!?]{0,60}?)?\s+(?:told|said|claimed|insisted|warned|wrote|assured)(?:\s+(?:him|her|them|me|us))?(?:\s+[^,;:.!?\u2063]{0,80}?)?\s*$/u;
/** `As for “…,” that is wrong`: words someone else said, taken up as the topic. */
const AS_FOR = /^[\s\u2063]*(?:(?:but|and)\s+)?as\s+(?:for|to)\s*$/i;

/**
 * The attribution of a partial quote that another speaker's report only contains: a speaker of its own right before
 * it (`what the White House called “…”`, `after a caller … told her the account was “…”`), or none (`As for “…,” …`).
 * Undefined when the quote is the report's own words.
 */
function innerAttribution(masked: string, sent: Span, w: Kept): Attribution | null | undefined {
  const a = w.attr;
  const before = masked.slice(sent.start, w.span.outerStart);
  // (`As for “…,” …, analysts noted`: words taken up as the topic of what a closing speaker says are not theirs)
  if (AS_FOR.test(before)) return a?.speaker && a.speaker.start > w.span.outerEnd ? null : undefined;
  if (!a?.speaker) return undefined;
  const m = WHAT_CALLED.exec(before) ?? INNER_REPORT.exec(before);
  if (!m) return undefined;
  const rel = m[0].indexOf(m[1]!);
  const at = sent.start + m.index + rel;
  const tail = m[0].slice(rel + m[1]!.length);
  const cue = INNER_CUE.exec(tail);
  const cueStart = at + m[1]!.length + (cue?.index ?? 0);
  return {
    speaker: phraseAt(at, m[1]!),
    cue: cue
      ? { start: cueStart, end: cueStart + cue[0].length, lemma: CUE_FORM_TO_LEMMA.get(cue[0]) ?? cue[0] }
      : null,
  };
}

/**
 * The attribution of a partial quote whose speaker and verb sit inside the clause another speaker's report of the
 * sentence holds (`The union said management had called the offer “final”`), or undefined (the same speaker, or a
 * pronoun that may be the same: `Arden said she told the board it was “…”`).
 */
function nestedIn(d: Doc, si: number, w: Kept | null): Attribution | undefined {
  const a = w?.type === 'partial' ? w.attr : null;
  if (!a?.cue || a.speaker.kind === 'pronoun' || a.cue.start < a.speaker.end || a.cue.start > w!.span.outerStart)
    return undefined;
  const outer = bare(d, si);
  if (!outer?.cue || !isReporting(outer.cue.lemma) || outer.speaker.end > outer.cue.start) return undefined;
  // (the inner clause follows the outer verb: `said (that) management had called …`)
  const between = d.masked.slice(outer.cue.end, a.speaker.start);
  return outer.cue.end <= a.speaker.start &&
    /^\s+(?:that\s+)?[^,;:.!?—–()-]{0,40}$/.test(between) &&
    outer.speaker.start !== a.speaker.start
    ? a
    : undefined;
}

/** The verb of an inner speaker's words (see WHAT_CALLED, INNER_REPORT). */
const INNER_CUE =
  /\b(?:called|calls|call|termed|terms|dubbed|dubs|labell?ed|described|describes|describe|characterized|characterizes|told|said|claimed|insisted|warned|wrote|assured)\b/u;

/** `… and that ` after a partial quote, then a clause (not `and that was all`, `and that is why`). */
const AND_THAT =
  /^[^.;:!?]{0,60}?\s+(?:and|but)\s+that\s+(?!(?:is|was|has|had|will|would|could|can|may|might|means?|meant|made|makes|'s|’s)\b)(?=\p{L})/u;

/**
 * The second clause of a report whose first holds a partial quote (`Brennock Transit said it was “incredibly proud”
 * of Adeyemi and that he had followed safety procedures`): from after `and that` to the end of the sentence, when the
 * reporting verb comes before the quote.
 */
function secondThatClause(masked: string, sent: Span, w: Kept): Span | null {
  const cue = w.attr!.cue!;
  if (!isReporting(cue.lemma) || cue.end > w.span.outerStart || w.attr!.speaker.start > w.span.outerStart) return null;
  const m = AND_THAT.exec(masked.slice(w.span.outerEnd, sent.end));
  if (!m) return null;
  const start = w.span.outerEnd + m[0].length;
  const end = start + masked.slice(start, sent.end).replace(/[\s.!?]+$/, '').length;
  return countWords(masked.slice(start, end)) >= 3 && !masked.slice(start, end).includes(MASK) ? { start, end } : null;
}

/** Where another side's report starts: `, while `, `, whereas `, `, but `, `; ` (after a quote's closing mark too). */
const OTHER_SIDE = /^[^,;.!?]{0,40}?(?:,\s+(?:while|whereas|but)|;)\s+/;
const SIDE_WORD = /^\s+(?:while|whereas|but)\s+/;

/** A second report of `a`'s speaker right after `anchor` (see TRAILING_REPORT). */
function trailingReport(masked: string, sent: Span, anchor: number, a: Attribution): Attribution | null {
  const m = TRAILING_REPORT.exec(masked.slice(anchor, sent.end));
  if (!m) return null;
  const word = (m[1] ?? m[2])!;
  const lemma = CUE_FORM_TO_LEMMA.get(word);
  if (!lemma) return null;
  const start = anchor + m[0].length - 1 - word.length;
  return { speaker: a.speaker, cue: { start, end: start + word.length, lemma } };
}

/** Letters and digits of a quote, lower-cased, words single-spaced: what two copies of one quote share. */
function quoteKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Without pull quotes: a quote alone in its paragraph (nothing but punctuation around its marks) whose words, six or
 * more, appear again inside another quote of the article that is not alone in its paragraph (three or more as a
 * heading over the paragraph that quotes them, one or two paragraphs on). The page repeats a line
 * of the article as a callout; the copy in the running text is the one with its attribution, and the callout must
 * neither count twice nor hand its speaker to the next paragraph.
 */
function withoutCallouts(text: string, masked: string, paras: Span[], work: Work[]): Work[] {
  if (work.length < 2) return work;
  /** Nothing but a few marks or spaces around the quote in its paragraph. */
  const alone = (w: Work): boolean => {
    const p = paras[w.span.paragraph]!;
    if (w.span.outerStart - p.start > 4 || p.end - w.span.outerEnd > 4) return false;
    return /^[^\p{L}\p{N}]*$/u.test(masked.slice(p.start, w.span.outerStart) + masked.slice(w.span.outerEnd, p.end));
  };
  // (pull quotes are short; the text they repeat is one quote of the running text, not a run-away span)
  const callouts = new Set<number>();
  work.forEach((w, i) => {
    if (w.end - w.start <= MAX_CALLOUT && alone(w)) callouts.add(i);
  });
  if (callouts.size === 0) return work;
  const keys = work.map((w, i) =>
    callouts.has(i) || w.end - w.start <= MAX_QUOTED ? quoteKey(text.slice(w.start, w.end)) : '',
  );
  return work.filter((w, i) => {
    const key = keys[i]!;
    const n = key.split(' ').length;
    if (!callouts.has(i) || n < 3) return true;
    // (three to five words only as a heading over the paragraph that quotes them, one or two paragraphs on)
    const near = (x: Work): boolean =>
      n >= 6 || (x.span.paragraph > w.span.paragraph && x.span.paragraph - w.span.paragraph <= 2);
    return !work.some(
      (x, j) => j !== i && !callouts.has(j) && keys[j] !== '' && near(x) && ` ${keys[j]} `.includes(` ${key} `),
    );
  });
}

/** The longest pull quote looked for, and the longest quote searched for its words (characters). */
const MAX_CALLOUT = 400;
const MAX_QUOTED = 4000;

/** Up to five words, each capitalised or a minor word (`Harbor Lights,`, `The Cold River`): a title's shape. */
function shortTitle(content: string): boolean {
  const words = content.replace(/[.,!?]+$/, '').split(/\s+/);
  return (
    words.length <= 5 &&
    /^[\p{Lu}\p{N}]/u.test(words[0] ?? '') &&
    words.every((t) => /^[\p{Lu}\p{N}&]/u.test(t) || /^(?:a|an|the|of|and|in|on|to|for|with|at|or)$/.test(t))
  );
}

/**
 * A quote shaped like speech rather than like a name: it ends in punctuation inside its marks (`“We are ready,”`),
 * or nothing but punctuation follows it in its sentence.
 */
function speechShaped(text: string, masked: string, span: QuoteSpan, sent: Span): boolean {
  if (/[,.!?…:;—–-]\s*$/.test(text.slice(span.start, span.end))) return true;
  return /^[^\p{L}\p{N}]*$/u.test(masked.slice(span.outerEnd, sent.end));
}

/** One article as the passes of `extractQuotes` read it (built once by `readArticle`). */
interface Doc {
  text: string;
  masked: string;
  entities: Entity[];
  paras: Span[];
  sentences: Array<Span & { paragraph: number }>;
  tokens: TokenIndex;
  resolver: SpeakerResolver;
  /** The sentences with a quote mark. */
  quoted: Set<number>;
  /** Quoted spans per sentence (see `crowded`). */
  perSentence: Map<number, number>;
  /** The first quote mark of each sentence (reported speech may come before it, in a clause of its own). */
  firstQuoteAt: Map<number, number>;
  /** The last sentence of each paragraph. */
  lastSentenceOf: number[];
  /** `attributeBare` of the sentences asked for (see `bare`). */
  bareCache: Map<number, Attribution | null>;
  /** Turns of an interview or transcript without quote marks, with their speakers (see `withTurns`). */
  turns: Map<QuoteSpan, SpeakerPhrase | null>;
}

/** The masked text, paragraphs, sentences, tokens and speaker index of an article, and where its quotes are. */
function readArticle(
  text: string,
  entities: Entity[],
  spans: QuoteSpan[],
  turns: Map<QuoteSpan, SpeakerPhrase | null>,
): Doc {
  const masked = maskQuotes(text, spans);
  const paras = paragraphSpans(text);
  const sentences: Array<Span & { paragraph: number }> = [];
  paras.forEach((p, pi) => {
    // (a live blog's time stamp opening the paragraph is no part of its first sentence: `09:30 The police said …`)
    const stamp = TIME_STAMP.exec(text.slice(p.start, Math.min(p.end, p.start + 24)));
    const from = stamp && stamp[0].length < p.end - p.start ? p.start + stamp[0].length : p.start;
    // (the fields written out: an object spread here was 2.5 % of the quote stage)
    for (const s of splitSentences(text, masked, from, p.end))
      sentences.push({ start: s.start, end: s.end, paragraph: pi });
  });
  const tokens = new TokenIndex(masked);
  const resolver = new SpeakerResolver(text, masked, sentences, entities, tokens);
  const sentenceAt = (pos: number) => resolver.sentenceOf(pos);
  const quoted = new Set(spans.map((q) => sentenceAt(q.outerStart)));
  const perSentence = new Map<number, number>();
  const firstQuoteAt = new Map<number, number>();
  for (const q of spans) {
    const si = sentenceAt(q.outerStart);
    perSentence.set(si, (perSentence.get(si) ?? 0) + 1);
    if (!firstQuoteAt.has(si)) firstQuoteAt.set(si, q.outerStart);
  }
  const lastSentenceOf: number[] = [];
  sentences.forEach((s, si) => {
    lastSentenceOf[s.paragraph] = si;
  });
  return {
    text,
    masked,
    entities,
    paras,
    sentences,
    tokens,
    resolver,
    quoted,
    perSentence,
    firstQuoteAt,
    lastSentenceOf,
    bareCache: new Map(),
    turns,
  };
}

/** The attribution of sentence si read on its own (`X said:`, `X said the talks failed.`), remembered. */
function bare(d: Doc, si: number): Attribution | null {
  if (!d.bareCache.has(si)) {
    const s = d.sentences[si];
    d.bareCache.set(si, s ? attributeBare(d.text, d.tokens, s) : null);
  }
  return d.bareCache.get(si) ?? null;
}

/**
 * A sentence with dozens of quote marks is not prose (a list of stray marks, a table): its spans are not attributed,
 * which also keeps the attribution passes linear on such input.
 */
function crowded(d: Doc, si: number): boolean {
  return (d.perSentence.get(si) ?? 0) > MAX_QUOTES_PER_SENTENCE;
}

function hasQuote(d: Doc, si: number): boolean {
  return d.quoted.has(si);
}

/**
 * Quotes of `text` with their speakers. Offsets index `text`.
 *
 * Each pass is a function of its own, which V8 optimises apart once it is hot: as one 450-line function the stage
 * took 160-190 ms of optimising compilation at once, inside the bench's measured runs (`node --trace-opt`).
 */
export function extractQuotes(text: string, entities: Entity[]): Quote[] {
  const { spans, turns } = withTurns(text, findQuoteSpans(text), entities);
  const d = readArticle(text, entities, spans, turns);
  // 1-3: spans and in-sentence attribution
  // (`mapPacked`, not `spans.map`: the passes below read `work`, and `filterQuotes` its `titled`, in the packed kind
  // the interpreter builds; TurboFan's inlined `map` built a holey one and deoptimised their readers, five recompiles
  // of ~100 ms in a 40-pass run)
  const work: Work[] = withoutCallouts(
    text,
    d.masked,
    d.paras,
    mapPacked(spans, (span) => attributeSpan(d, span)),
  );
  // 4: propagation
  for (let i = 0; i < work.length; i++) propagate(d, work, i);
  attributeBySubject(d, work);
  attributeByPreviousSubject(d, work);
  // 5: filtering and typing
  const keep = filterQuotes(d, work);
  // 6: resolution, 7: reported speech without quote marks
  return resolveQuotes(d, keep);
}

/**
 * The quote-mark spans and the turns of an interview or transcript written without marks (turns.ts), as spans in
 * text order: a turn's span is its words, its outer span the whole paragraph with the label. Each turn keeps its
 * speaker: its label, or for an answer (`A: …`) the one person the article names before the first turn.
 */
function withTurns(
  text: string,
  marked: QuoteSpan[],
  entities: Entity[],
): { spans: QuoteSpan[]; turns: Map<QuoteSpan, SpeakerPhrase | null> } {
  const found = interviewTurns(text, marked);
  const turns = new Map<QuoteSpan, SpeakerPhrase | null>();
  if (found.length === 0) return { spans: marked, turns };
  const firstLabel = found[0]!.label.start;
  const people = entities.filter((e) => e.type === 'PERSON' && e.firstStart < firstLabel);
  const interviewee = people.length === 1 ? people[0]!.mentions[0]! : null;
  const speakerOf = (t: Turn): SpeakerPhrase | null => {
    const m = t.kind === 'name' ? t.label : interviewee;
    return m ? { start: m.start, end: m.end, text: m.text, kind: 'name', org: false } : null;
  };
  for (const t of found) {
    const span: QuoteSpan = {
      start: t.start,
      end: t.end,
      outerStart: t.label.start,
      outerEnd: t.end,
      paragraph: t.paragraph,
      unclosed: false,
      continues: false,
      family: 'double',
    };
    turns.set(span, speakerOf(t));
  }
  return { spans: [...marked, ...turns.keys()].sort((a, b) => a.outerStart - b.outerStart), turns };
}

/** Steps 1-3 for one span: a transcript label (`NAME: …`), else the cue and the speaker in its sentence. */
function attributeSpan(d: Doc, span: QuoteSpan): Work {
  const { text, tokens, sentences, paras, resolver } = d;
  const si = resolver.sentenceOf(span.outerStart);
  const sent = sentences[si]!;
  let start = span.start;
  let attr: Attribution | null = null;
  let via: Work['via'] = 'none';
  const tm = TRANSCRIPT.exec(text.slice(span.start, span.end));
  if (d.turns.has(span)) {
    // a turn of an interview or transcript without quote marks: its label's speaker
    const speaker = d.turns.get(span) ?? null;
    attr = speaker ? { speaker, cue: null } : null;
    via = 'transcript';
  } else if (tm && span.outerStart === paras[span.paragraph]?.start) {
    const name = tm[1]!;
    attr = {
      speaker: { start: span.start, end: span.start + name.length, text: name, kind: 'name', org: false },
      cue: null,
    };
    start = span.start + tm[0].length;
    via = 'transcript';
  } else if (!crowded(d, si)) {
    attr = attributeInSentence(text, tokens, sent, span);
    // generic `you` (`you’re terrified to say “yes”`) quotes no one in particular
    if (attr?.speaker.kind === 'pronoun' && /^you$/i.test(attr.speaker.text)) attr = null;
    // a finding inside someone's report (`Delgado said that after a review Brussels had concluded the tariff was
    // “…”`): the words are the reporter's
    if (attr?.cue && FINDING.has(attr.cue.lemma) && attr.speaker.end <= attr.cue.start) {
      const outer = attributeBare(text, tokens, { start: sent.start, end: attr.speaker.start });
      // (a report whose clause holds the finding: `said that …`, `said …`; not `As we’ve noted, a study concluded`)
      const holds =
        outer?.cue &&
        /^\s+[^,;:]*$/.test(text.slice(outer.cue.end, attr.speaker.start)) &&
        !/^\W*as\s+$/i.test(text.slice(sent.start, outer.speaker.start));
      if (outer?.cue && holds && !FINDING.has(outer.cue.lemma) && outer.speaker.end <= outer.cue.start) attr = outer;
    }
    if (attr) via = 'sentence';
  }
  return { span, start, end: span.end, sentence: si, attr, via, from: -1 };
}

/** Step 4 for work[i] when its sentence gave it no speaker: split quotes, lead-ins, quote-only paragraphs. */
function propagate(d: Doc, work: Work[], i: number): void {
  const { text, masked, paras, sentences, tokens, lastSentenceOf } = d;
  const w = work[i]!;
  if (w.attr || crowded(d, w.sentence)) return;
  // a headline that opens with "Name:" ("Brennan: Tax plan 'will sink the city'")
  const para0 = paras[w.span.paragraph]!;
  if (w.span.paragraph === 0 || isHeadline(text, para0)) {
    const hm = HEADLINE_SPEAKER.exec(text.slice(para0.start, w.span.outerStart));
    if (hm && !HEADLINE_LABELS.test(hm[1]!)) {
      const st = para0.start;
      w.attr = { speaker: { start: st, end: st + hm[1]!.length, text: hm[1]!, kind: 'name', org: false }, cue: null };
      w.via = 'sentence';
      return;
    }
  }
  const prev = work[i - 1];
  const p = w.span.paragraph;
  const para = paras[p]!;
  // the quote's sentence and the one after it
  const own = sentences[w.sentence]!;
  const nextSentence = sentences[w.sentence + 1];
  // a quote that is its whole sentence, whose speaker the next sentence names (`“…” Those were the words of Anna
  // Ruiz, …`, `So says X`, `That was the message from Mayor Ted Olsen`)
  const namedAfter =
    nextSentence && w.span.outerStart <= own.start + 1 && w.span.outerEnd >= own.end - 1
      ? NAMED_AFTER.exec(text.slice(nextSentence.start, nextSentence.end))
      : null;
  if (namedAfter) {
    const st = nextSentence!.start + namedAfter[0].length - namedAfter[1]!.length;
    const speaker = namedAfter[1]!;
    w.attr = { speaker: { start: st, end: st + speaker.length, text: speaker, kind: 'name', org: false }, cue: null };
    w.via = 'sentence';
    return;
  }
  // a paragraph that continues an unclosed quote of the previous paragraph
  if (w.span.continues && prev?.attr) {
    w.attr = prev.attr;
    w.via = 'inherited';
    w.from = i - 1;
    return;
  }
  // `Buckley had a similar experience: “…”`: a colon in the quote's own sentence introduces the subject's words
  const leadIn = masked.slice(own.start, w.span.outerStart);
  if (/\p{L}[^\p{L}]*:\s*$/u.test(leadIn) && !isHeadline(text, para0)) {
    const a = subjectOfSentence(text, tokens, own, w.span);
    if (a && a.speaker.kind !== 'pronoun') {
      w.attr = a;
      w.via = 'sentence';
      return;
    }
    // `That process led to a realization: “…”` right after a quote of this or the previous paragraph: the narrator
    // introduces more of that speaker's words (the lead-in names no one and has no pronoun of its own)
    if (
      !a &&
      prev?.attr &&
      prev.span.paragraph >= p - 1 &&
      w.span.outerStart > own.start &&
      !/\s\p{Lu}/u.test(leadIn) &&
      !NARRATOR_PERSON.test(leadIn) &&
      speechShaped(text, masked, w.span, own)
    ) {
      w.attr = prev.attr;
      w.via = 'inherited';
      w.from = i - 1;
      return;
    }
  }
  // a quote that fills its paragraph, signed in the next one (`– Tomas K.`, `— Rosa Pell, Kirkvale`): the signer
  const next = paras[p + 1];
  if (
    next &&
    w.span.outerStart <= para.start + 1 &&
    /^[^\p{L}\p{N}]*$/u.test(masked.slice(w.span.outerEnd, para.end))
  ) {
    const sig = SIGNATURE.exec(text.slice(next.start, next.end));
    if (sig) {
      const start = next.start + sig.index + sig[0].indexOf(sig[1]!);
      const speaker = { start, end: start + sig[1]!.length, text: sig[1]!, kind: 'name' as const, org: false };
      w.attr = { speaker, cue: null };
      w.via = 'sentence';
      return;
    }
  }
  // `The outages have been “…” and the utility is acting, but “…,” its CEO said.`: an attribution that closes the
  // sentence after a later quote covers this one too
  for (let k = i + 1; k < work.length && work[k]!.sentence === w.sentence; k++) {
    const later = work[k]!;
    const cue = later.attr?.cue;
    if (
      later.via === 'sentence' &&
      cue &&
      cue.start >= later.span.outerEnd &&
      /^[^\p{L}]*(?:\p{L}+[^\p{L}]*){0,3}$/u.test(masked.slice(cue.end, own.end))
    ) {
      w.attr = later.attr;
      w.via = 'inherited';
      w.from = k;
      return;
    }
  }
  // `“An investment?” Hollister fired back.`: a quote that is its whole sentence (closed by `?` or `!`), then a
  // sentence of the paragraph that says only who said it, before an earlier speaker of the paragraph
  if (
    nextSentence &&
    nextSentence.paragraph === p &&
    w.span.outerStart <= own.start + 1 &&
    /^[^\p{L}\p{N}]*$/u.test(masked.slice(w.span.outerEnd, own.end)) &&
    !hasQuote(d, w.sentence + 1)
  ) {
    const b = bare(d, w.sentence + 1);
    const rest = b?.cue ? masked.slice(b.cue.end, nextSentence.end) : '';
    if (
      b?.cue &&
      b.speaker.start < b.cue.start &&
      /^\s*$/.test(masked.slice(nextSentence.start, b.speaker.start)) &&
      b.speaker.kind !== 'nominal' &&
      (/^\W*$/.test(rest) || ADVERBIAL_ONLY.test(rest))
    ) {
      w.attr = b;
      w.via = 'lead-in';
      return;
    }
  }
  // split quote / later quote of the same paragraph
  for (let k = i - 1; k >= 0 && work[k]!.span.paragraph === p; k--) {
    if (work[k]!.attr) {
      w.attr = work[k]!.attr;
      w.via = 'inherited';
      w.from = k;
      return;
    }
  }
  // `X said:` in the previous sentence of this paragraph, or an attribution sentence right after the quote
  const sPrev = sentences[w.sentence - 1];
  if (sPrev && sPrev.paragraph === p && /:\s*$/.test(masked.slice(sPrev.start, sPrev.end))) {
    const b = bare(d, w.sentence - 1);
    if (b) {
      w.attr = b;
      w.via = 'lead-in';
      return;
    }
  }
  // "Okafor said. “…”": a reported-speech sentence right before the quote in the same paragraph
  if (
    sPrev &&
    sPrev.paragraph === p &&
    !hasQuote(d, w.sentence - 1) &&
    w.span.outerStart <= sentences[w.sentence]!.start + 1
  ) {
    const b = bare(d, w.sentence - 1);
    // (a nominal only as someone's person: `Marlowe’s rep told reporters …`; not a speaker inside an object, `He
    // referred to Cooke's testimony that concluded …`)
    const inObject =
      !!b && /\b(?:to|of|with|about|from|for|on|at|by|in)\s+$/i.test(masked.slice(sPrev.start, b.speaker.start));
    if (b && !inObject && (b.speaker.kind !== 'nominal' || SOMEONES_PERSON.test(b.speaker.text))) {
      w.attr = b;
      w.via = 'lead-in';
      return;
    }
  }
  const sNext = sentences[w.sentence + 1];
  if (sNext && sNext.paragraph === p && !hasQuote(d, w.sentence + 1)) {
    const b = bare(d, w.sentence + 1);
    // a short sentence, or one that says no more than who said it, when and where (`Wang Li, the former director
    // for China at the fund, said at a Nov. 6 event at the institute.`)
    const rest = b?.cue ? masked.slice(b.cue.end, sNext.end) : '';
    const onlyAttribution = !!b?.cue && (/^\W*$/.test(rest) || ADVERBIAL_ONLY.test(rest));
    // (not for a few words in quote marks inside the narrator's sentence: `a 40-kilometer “buffer corridor” on …`)
    const termInside =
      w.span.outerStart > sentences[w.sentence]!.start + 1 && countWords(text.slice(w.start, w.end)) <= 3;
    if (b && !termInside && b.speaker.start - sNext.start < 40 && (sNext.end - sNext.start < 120 || onlyAttribution)) {
      w.attr = b;
      w.via = 'lead-in';
      return;
    }
  }
  // a later attributed quote in the same paragraph when this one opens it
  if (w.span.outerStart === para.start) {
    for (let k = i + 1; k < work.length && work[k]!.span.paragraph === p; k++) {
      if (work[k]!.attr && work[k]!.via === 'sentence') {
        w.attr = work[k]!.attr;
        w.via = 'inherited';
        w.from = k;
        return;
      }
    }
  }
  // a quote that opens its paragraph: the lead-in or the last speaker of the previous paragraph; not a name in
  // quote marks that the sentence goes on about (`“Wild Rose” is now on DVD.`)
  if (w.span.outerStart === para.start && p > 0 && speechShaped(text, masked, w.span, own)) {
    const lastSent = lastSentenceOf[p - 1] ?? -1;
    if (lastSent >= 0) {
      const ls = sentences[lastSent]!;
      if (/:\s*$/.test(masked.slice(ls.start, ls.end))) {
        const b = bare(d, lastSent) ?? subjectOfSentence(text, tokens, ls, { outerStart: ls.end, outerEnd: ls.end });
        if (b) {
          w.attr = b;
          w.via = 'lead-in';
          return;
        }
      }
    }
    for (let k = i - 1; k >= 0 && work[k]!.span.paragraph === p - 1; k--) {
      if (work[k]!.attr) {
        w.attr = work[k]!.attr;
        w.via = 'inherited';
        w.from = k;
        return;
      }
    }
    // `Saeb Erekat said it was only the latest move. ¶ “This is a dangerous step.”`: a previous paragraph with no
    // quote that ends in reported speech hands over its speaker (a name or a pronoun, not a nominal)
    // (the quotes are in text order, so one of the previous paragraph would be right before this one)
    const prevQuoted = i > 0 && work[i - 1]!.span.paragraph === p - 1;
    if (lastSent >= 0 && !prevQuoted) {
      const b = bare(d, lastSent);
      if (b?.cue && (b.speaker.kind === 'name' || b.speaker.kind === 'pronoun')) {
        w.attr = b;
        w.via = 'lead-in';
        return;
      }
    }
  }
}

/** The subject of the quote's own sentence, for quotes with no speech verb in reach. */
function attributeBySubject(d: Doc, work: Work[]): void {
  const { text, masked, sentences, tokens } = d;
  for (const w of work) {
    if (w.attr || w.span.paragraph === 0 || crowded(d, w.sentence)) continue;
    const a = subjectOfSentence(text, tokens, sentences[w.sentence]!, w.span);
    const sentStart = sentences[w.sentence]!.start;
    if (
      a &&
      introducesWords(masked, sentStart, a.speaker.end, w.span.outerStart, countWords(text.slice(w.start, w.end)))
    ) {
      w.attr = a;
      w.via = 'sentence';
    }
  }
}

/**
 * A quote that is a whole sentence right after a sentence about a person in the same paragraph ("Sen. Ann Hobbs
 * identified fatigue as the reason. “People are tired of it.”"): that sentence's subject.
 */
function attributeByPreviousSubject(d: Doc, work: Work[]): void {
  const { text, sentences, tokens, entities } = d;
  for (const w of work) {
    if (w.attr || w.span.paragraph === 0 || crowded(d, w.sentence)) continue;
    const sent = sentences[w.sentence]!;
    const sPrev = sentences[w.sentence - 1];
    if (!sPrev || sPrev.paragraph !== sent.paragraph) continue;
    if (w.span.outerStart > sent.start + 1 || countWords(text.slice(w.start, w.end)) < 5) continue;
    const a = subjectOfSentence(text, tokens, sPrev, { outerStart: sPrev.end, outerEnd: sPrev.end });
    // (not the owner in a possessive subject: `Marlowe’s rep told …`)
    if (a && /^['’]s\s/.test(text.slice(a.speaker.end, a.speaker.end + 3))) continue;
    // not a name the entity stage reads, as written, as a place or an organisation ("partner at Lenox")
    const e = a ? entityAt(entities, a.speaker.start) : null;
    const notPerson =
      !!e && e.type !== 'PERSON' && e.mentions.some((m) => m.start === a?.speaker.start && m.end === a.speaker.end);
    if (a && a.speaker.kind === 'name' && !a.speaker.org && !notPerson) {
      w.attr = { speaker: a.speaker, cue: null };
      w.via = 'previous-subject';
    }
  }
}

type Kept = Work & { type: QuoteType };

/** Step 5: drops scare quotes, terms, titles and nicknames (not speech) and types the rest direct or partial. */
function filterQuotes(d: Doc, work: Work[]): Kept[] {
  const { text, masked, sentences, paras } = d;
  // a list of three or more short Title Case quotes (`including “Harbor Lights,” “Cold River” and “Paper Crowns”`):
  // titles (two may be names someone was called: `called her “Miss Piggy” and “Miss Housekeeping”`)
  const listed = new Set<Work>();
  const titled = mapPacked(work, (w) => w.end - w.start < 60 && shortTitle(text.slice(w.start, w.end)));
  for (let i = 0; i < work.length; ) {
    let j = i;
    while (
      j + 1 < work.length &&
      titled[j] &&
      titled[j + 1] &&
      /^[\s,]*(?:(?:and|or)\s+)?$/.test(text.slice(work[j]!.span.outerEnd, work[j + 1]!.span.outerStart))
    )
      j++;
    // (two after a plural of works: `The books, “The Long Field” and “Every Other Summer,” had been challenged`)
    const afterWorks =
      j - i === 1 &&
      WORKS_BEFORE.test(text.slice(Math.max(0, work[i]!.span.outerStart - 40), work[i]!.span.outerStart));
    if (j - i >= 2 || afterWorks) for (let x = i; x <= j; x++) listed.add(work[x]!);
    i = j + 1;
  }
  const keep: Array<Work & { type: QuoteType }> = [];
  for (const w of work) {
    if (listed.has(w)) continue;
    const content = text.slice(w.start, w.end);
    const sent = sentences[w.sentence]!;
    const before = masked.slice(sent.start, w.span.outerStart);
    // (the end of it, for tests anchored there: a sentence of thousands of marks must not cost each one its length)
    const near = before.slice(-160);
    const words = countWords(content);
    if (SCARE_PREFIX.test(before)) continue;
    // a term being named (`what's called “feather duvet lung”`, `a type of “hypersensitive pneumonitis”`)
    if (words <= 6 && TERM_PREFIX.test(before)) continue;
    const prevChar = text.slice(Math.max(0, w.span.outerStart - 3), w.span.outerStart);
    const nextChar = text.slice(w.span.outerEnd, w.span.outerEnd + 2);
    // a nickname between first name and surname: Robert "Bobby" Scott
    if (
      words <= 2 &&
      /\p{Lu}/u.test(content[0] ?? '') &&
      !/[,.!?]$/.test(content) &&
      /\p{L}\.? $/u.test(prevChar) &&
      /^ \p{Lu}/u.test(nextChar)
    )
      continue;
    // a title (show, book, film): Title Case words after a possessive / "on" / "in"
    const titleCase = content
      .replace(/[.,!?]+$/, '')
      .split(/\s+/)
      .every((t) => /^[\p{Lu}\p{N}&]/u.test(t) || /^(?:a|an|the|of|and|in|on|to|for|with|at|or|is|are|it)$/.test(t));
    // (not after a speech verb and its comma: `fans chanted, “Pay The Players,”`)
    const lemmaBefore = CUE_FORM_TO_LEMMA.get(/(\p{L}+)[\s,:]*$/u.exec(near)?.[1]?.toLowerCase() ?? '');
    const spokenBefore = !!lemmaBefore && !NAMING_CUES.has(lemmaBefore);
    // (a work's name right after its noun is a title at any length: `In his book “Quiet Money: A Simple Way to …”`)
    const afterWorkNoun = WORK_NOUN_BEFORE.test(near);
    if (
      titleCase &&
      !spokenBefore &&
      (words <= 8 || afterWorkNoun) &&
      /(?:['’]s|\bon|\bin|\bof|\b(?:launch(?:ed|ing)\s+into|open(?:ed|ing)\s+with|clos(?:ed|ing)\s+with)|\b(?:documentary|film|movie|book|novel|show|series|program|podcast|album|song|play|episode|poem|essay|column|blog|script|screenplay|musical|opera|track|single|drama|sitcom|soap|hit)(?:\s+(?:called|named))?|\b(?:en)?titled|\b(?:played|sang|sung|sings|performed|recorded|released|covered)|,)\s*$/i.test(
        before,
      )
    )
      continue;
    // a word discussed as a word (`with “space” perhaps defined as …`)
    if (words <= 2 && WORD_DEFINED_AFTER.test(text.slice(w.span.outerEnd, w.span.outerEnd + 40))) continue;
    // a label before a name (`its “chief science officer” Mara Quill`): a title given, not speech
    if (
      words <= 4 &&
      !/[,.!?]$/.test(content) &&
      /(?:\b(?:the|its|his|her|their|our)|['’]s)\s*$/i.test(near) &&
      /^ \p{Lu}\p{Ll}/u.test(text.slice(w.span.outerEnd, w.span.outerEnd + 3))
    )
      continue;
    // a title used as a modifier between an article or a possessive and a noun (`the “Pose” actor`, `a “Fargo” fan`,
    // `her “Glass Harbor” tour`)
    if (
      titleCase &&
      words <= 4 &&
      /(?:\b(?:the|a|an|his|her|their|its|our|my)|\p{L}['’]s)\s*$/iu.test(before) &&
      /^ (?!(?:and|or|but|to|in|on|at|for|as|with|by|from|of|after|before|when|while)\b)\p{Ll}/u.test(
        text.slice(w.span.outerEnd, w.span.outerEnd + 12),
      )
    )
      continue;
    // the name of a work or a place after what it is to another (`the sequel to “The Salt Road,”`) or what it is known
    // as (`a scheme known locally as “the Bridge to Nowhere”`, `the sculpture, which she calls “Leviathan, Deflated,”`),
    // or a book someone read (`had read “Every Other Summer”`)
    if (titleCase && words <= 8 && NAME_GIVEN_BEFORE.test(near)) continue;
    // one word between `the` and its noun (`called on the “temporary” director to resign`): a scare quote (not after
    // `a`: `called her a “champion” for workers` is a judgement someone made)
    if (
      words === 1 &&
      !/[,.!?]$/.test(content) &&
      /\b(?:the|its|their)\s*$/i.test(near) &&
      /^ \p{Ll}+\s/u.test(text.slice(w.span.outerEnd, w.span.outerEnd + 30))
    )
      continue;
    // one lower-case word in quote marks inside a phrase, before a noun or an object: a verb after `to` (`could be
    // used to “call” larvae back`) or a noun after a hyphenated modifier (`top-tier “trophy” space`) used in a sense
    // of its own, not someone's words
    if (
      words === 1 &&
      /^\p{Ll}+$/u.test(content) &&
      /(?:\bto|\p{L}-\p{L}+)\s*$/u.test(near) &&
      /^ (?!(?:and|or|but|to|in|on|at|for|as|with|by|from|of|after|before|when|while|than|that|is|are|was|were)\b)\p{Ll}+\b/u.test(
        text.slice(w.span.outerEnd, w.span.outerEnd + 30),
      )
    )
      continue;
    // the name of a policy, a deal or a plan between `the` and that noun (`the “open skies” agreement`)
    if (
      words <= 4 &&
      !/[,.!?]$/.test(content) &&
      /\b(?:the|its|their)\s*$/i.test(near) &&
      NAMED_THING_AFTER.test(text.slice(w.span.outerEnd, w.span.outerEnd + 30))
    )
      continue;
    // the name of a day, an award, a law or a fund in Title Case (`declare Oct. 14 “Ruth Ellingson Day.”`, `the “Clean
    // Air Act”`): a name, not speech
    if (titleCase && words >= 2 && words <= 6 && NAMED_THING_LAST.test(content.replace(/[.,!?]+$/, ''))) continue;
    // a title in headline case, minor words capitalised too (`“Listen To The Music,”`, `“A Change Is Gonna Come”`):
    // a song, book or show, even after a speech verb
    if (titleCase && words >= 2 && words <= 10 && HEADLINE_MINOR.test(content) && /\p{Ll}/u.test(content)) continue;
    // a speech verb in the passive before the quote (`it was labeled “Mostly True”`, `were told “…”`): speech by
    // someone the sentence does not name, kept without a speaker even when short or in Title Case
    const passiveSpeech = words >= 2 && !w.attr?.cue && passiveSpeechIn(before);
    if (!w.attr && words <= 4 && !passiveSpeech) continue;
    // the writer's voice, no one's words: what `you` would think (`then it dawns on you — “Oh, …!”`) or a question the
    // writer asks and answers at once (`First, “Is it the future?” Probably.`)
    if (
      !w.attr &&
      !passiveSpeech &&
      (GENERIC_YOU.test(near) || WRITER_ANSWER.test(text.slice(w.span.outerEnd, w.span.outerEnd + 24)))
    )
      continue;
    // a short quote with no speech verb in its sentence is a scare quote or a term, not speech
    if (!w.attr?.cue && w.via === 'sentence' && words <= MAX_CUELESS_WORDS) continue;
    // stage directions and bracketed notes: "(CROSSTALK)"
    if (/^\(.*\)\.?$/.test(content)) continue;
    // a quoted section heading: a paragraph that is only a short Title Case quote
    const para = paras[w.span.paragraph]!;
    if (titleCase && words <= 8 && w.span.outerStart === para.start && w.span.outerEnd >= para.end - 1) continue;
    if ((!w.attr || (!w.attr.cue && w.via === 'sentence')) && titleCase && words <= 8 && !passiveSpeech) continue;
    const lead = before.replace(/\u2063/g, '').trim();
    const startsSentence =
      lead === '' ||
      // (a list's bullet: ` • “One poll is a snapshot,” Marsh said.`)
      /^[•·▪‣◦*-]$/.test(lead) ||
      /[:,—–-]$/.test(lead) ||
      (w.attr?.speaker && w.attr.speaker.end <= w.span.outerStart && /[:,]$/.test(lead));
    // the second half of a direct quote split by its attribution (`“…,” he says, “but nobody …”`)
    const prevKept = keep[keep.length - 1];
    const secondHalf =
      prevKept?.type === 'direct' &&
      prevKept.sentence === w.sentence &&
      /,\s*$/.test(text.slice(prevKept.start, prevKept.end)) &&
      SPLIT_GAP.test(text.slice(prevKept.span.outerEnd, w.span.outerStart));
    const type: QuoteType =
      (startsSentence && /^[\p{Lu}\p{N}"“‘'(]/u.test(content)) || secondHalf
        ? 'direct'
        : words >= 12 && startsSentence
          ? 'direct'
          : 'partial';
    // (the fields written out, in Work's order: an object spread is a slow copy)
    keep.push({
      span: w.span,
      start: w.start,
      end: w.end,
      sentence: w.sentence,
      attr: w.attr,
      via: w.via,
      from: w.from,
      type,
    });
  }
  return keep;
}

/**
 * Steps 6 and 7, sentence by sentence in text order: the speakers resolved (pronouns look back at earlier speakers,
 * including the speakers of reported speech), and reported speech without quote marks.
 */
function resolveQuotes(d: Doc, keep: Kept[]): Quote[] {
  const { text, masked, entities, sentences, tokens, resolver, firstQuoteAt } = d;
  const quotes: Quote[] = [];
  const lastSpeakers: string[] = [];
  const resolved = new Map<SpeakerPhrase, Resolved>();
  // the last organisation speaker ("the agency said. … “…,” it added"): where it spoke
  let lastOrg: { r: Resolved; sentence: number } | null = null;
  // the last group of people that spoke (`the authors said`): where it spoke
  let lastGroup: { r: Resolved; sentence: number } | null = null;
  /** Whether the entity stage names a person (other than `except`) in [from, to). */
  const personNamedBetween = (from: number, to: number, except: string | null = null): boolean =>
    entities.some(
      (e) => e.type === 'PERSON' && e.id !== except && e.mentions.some((m) => m.start >= from && m.start < to),
    );
  // the last person that spoke (for a singular `they`): where it spoke
  let lastPerson: { r: Resolved; sentence: number; end: number } | null = null;
  /**
   * A singular `they` for the person who spoke in this or the sentence before (`Dana Pell, a spokesperson for X,
   * confirmed …. “…,” they said`): only a person the article gives no gender or calls a spokesperson, with no other
   * person or group of people named between.
   */
  const singularThey = (sp: SpeakerPhrase, si: number): Resolved | null => {
    if (!lastPerson || si - lastPerson.sentence > 1 || sp.start < lastPerson.end) return null;
    const between = masked.slice(lastPerson.end, sp.start);
    // (a person the writer keeps ungendered: no gender known, or introduced as a `spokesperson`)
    if (resolver.genderOf(lastPerson.r.speaker) !== null && !/^,\s+(?:a|the)\s+spokesperson\b/.test(between))
      return null;
    if (PEOPLE_IN_BETWEEN.test(between)) return null;
    return personNamedBetween(lastPerson.end, sp.start, lastPerson.r.speakerEntityId) ? null : lastPerson.r;
  };
  /**
   * The person a lede's unnamed subject turns out to be (`A headteacher has defended her phone ban, saying …` /
   * `Mrs Fiona Gallacher introduced the ban …`): the person named, after at most a title, at the start of the next
   * paragraph, when the phrase opens the first sentence of one of the first two paragraphs, no person is named before
   * that next paragraph, and the lede's `his`/`her` does not clash with the person's gender.
   */
  const ledeNamedNext = (sp: SpeakerPhrase, si: number): Entity | null => {
    const sent = sentences[si]!;
    const next = sentences[si + 1];
    if (
      !LEDE_SUBJECT.test(sp.text) ||
      NOT_LEDE_SUBJECT.test(sp.text) ||
      sent.paragraph > 1 ||
      sentences[si - 1]?.paragraph === sent.paragraph
    )
      return null;
    if (!/^[\s"“]*$/.test(text.slice(sent.start, sp.start))) return null;
    // (the next sentence opens the next paragraph)
    if (!next || next.paragraph !== sent.paragraph + 1 || sentences[si + 1]?.paragraph !== next.paragraph) return null;
    if (personNamedBetween(0, next.start)) return null;
    const e = entities.find(
      (x) =>
        x.type === 'PERSON' &&
        x.mentions.some(
          (m) =>
            m.start >= next.start &&
            m.start < next.start + 40 &&
            /^[\s"“]*(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/u.test(text.slice(next.start, m.start)) &&
            /^(?:,\s*\d+,)?\s+\p{Ll}|^,\s/u.test(text.slice(m.end, m.end + 8)),
        ),
    );
    if (!e) return null;
    const pronoun = /\b(?:he|his|him|she|her)\b/i.exec(masked.slice(sp.end, sent.end))?.[0];
    const want = pronoun ? pronounGender(pronoun) : null;
    const got = resolver.genderOf(e.name);
    return want && got && want !== got ? null : e;
  };
  /** The two people opening the sentence before si (`Mark Ellison and his wife, Rosa, lost …`), as written. */
  const twoPeopleBefore = (si: number): Resolved | null => {
    const prev = sentences[si - 1]!;
    const m = TWO_PEOPLE_SUBJECT.exec(masked.slice(prev.start, prev.end));
    if (!m) return null;
    const start = prev.start + m[0].indexOf(m[1]!);
    const end = start + m[1]!.length;
    // (both names the entity stage's people: not `Mark Ellison and Google`)
    const and = text.lastIndexOf(' and ', end);
    if (!personNamedBetween(start, start + 1) || !(personNamedBetween(and, end) || /\band\s+(?:his|her)\s/.test(m[1]!)))
      return null;
    return { speaker: text.slice(start, end), speakerType: 'nominal', speakerEntityId: null };
  };
  // speaker phrases found in each sentence, for `he`/`she` after an unnamed person spoke (`nominalAntecedent`)
  const phrasesIn = new Map<number, SpeakerPhrase[]>();
  for (const w of keep) {
    if (!w.attr) continue;
    const list = phrasesIn.get(w.sentence);
    if (list) list.push(w.attr.speaker);
    else phrasesIn.set(w.sentence, [w.attr.speaker]);
  }
  /**
   * `he`/`she` right after an unnamed person spoke (`A neighbour said she heard shouting. “…,” she said`): that
   * person, kept as written, when no one is named between them and the pronoun and the noun's gender does not clash.
   */
  const nominalAntecedent = (sp: SpeakerPhrase, si: number): SpeakerPhrase | null => {
    const want = pronounGender(sp.text);
    if (!want) return null;
    for (let s = si; s >= Math.max(0, si - 1); s--) {
      const own = bare(d, s);
      const found = [...(phrasesIn.get(s) ?? []), ...(own ? [own.speaker] : [])]
        .filter((p) => p.end <= sp.start && p.kind === 'nominal' && !p.org && ONE_PERSON.test(p.text))
        .sort((a, b) => b.start - a.start)[0];
      if (!found) continue;
      const gender = GENDERED_NOUN.exec(found.text);
      if (gender && (gender[1] ? 'f' : 'm') !== want) return null;
      return personNamedBetween(found.end, sp.start) ? null : found;
    }
    return null;
  };
  /** The entity that opens sentence si as its subject (`Greenfield Records has …`, `The Harbor Agency said …`). */
  const subjectEntity = (si: number): Entity | null => {
    const sent = sentences[si]!;
    let opening = text.slice(sent.start, Math.min(sent.end, sent.start + 120));
    // (past a dateline: `CEDAR FALLS, Iowa (AP) — Sen. Ann Hobbs …`)
    const dateline = DATELINE_LEAD.exec(opening)?.[0].length ?? 0;
    const at = sent.start + dateline;
    opening = opening.slice(dateline, dateline + 80);
    // (after `the` and up to two common nouns that describe it: `The label Moonrock Records`, `The furniture maker X`)
    const plain = SUBJECT_LEAD.exec(opening)![0].length;
    // (or after titles: `Sen. Ann Hobbs`, `Lt. Gov. Sandra Oyelowo`)
    let titled = plain;
    for (let m = TITLE_WORD.exec(opening.slice(titled)); m && PERSON_TITLES.has(m[1]!.toLowerCase()); ) {
      titled += m[0].length;
      m = TITLE_WORD.exec(opening.slice(titled));
    }
    for (const lead of [plain, DESCRIBED_LEAD.exec(opening)?.[0].length ?? -1, titled === plain ? -1 : titled]) {
      if (lead < 0) continue;
      const e = entityAt(entities, at + lead);
      if (e?.mentions.some((m) => m.start === at + lead)) return e;
    }
    return null;
  };
  /**
   * The organisation a `the company` (`phrase`) at pos in sentence si stands for: the organisation the entity stage
   * names as the subject of that sentence or of one of the three before, else the only one it names in them outside
   * quotes (`Shares of Corvane Systems fell. The company said …`). A company is no public body (`The New York State
   * Attorney General is investigating WeWork. The company …`).
   */
  const organisationBefore = (si: number, pos: number, phrase: string): Entity | null => {
    const company = !INSTITUTION_PHRASE.test(phrase);
    // (a union is named as one, or by letters: not `Bluebird Buses` for `the union`)
    const union = /union$/i.test(phrase);
    const fits = (e: Entity | null): e is Entity =>
      e?.type === 'ORGANIZATION' &&
      e.firstStart < pos &&
      !(company && PUBLIC_BODY.test(e.name)) &&
      !(union && !UNION_NAME.test(e.name));
    const lo = Math.max(0, si - 3);
    for (let s = si; s >= lo; s--) {
      const e = subjectEntity(s);
      // (not one of two subjects: `The Harbor Agency and the Coastal Agency met`)
      const joined = e?.mentions.some(
        (m) => resolver.sentenceOf(m.start) === s && /^\s+(?:and|&)\s/.test(text.slice(m.end, m.end + 6)),
      );
      if (joined) return null;
      if (fits(e)) return e;
    }
    const from = sentences[lo]!.start;
    const named = entities.filter(
      (e) =>
        fits(e) &&
        e.mentions.some(
          // (not a credit in brackets, `(Reuters) —`)
          (m) => m.start >= from && m.end <= pos && masked[m.start] !== MASK && text[m.start - 1] !== '(',
        ),
    );
    return named.length === 1 ? named[0]! : null;
  };
  /** The entity a speaker phrase at sentence si stands for when it is `it`/`they` or `the 48-year-old`, by the
   * subject of the sentence before (past sentences whose own subject is `it`/`they`: `Now it has released …`). */
  const entityBySubjectBefore = (si: number, r: Resolved, phrase: string): Entity | null => {
    const pronoun = r.speakerType === 'pronoun' && /^(?:it|they)$/i.test(phrase);
    // (or a word for someone by their age or standing: `the teenager`, `the veteran`, `the youngster`)
    const age =
      r.speakerType === 'nominal' &&
      (/^the\s+(?:\d+-year-old|teenager|teen|youngster|veteran|rookie|newcomer|debutant)$/i.test(phrase) ||
        // (or by party and state: `The Ohio Democrat`)
        PARTY_EPITHET.test(phrase));
    if (!pronoun && !age) return null;
    let before = si - 1;
    // (past sentences about the same one by a pronoun or a description: `The Brazilian had been out of work.`)
    const skip = pronoun ? PRONOUN_SUBJECT : DESCRIBED_SUBJECT;
    while (
      before > 0 &&
      si - before < 3 &&
      skip.test(masked.slice(sentences[before]!.start, sentences[before]!.end)) &&
      (pronoun || subjectEntity(before)?.type !== 'PERSON')
    )
      before--;
    if (before < 0) return null;
    const e = subjectEntity(before);
    if (e?.type !== 'PERSON' && e?.type !== 'ORGANIZATION') return null;
    return entityAsSpeaker(e).speakerType === (pronoun ? 'organization' : 'person') ? e : null;
  };
  /**
   * Who issued the document a speaker phrase names (`“…,” the statement said` after `the coast guard said in a
   * statement`, or after `Harbor Studios issued a statement`): the speaker resolved in the sentence that mentions a
   * document of that kind (up to five sentences back), else the organisation or person opening that sentence.
   */
  const issuerOf = (sp: SpeakerPhrase, si: number): Resolved | null => {
    // `The company published a blog post that said …`: the subject of the verb that issued it
    if (NEW_DOCUMENT.test(sp.text)) {
      const sent = sentences[si]!;
      const toks = tokens.range(sent.start, sp.start);
      const v = toks.length - 1;
      if (v > 0 && ISSUING_VERB.test(toks[v]!.l)) {
        const subject = subjectBefore(text, toks, v, 0);
        if (subject && !NEW_DOCUMENT.test(subject.text)) return resolver.resolve(subject, lastSpeakers.slice(-3));
      }
      return null;
    }
    const kind = DOCUMENT.exec(sp.text)?.[1]?.toLowerCase();
    if (!kind) return null;
    const from = sentences[Math.max(0, si - 5)]!.start;
    let at = -1;
    for (const m of masked.slice(from, sp.start).matchAll(DOCUMENT_MENTION))
      if (m[1]!.toLowerCase() === kind) at = from + m.index;
    if (at < 0) return null;
    const ds = resolver.sentenceOf(at);
    // `Harbor Studios issued a statement`: the name right before the verb that issued it
    const issued = entities.find(
      (e) =>
        e.type !== 'LOCATION' &&
        e.mentions.some((m) => m.end <= at && at - m.end < 40 && ISSUED.test(masked.slice(m.end, at))),
    );
    if (issued) return entityAsSpeaker(issued);
    // `the coast guard said in a statement`: the speaker resolved nearest before the document, in its sentence
    let best: { p: SpeakerPhrase; r: Resolved } | null = null;
    for (const [p, r] of resolved) {
      if (resolver.sentenceOf(p.start) !== ds || p.start > at || r.speakerType === 'pronoun') continue;
      if (r.speakerType === 'unknown' || DOCUMENT.test(p.text) || (best && best.p.start > p.start)) continue;
      best = { p, r };
    }
    if (best) return best.r;
    const e = subjectEntity(ds);
    return e && e.type !== 'LOCATION' ? entityAsSpeaker(e) : null;
  };
  const resolve = (sp: SpeakerPhrase): Resolved => {
    let r = resolved.get(sp);
    if (!r) {
      // (`a 2018 study by the Institute for X`, `a report in the Harbor Leader`: who published it speaks)
      const si = resolver.sentenceOf(sp.start);
      const antecedent = sp.kind === 'pronoun' ? nominalAntecedent(sp, si) : null;
      // (a document of `his`/`her` speaks for the person the pronoun stands for: `His only statement, …, said`)
      const owned = sp.kind === 'nominal' ? OWNED_BY_PRONOUN.exec(sp.text) : null;
      const ownerPronoun: SpeakerPhrase | null = owned
        ? {
            start: sp.start,
            end: sp.start + owned[1]!.length,
            text: owned[1]!.toLowerCase() === 'his' ? 'he' : 'she',
            kind: 'pronoun',
            org: false,
          }
        : null;
      const byOwner = ownerPronoun ? resolver.resolve(ownerPronoun, lastSpeakers.slice(-3)) : null;
      r = antecedent
        ? resolve(antecedent)
        : byOwner?.speakerType === 'person'
          ? byOwner
          : resolver.resolve((sp.kind === 'nominal' && issuerOfDocument(text, sp)) || sp, lastSpeakers.slice(-3));
      const issuer = r.speakerType === 'nominal' || /^(?:the|an?)\s+\p{Ll}/u.test(sp.text) ? issuerOf(sp, si) : null;
      if (issuer) r = issuer;
      // `it`/`they` right after an organisation spoke, with no person speaking in between, is that organisation
      if (r.speakerType === 'pronoun' && /^(?:it|they)$/i.test(sp.text) && lastOrg && si - lastOrg.sentence <= 2)
        r = lastOrg.r;
      // `they` right after a group spoke (`…, the authors said. …, they wrote.`)
      else if (r.speakerType === 'pronoun' && /^they$/i.test(sp.text) && lastGroup && si - lastGroup.sentence <= 1)
        r = lastGroup.r;
      // `it`/`they` right after a sentence whose subject is an organisation the entity stage names (`Greenfield
      // Records has denied any wrongdoing. “…,” they said`), `the 48-year-old` right after one whose subject is a
      // person it names: that organisation or person
      else {
        const e = entityBySubjectBefore(si, r, sp.text);
        if (e) r = entityAsSpeaker(e);
        // `they` right after a sentence whose subject is a group of people (`Analysts expect … They say …`): that
        // group
        else if (r.speakerType === 'pronoun' && /^they$/i.test(sp.text) && si > 0) {
          const prev = sentences[si - 1]!;
          const group = PEOPLE_SUBJECT.exec(masked.slice(prev.start, prev.end));
          if (group) {
            const start = prev.start + group.index + group[0].indexOf(group[1]!);
            const end = start + group[1]!.length;
            r = resolver.resolve({ start, end, text: text.slice(start, end), kind: 'nominal', org: false }, []);
          } else r = twoPeopleBefore(si) ?? singularThey(sp, si) ?? r;
        }
      }
      // `the company`, `the brokerage` that no organisation's name ends with: the organisation the sentences before
      // are about (its speaker stays as written, linked)
      if (r.speakerEntityId === null && sp.kind === 'nominal' && COMPANY_PHRASE.test(sp.text)) {
        const e = organisationBefore(si, sp.start, sp.text);
        if (e) r = { speaker: e.name, speakerType: 'organization', speakerEntityId: e.id };
      }
      // `A headteacher has defended …` in the lede, named at the start of the next paragraph: that person
      if (r.speakerType === 'nominal' && r.speakerEntityId === null && sp.kind === 'nominal') {
        const e = ledeNamedNext(sp, si);
        if (e) r = entityAsSpeaker(e);
      }
      resolved.set(sp, r);
      // (the owner of a document that speaks, `referred to Cooke's testimony that concluded …`, is no subject a later
      // pronoun goes back to)
      const owner = /^['’]s\s/.test(text.slice(sp.end, sp.end + 3));
      if (r.speakerType === 'person' && !owner) {
        lastPerson = { r, sentence: si, end: sp.end };
        resolver.noteSpeaker(r.speaker, sp.start, sp.end);
        lastSpeakers.push(r.speaker);
        lastOrg = null;
        lastGroup = null;
      } else if (r.speakerType === 'organization') {
        lastOrg = { r, sentence: si };
        lastGroup = null;
      } else if (r.speakerType === 'nominal' && PEOPLE_GROUP.test(r.speaker)) lastGroup = { r, sentence: si };
    }
    return r;
  };
  /** A reported-speech quote: `content` attributed by `a`. */
  const reported = (content: Span, a: Attribution): Quote => {
    const r = resolve(a.speaker);
    return {
      text: text.slice(content.start, content.end),
      ...content,
      speaker: r.speaker,
      speakerMention: { start: a.speaker.start, end: a.speaker.end, text: a.speaker.text },
      speakerEntityId: r.speakerEntityId,
      speakerType: r.speakerType,
      verb: a.cue?.lemma ?? null,
      type: 'indirect',
      confidence: 0.5,
    };
  };
  // sentences with a quote that stays one (a title or a term in quote marks does not stop reported speech: `The
  // mayor, who launched the “Clean Streets” plan, said the city would hire forty workers.`)
  const quotedKept = new Set(keep.map((w) => w.sentence));
  // the first quote kept in each sentence (a term in quote marks before it may sit inside the lead clause: `Pell said
  // she never used the word “lazy” and added, “…”`)
  const firstKeptAt = new Map<number, number>();
  for (const w of keep) if (!firstKeptAt.has(w.sentence)) firstKeptAt.set(w.sentence, w.span.outerStart);
  let ki = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    // `He said he was not worried about the letter, but he feared “serious fallout”`: the report before the clause
    // that holds the quote
    let leadAttr: Attribution | null = null;
    let leadContent: Span | null = null;
    if (quotedKept.has(si) && !crowded(d, si)) {
      for (const lead of leadClauses(masked, sent, firstKeptAt.get(si) ?? firstQuoteAt.get(si)!)) {
        const a = attributeBare(text, tokens, lead);
        const c = a ? indirectContent(text, masked, lead, a) : null;
        // (not a clause that ends in the verb of the quote that follows: `one user on Weibo, …, posted`)
        const tail = c ? /(\p{L}+)[^\p{L}]+(\p{L}+)\W*$/u.exec(text.slice(c.start, c.end)) : null;
        const endsInCue =
          !!tail &&
          CUE_FORM_TO_LEMMA.has(tail[2]!.toLowerCase()) &&
          !/^(?:the|a|an|his|her|its|their|this|that)$/i.test(tail[1]!);
        if (c && !endsInCue) {
          leadAttr = a;
          leadContent = c;
          break;
        }
      }
    }
    if (leadAttr && leadContent) quotes.push(reported(leadContent, leadAttr));
    if (!quotedKept.has(si) && !crowded(d, si)) {
      let a = bare(d, si);
      if (!a) continue;
      // (a title in quote marks before the speaker may have cut its phrase short: `The mayor, who launched the
      // “Clean Streets” plan last year, said …` is not `plan last year`; a name or a pronoun is whole)
      // (but a speaker after a comma or `and` is whole: `…her “Glass Harbor” tour, the company said`, `a so-called “king
      // tide,” and scientists say …`)
      const closing =
        /(?:,["”’']?|,["”’']?\s+and)\s*$/.test(text.slice(sent.start, a.speaker.start)) &&
        !!a.cue &&
        /^\s*$/.test(text.slice(a.speaker.end, a.cue.start));
      if (
        hasQuote(d, si) &&
        a.speaker.kind === 'nominal' &&
        !closing &&
        (firstQuoteAt.get(si) ?? sent.end) < a.speaker.start
      )
        continue;
      let content = indirectContent(text, masked, sent, a);
      // a first verb that reports nothing, then one that does (`Ross asked Dunn about it, but Dunn said …`; `X pleaded
      // guilty to charges he threatened Y, prosecutors said`)
      for (let from = a.cue?.end ?? -1, tries = 0; !content && from >= 0 && tries < 3; tries++) {
        const later = attributeBare(text, tokens, sent, from);
        if (!later?.cue) break;
        content = indirectContent(text, masked, sent, later);
        if (content) a = later;
        from = later.cue.end;
      }
      // (none of them reports: the source that opens the sentence, `According to the Jordanian government, the
      // country had admitted …`)
      if (!content) {
        const opening = openingAccordingTo(text, tokens, sent);
        content = opening ? indirectContent(text, masked, sent, opening) : null;
        if (opening && content) a = opening;
      }
      // (resolved even without content: a later pronoun may point back to this speaker)
      resolve(a.speaker);
      if (content) quotes.push(reported(content, a));
      // `X said the plan was dead, adding that she would veto it again`: the speaker's second report
      // (after the verb when the content comes before it: `…, the company said, adding that …`)
      const second = content ? trailingReport(masked, sent, Math.max(content.end, a.cue?.end ?? 0), a) : null;
      const secondContent = second
        ? indirectContent(text, masked, { start: second.cue!.start, end: sent.end }, second)
        : null;
      if (second && secondContent) quotes.push(reported(secondContent, second));
      // `X said the plan was sound, while Republicans argued that …`: another speaker's report after the first
      else if (content) {
        const other = otherReport(text, masked, tokens, sent, content.end);
        if (other) quotes.push(reported(other.content, other.a));
      }
      continue;
    }
    let last: Kept | null = null;
    // a partial quote whose speaker is not the speaker of the report around it (`A woman reported that she lost money
    // after a caller told her the account was “compromised”`): the report is reported speech of its own
    let inner: Attribution | null | undefined;
    /** where the topic quote of `As for “…,”` ends */
    let topicEnd = -1;
    for (; ki < keep.length && keep[ki]!.sentence <= si; ki++) {
      const w = keep[ki]!;
      const own = w.sentence === si && w.type === 'partial' ? innerAttribution(masked, sent, w) : undefined;
      if (own !== undefined) {
        inner = own;
        if (own === null) topicEnd = w.span.outerEnd;
        w.attr = own;
        w.via = 'sentence';
      }
      if (w.sentence === si && (!last || w.span.outerEnd > last.span.outerEnd)) last = w;
      const sp = w.attr?.speaker ?? null;
      const r = sp ? resolve(sp) : null;
      const speakerType = r?.speakerType ?? 'unknown';
      const confidence = !sp
        ? 0.3
        : (!w.attr?.cue && w.via === 'sentence') || w.via === 'previous-subject'
          ? 0.5
          : w.via === 'sentence'
            ? 0.9
            : 0.7;
      quotes.push({
        text: text.slice(w.start, w.end),
        start: w.start,
        end: w.end,
        speaker: r?.speaker ?? null,
        speakerMention: sp ? { start: sp.start, end: sp.end, text: sp.text } : null,
        speakerEntityId: r?.speakerEntityId ?? null,
        speakerType,
        verb: w.attr?.cue?.lemma ?? null,
        type: w.type,
        confidence: speakerType === 'pronoun' ? Math.min(confidence, 0.6) : confidence,
      });
    }
    if (inner === undefined && !leadContent && !crowded(d, si)) inner = nestedIn(d, si, last);
    const around = inner !== undefined && !leadContent && !crowded(d, si) ? bare(d, si) : null;
    // (a report around the inner speaker's words, by someone outside them)
    const outside =
      !!around && (!inner || around.speaker.start < inner.speaker.start || around.speaker.start > (last?.start ?? 0));
    const aroundContent = around && outside ? indirectContent(text, masked, sent, around) : null;
    // (`As for “…,” that is wrong, analysts noted`: what was said starts after the topic)
    if (aroundContent && topicEnd > aroundContent.start && topicEnd < aroundContent.end)
      aroundContent.start = topicEnd + (/^[\s,]*/.exec(text.slice(topicEnd))?.[0].length ?? 0);
    if (around && aroundContent) quotes.push(reported(aroundContent, around));
    // `“We will win,” Ruiz said, adding that the team had trained hard`: the speaker's next report, after the quote
    const trailing = last ? reportAfterQuote(masked, sent, last) : null;
    const trailingContent = trailing
      ? indirectContent(text, masked, { start: trailing.cue!.start, end: sent.end }, trailing)
      : null;
    const andThat =
      !trailingContent && last?.type === 'partial' && last.attr?.cue ? secondThatClause(masked, sent, last) : null;
    if (trailing && trailingContent) quotes.push(reported(trailingContent, trailing));
    // `X said it was “incredibly proud” of Y and that he had followed procedures`: the report's second clause
    else if (andThat && last?.attr) quotes.push(reported(andThat, last.attr));
    // `X told reporters that … “another blank check”, while Democrats countered that …`: another speaker's report
    else if (last) {
      const other = otherReport(text, masked, tokens, sent, last.span.outerEnd);
      if (other) quotes.push(reported(other.content, other.a));
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}
