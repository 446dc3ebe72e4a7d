/**
 * Evidence that a mention the tagger typed as an organisation is a person. The tagger learned from 1990s wire text
 * and sometimes reads a full name it never saw as an organisation (`Republican nominee Donald Trump’s tweet`,
 * `debated Barack Obama`). The resolver retypes a two- or three-word mention when it has a person's shape (a common
 * given name first, no place or organisation word) AND the article itself treats the name as a person's: its
 * surname is tagged as a person on its own elsewhere, or the name or surname follows a person's title or role
 * (`Mr. Romney`, `nominee Donald Trump`) or comes before `, who`. Neither the shape nor the context alone is enough
 * (`Crystal Palace`, `Johnson Controls` have the shape; they never have the context).
 */
import { isGivenName } from '../given-names.ts';
import { NEWSPAPER_LAST_WORDS } from '../publications.ts';
import { COMPANY_KINDS, PERSON_DESCRIPTORS, PERSON_TITLES } from '../titles.ts';
import type { EntityType } from '../types.ts';
import { PHRASE_SEED, phraseStep } from './features.ts';
import { MODEL } from './model.ts';

/** Gazetteer categories that make a word a poor given name or surname. */
const PLACE_OR_ORG = new Set(['train:ORG', 'train:LOC', 'city', 'country', 'region', 'nationality']);
const PLACE_OR_ORG_MASK = MODEL.header.categories.reduce(
  (mask, c, i) => (PLACE_OR_ORG.has(c) ? mask | (1 << i) : mask),
  0,
);

const bitOf = (category: string): number => {
  const i = MODEL.header.categories.indexOf(category);
  return i < 0 ? 0 : 1 << i;
};
const PLACE_MASK = bitOf('city') | bitOf('country') | bitOf('region') | bitOf('train:LOC');
const NATIONALITY_MASK = bitOf('nationality');

/**
 * What the gazetteer knows a phrase as: a nationality (`Turkish`), a place (`Lagos`, `Sugar Land`), or neither.
 * Nationality first: `British` is both a nationality and, in the training data, a place's word.
 */
export function gazetteerKind(phrase: string): 'nationality' | 'place' | null {
  let h = PHRASE_SEED;
  for (const w of phrase.toLowerCase().split(/\s+/)) h = phraseStep(h, w);
  const v = MODEL.gazetteer.get(h);
  if (v <= 0) return null;
  if (v & NATIONALITY_MASK) return 'nationality';
  return v & PLACE_MASK ? 'place' : null;
}

const ORG_MASK = bitOf('train:ORG');

/** A phrase the gazetteer knows as an organisation's name and not as a place's (`Toyota`, `Reuters`). */
export function isKnownOrganization(phrase: string): boolean {
  let h = PHRASE_SEED;
  for (const w of phrase.toLowerCase().split(/\s+/)) h = phraseStep(h, w);
  const v = MODEL.gazetteer.get(h);
  return v > 0 && (v & ORG_MASK) !== 0 && (v & PLACE_MASK) === 0;
}

function inPlaceOrOrgList(word: string): boolean {
  const v = MODEL.gazetteer.get(phraseStep(PHRASE_SEED, word.toLowerCase()));
  return v > 0 && (v & PLACE_OR_ORG_MASK) !== 0;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;

/** A capitalised word that could be a name (`Obi`, `O’Neill`; not `BBC`, `2024`). */
export function isNameWord(word: string): boolean {
  return NAME_WORD.test(word);
}

function nameWords(surface: string): string[] {
  return surface.replace(/['’]s$/, '').split(/\s+/);
}

/** `Donald Trump`, `Mary Ann Evans`: yes; `Chicago Tribune`, `West Virginia`, `Fox News`, `Blue Jays`: no. */
export function hasPersonShape(surface: string): boolean {
  const words = nameWords(surface);
  if (words.length < 2 || words.length > 3 || !words.every((w) => NAME_WORD.test(w))) return false;
  const first = words[0]!;
  if (!isGivenName(first) || inPlaceOrOrgList(first)) return false;
  return !inPlaceOrOrgList(words[words.length - 1]!);
}

const isTitle = (w: string): boolean => {
  const l = w.replace(/\.$/, '').toLowerCase();
  return PERSON_TITLES.has(l) || PERSON_DESCRIPTORS.has(l);
};

/** Offsets where `phrase` occurs in `text` as whole words (no letter or digit right before or after it). */
function* wholeOccurrences(text: string, phrase: string): Generator<number> {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if (!/[\p{L}\p{N}]/u.test(text[end] ?? '') && !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) yield at;
  }
}

/** The name, or its surname, right after a title or role word, or followed by `, who`. */
function personContext(text: string, words: readonly string[]): boolean {
  const surname = words[words.length - 1]!;
  for (const at of wholeOccurrences(text, surname)) {
    const end = at + surname.length;
    if (/^,\s+who\b/.test(text.slice(end, end + 7))) return true;
    // the word before the name: before the surname, or before the given name(s) when they precede it
    let start = at;
    const before = text.slice(Math.max(0, at - 60), at);
    const given = words.slice(0, -1).join(' ');
    if (given && before.endsWith(`${given} `)) start = at - given.length - 1;
    const prev = /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start));
    if (prev && isTitle(prev[1]!)) return true;
  }
  return false;
}

/**
 * A multi-word mention tagged as an organisation that the article shows to be a person. `personWords`: the surfaces
 * of one-word mentions the tagger typed as persons in the same text.
 */
export function personDespiteTag(text: string, surface: string, personWords: ReadonlySet<string>): boolean {
  const words = nameWords(surface);
  if (!hasPersonShape(surface)) {
    // a given name that a place or an organisation also bears (`Chad`, `Taylor`): the same evidence; a given name the
    // list lacks (`Eyamba Sowers`), two plain name words: `, who` after the surname (a title before it may be a
    // party's, `former Liberal Democrat leader`)
    if (plainTwoWords(words) && whoAfter(text, words[1]!)) return true;
    // a name of given names the list lacks right after a person's title (`Ward councillor Suresh Babu Nalla`)
    if (titledShape(words) && titleRightBefore(text, words.join(' '))) return true;
    return looseShape(words) && (personWords.has(words[words.length - 1]!) || personContext(text, words));
  }
  return personWords.has(words[words.length - 1]!) || personContext(text, words);
}

/**
 * A person's title or role word right before a whole occurrence of `name` (`councillor Suresh Babu Nalla`), not a
 * word that also comes before an organisation's name (`former`, `state`, `deputy`, `vice`, `chief`).
 */
function titleRightBefore(text: string, name: string): boolean {
  for (const at of wholeOccurrences(text, name)) {
    const prev = /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at));
    if (prev && isTitle(prev[1]!) && !/^(?:former|state|deputy|vice|chief|prime)$/i.test(prev[1]!)) return true;
  }
  return false;
}

/** `, who` after a whole occurrence of `surname` (`said Sowers, who is also …`). */
function whoAfter(text: string, surname: string): boolean {
  for (const at of wholeOccurrences(text, surname)) {
    if (/^,\s+who\b/.test(text.slice(at + surname.length, at + surname.length + 7))) return true;
  }
  return false;
}

/**
 * Two or three capitalised words with no word of an organisation's or a newspaper's name, and no place's or
 * organisation's word first or last (a middle name may be one: `Babu`).
 */
export function titledShape(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3 || !words.every((w) => NAME_WORD.test(w))) return false;
  if (inPlaceOrOrgList(words[0]!) || inPlaceOrOrgList(words[words.length - 1]!)) return false;
  return words.every(
    (w) =>
      !ORG_LAST_WORD.test(w) &&
      !COMPANY_LAST_WORD.test(w) &&
      !INSTITUTION_LAST_WORD.test(w) &&
      !NEWSPAPER_LAST_WORDS.has(w),
  );
}

/** Two capitalised words with no word of a place's, an organisation's or a newspaper's name. */
function plainTwoWords(words: readonly string[]): boolean {
  if (words.length !== 2 || !words.every((w) => NAME_WORD.test(w))) return false;
  return words.every(
    (w) =>
      !inPlaceOrOrgList(w) &&
      !ORG_LAST_WORD.test(w) &&
      !COMPANY_LAST_WORD.test(w) &&
      !INSTITUTION_LAST_WORD.test(w) &&
      !NEWSPAPER_LAST_WORDS.has(w),
  );
}

/**
 * Two or three capitalised words, a common given name first even if a place or organisation bears it (`Chad`,
 * `Taylor`), and a last word that none does (not `Chicago Tribune`).
 */
function looseShape(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3 || !words.every((w) => NAME_WORD.test(w))) return false;
  const last = words[words.length - 1]!;
  return (
    isGivenName(words[0]!) && !inPlaceOrOrgList(last) && !ORG_LAST_WORD.test(last) && !NEWSPAPER_LAST_WORDS.has(last)
  );
}

/** Last words of organisations' names besides newspapers' (`Austin United`, `Harbor Records`). */
const ORG_LAST_WORD =
  /^(?:Inc|Corp|Group|Records|Studios|Bank|Airlines|Motors|Partners|Capital|Holdings|University|College|Institute|Council|Club|United|City|County|Rovers|Wanderers|Athletic)$/;

/**
 * Last words of institutions' and firms' names that are nobody's surname and no place's or product's (`Royal
 * Greenhill Hospital`, `Bellmont University`, `Hollin Group`, `Greywater Ventures`, `Lakeside Fire Department`).
 */
const INSTITUTION_LAST_WORD =
  /^(?:University|College|Institute|Hospital|School|Academy|Library|Department|Ministry|Agency|Authority|Commission|Foundation|Association|Society|Council|Trust|Group|Holdings|Partners|Ventures|Securities|Capital|Foods|Corporation|Inc|Corp|Ltd|LLC|Plc|PLC)$/;

/** One word that ends organisations' names and no person's (`Systems`, `Group`, `University`). */
export function isOrganizationWord(word: string): boolean {
  return INSTITUTION_LAST_WORD.test(word) || COMPANY_LAST_WORD.test(word);
}

/**
 * A name of two or more words that its last word makes an organisation whatever the tagger said and whatever its
 * first word (`Mercy General Hospital`, `Brennan Foods`, `Bellmont University` tagged a place, `Greywater Ventures`
 * tagged MISC). Tagged a person, the company words that could also end a product's or a place's name count too
 * (`Harlan Valley Library System`, `Kesta Labs`; not the rocket `Space Launch System` tagged MISC).
 */
export function organizationByLastWord(surface: string, tagged: EntityType): boolean {
  const words = nameWords(surface);
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  const last = words[words.length - 1]!;
  return INSTITUTION_LAST_WORD.test(last) || (tagged === 'PERSON' && COMPANY_LAST_WORD.test(last));
}

/** Nouns for an organisation that name it right after them: `the record label Big Machine`, `the firm Alden Capital`. */
const ORG_HEAD_BEFORE = new RegExp(
  `\\b(?:(?:fashion|couture|heritage|luxury|design|auction|publishing)\\s+house|company|firm|group|band|club|team|agency|bank|fund|network|brand|chain|carrier|charity|foundation|union|website|platform|newspaper|magazine|outlet|maker|operator|${COMPANY_KINDS.join('|')})\\s+$`,
  'i',
);

/**
 * A firm named after its founder, right after what it is (`the fashion house Devereaux`, `the label Marlowe`), in
 * lower case (not `the house`: `the house Lydia bought`): the name is the firm's, even when it is a given name too. Never with `, who` after it.
 */
const HOUSE_BEFORE =
  /(?:\b(?:fashion|couture|heritage|luxury|design|auction|publishing|perfume|fragrance|jewellery|jewelry)\s+house|\bthe\s+(?:label|brand)|\b(?:fashion|record)\s+label)\s+$/;

function namedAsHouse(text: string, name: string): boolean {
  let house = false;
  for (const at of wholeOccurrences(text, name)) {
    if (/^(?:['’]s)?,?\s+who\b/.test(text.slice(at + name.length, at + name.length + 8))) return false;
    if (HOUSE_BEFORE.test(text.slice(Math.max(0, at - 30), at))) house = true;
  }
  return house;
}

/**
 * An apposition that calls the name before it a company (`Lumora, a battery recycling startup based in Reno`,
 * `Tarn, the chipmaker,`): the kind of company ends the noun phrase (not `Hale, a company spokesman`). Kinds a
 * person may be (`developer`, `publisher`, `grocer`) are left out.
 */
const ORG_APPOSITION = new RegExp(
  `^,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:company|firm|startup|start-up|conglomerate|subsidiary|consultancy|chain|brand|charity|lender|insurer|airline|retailer|manufacturer|supermarket|${COMPANY_KINDS.filter((k) => k.endsWith('maker')).join('|')})(?=\\s*(?:[,.;:)]|based\\b|that\\b|which\\b|founded\\b|headquartered\\b|in\\b|from\\b|with\\b|whose\\b|$))`,
  'iu',
);

/** Last words of companies' names that are nobody's surname (`Tarvo Foods`, `Marlow Securities`, `Kesta Labs`). */
const COMPANY_LAST_WORD =
  /^(?:Health|Healthcare|Media|Labs|System|Systems|Technologies|Industries|Enterprises|Airways|Productions|Pictures|Entertainment|Networks|Brands|Pharmaceuticals|Therapeutics|Logistics|Solutions|Software|Communications|Associates|Insurance|Bancorp|Investments|Properties|Resources|Petroleum|Automotive|Electronics|Telecom|Robotics|Interactive|Analytics)$/;
/**
 * One word with a capital after lower-case letters (`DataNation`, `InfoLane`), which a person's name has only after
 * a surname prefix (`McCall`, `DeSantis`, `LaToya`, `VanHorn`).
 */
const INNER_CAPITAL =
  /^(?!(?:Mc|Mac|O|D|De|Di|Da|Du|La|Le|Lo|Van|Von|St|Ja|Ke|Ty|Sha|Ra)\p{Lu})\p{Lu}\p{Ll}+\p{Lu}\p{Ll}{2,}$/u;
/** What only a company has, after its name's `'s` (`Voltrix's shares`, `Voltrix's chief executive`). */
const COMPANY_POSSESSION =
  /^(?:shares|share price|stock|market value|chief executive|CEO|chief financial officer|CFO|board of directors|shareholders|subsidiary|subsidiaries|revenues?|quarterly|annual (?:profit|revenue|results|sales)|profits|earnings|factory|factories|plants|dealerships|stores|headquarters)\b/;

/**
 * A mention tagged as a person that the article shows to be an organisation: it lacks a person's shape (no common
 * given name first; one word: no given name, never after a person's title) AND the article names it right after an
 * organisation noun (`record label Big Machine`, `carmaker Tesla`), follows it with `, which`, with an apposition
 * calling it a company (`Lumora, a recycling startup`) or with what only a company has (`Voltrix's shares`), and
 * never with `, who`.
 */
export function organizationDespiteTag(text: string, surface: string): boolean {
  const words = nameWords(surface);
  if (organizationByLastWord(surface, 'PERSON')) return true;
  if (words.length === 1 ? isGivenName(surface) || personContext(text, words) : hasPersonShape(surface)) {
    // (a fashion house or a label named after its founder is the firm: `the heritage house Devereaux`)
    return words.length === 1 && !personContext(text, words) && namedAsHouse(text, surface);
  }
  // (its own form: `Tarvo Foods`, `Marlow Capital Securities`; one word with a capital inside, `DataNation`)
  const last = words[words.length - 1]!;
  let orgContext =
    words.length > 1
      ? (ORG_LAST_WORD.test(last) && !/^(?:City|County)$/.test(last)) || COMPANY_LAST_WORD.test(last)
      : INNER_CAPITAL.test(surface);
  for (const at of wholeOccurrences(text, surface)) {
    const end = at + surface.length;
    const after = text.slice(end, end + 8);
    if (/^(?:['’]s)?,?\s+who\b/.test(after)) return false;
    if (/^,\s+which\b/.test(after) || ORG_HEAD_BEFORE.test(text.slice(Math.max(0, at - 20), at))) orgContext = true;
    else if (/^['’]s\s/.test(after) && COMPANY_POSSESSION.test(text.slice(end + 3, end + 40))) orgContext = true;
    else if (/^,\s+(?:a|an|the)\s/i.test(after) && ORG_APPOSITION.test(text.slice(end, end + 90))) orgContext = true;
  }
  return orgContext;
}
