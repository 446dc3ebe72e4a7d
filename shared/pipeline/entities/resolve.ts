/**
 * Within-article entity resolution: one entity per real-world thing.
 *
 * - Mentions are trimmed of leading titles (`Capt.`, `President`, `spokeswoman`) and trailing possessives (`'s`);
 *   a title the tagger took in (`Fire Chief Ron Haskett`) leaves the person; words that are no name (`MBE`, `Nine`)
 *   are dropped; names cut at `of`/`for`/`'s`/`&` are joined (`Department of Health`, `Cups & Crumbs`).
 * - The form of a name can settle its type: `… University`, `… Group` an organisation, `… Street`, `Port …` a
 *   place, `Hurricane …` an event.
 * - Acronyms defined in the text (`Long Name (LN)`, `Long Name, known as LN`, `known by its French acronym LN`,
 *   `LN (Long Name)`) become aliases of the long form; their other occurrences are added as mentions.
 * - A one-word person mention (`Nuland`) joins the person whose full name ends (or starts) with it: the nearest
 *   one before it, else the first after it.
 * - One word that ends an organisation's name (`Hawks`) joins the one named before it (`Fenmoor Hawks`).
 * - Identical surfaces are one entity (type by majority, PERSON wins ties with a known full name).
 * Canonical name = the longest form; salience mixes mention count and how early the entity first appears.
 */

import { mapPacked } from '../arrays.ts';
import { isGivenName } from '../given-names.ts';
import { NEWSPAPER_LAST_WORDS } from '../publications.ts';
import { PERSON_DESCRIPTORS, PERSON_TITLES, REGNAL_TITLES, REMIT_WORDS } from '../titles.ts';
import type { Entity, EntityType, Mention, Span } from '../types.ts';
import {
  gazetteerKind,
  hasPersonShape,
  isKnownOrganization,
  isNameWord,
  isOrganizationWord,
  organizationByLastWord,
  organizationDespiteTag,
  personDespiteTag,
  titledShape,
} from './person-names.ts';

/**
 * Lower-cased words that are titles or roles, not part of a name (trailing period ignored): the shared person titles
 * plus the words of compound offices (`Foreign Minister`, `Assistant Secretary`, `the late`, `CEO`).
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...PERSON_TITLES,
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'assistant',
  'late',
  'ceo',
  'manager',
]);

const POSSESSIVE_RE = /(?:['’]s|['’])$/;

/** Abbreviations that are also given names (`Del. Ann Hobbs` but `Del Harris`): titles only with their full stop. */
const DOTTED_ONLY: ReadonlySet<string> = new Set(['del']);

function isTitleWord(w: string): boolean {
  const l = w.replace(/\.$/, '').toLowerCase();
  return TITLE_WORDS.has(l) && (!DOTTED_ONLY.has(l) || w.endsWith('.'));
}

/** Players' positions written before a name like a title (`Guard Emeka Obi`, `Striker Tom Hale`). */
const POSITION_WORDS: ReadonlySet<string> = new Set([
  'guard',
  'forward',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'quarterback',
  'linebacker',
  'pitcher',
  'winger',
]);

/** Offices only a person holds: before one capitalised word, that word is a person's surname (`Senator Vance`). */
const PERSON_OFFICES: ReadonlySet<string> = new Set([
  'senator',
  'sen',
  'rep',
  'congressman',
  'congresswoman',
  'governor',
  'gov',
  'mayor',
  'councilman',
  'councilwoman',
  'councillor',
  'judge',
  'sheriff',
  'detective',
  'sgt',
  'sergeant',
  'prosecutor',
  'coroner',
]);

/**
 * Offices whose holder's name follows them even when the tagger typed the whole phrase an organisation (`NATO Secretary
 * General Pieter Janssens`): with one of them, two or three name words after the title are a person's without a
 * listed given name first (no organisation's or place's word in them).
 */
const NAMING_OFFICES: ReadonlySet<string> = new Set([
  ...PERSON_OFFICES,
  'secretary',
  'minister',
  'president',
  'chancellor',
  'premier',
  'ambassador',
  'envoy',
  'commissioner',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'ceo',
  'coach',
]);

const isRoleWord = (w: string): boolean => isTitleWord(w) || POSITION_WORDS.has(w.toLowerCase());

/**
 * A name the tagger took in with the title or role before it, and often typed an organisation for it (`Senator Hal
 * Vance`, `Fire Chief Ron Haskett`, `Eastport Mayor Dina Okafor`, `Guard Emeka Obi`, `Senator Vance`): the person
 * after the title. Up to two capitalised words may come before the title (the place or service it belongs to:
 * `Eastport`, `Fire`). What follows must have a person's shape (tagged an organisation: a common given name first;
 * tagged a person: two or three name words), or be one name word after an office only a person holds (`Senator`,
 * `Mayor`; not `General Motors`, `Justice Department`). Titles at the start of a mention tagged a person are left to
 * `trimMention`.
 */
function personAfterTitle(m: Mention): Mention {
  if (m.type !== 'ORGANIZATION' && m.type !== 'PERSON') return m;
  const ws = m.text.split(' ');
  let i = 0;
  while (i < 3 && i < ws.length && !isRoleWord(ws[i]!)) i++;
  if (i >= 3 || i >= ws.length - 1) return m;
  if (m.type === 'PERSON' && i === 0 && !POSITION_WORDS.has(ws[0]!.toLowerCase())) return m;
  let j = i;
  while (j < ws.length && isRoleWord(ws[j]!)) j++;
  const rest = ws.slice(j);
  if (rest.length === 0 || !rest.every(isNameWord)) return m;
  const name = rest.join(' ');
  const person =
    rest.length === 1
      ? ws.slice(i, j).some((w) => PERSON_OFFICES.has(w.replace(/\.$/, '').toLowerCase()))
      : rest.length <= 3 &&
        (m.type === 'PERSON' ||
          hasPersonShape(name) ||
          (titledShape(rest) && ws.slice(i, j).some((w) => NAMING_OFFICES.has(w.replace(/\.$/, '').toLowerCase())))) &&
        !organizationByLastWord(name, 'PERSON');
  if (!person) return m;
  return { start: m.end - name.length, end: m.end, text: name, type: 'PERSON' };
}

/**
 * Offices besides PERSON_OFFICES that name no one tagged alone (`the President said`); honorifics and royal titles
 * are left alone (`Queen` the band, `Prince` the singer).
 */
const LONE_OFFICES: ReadonlySet<string> = new Set(['president', 'minister', 'chancellor', 'commissioner']);

/**
 * A speaker's label in a transcript: a word in capitals opening a line and followed by a colon (`VANCE: No.`). It is
 * the person with that surname, whatever the tagger typed it (an acronym-like word is otherwise kept apart).
 */
function isSpeakerLabel(text: string, m: Mention): boolean {
  if (text[m.end] !== ':' || /\p{Ll}/u.test(m.text)) return false;
  return m.start === 0 || text[m.start - 1] === '\n';
}

/** Trim titles and possessives off a mention span; null when nothing of a name is left. */
export function trimMention(text: string, m: Mention): Mention | null {
  let start = m.start;
  let end = m.end;
  // possessive
  const tail = POSSESSIVE_RE.exec(text.slice(start, end));
  if (tail && end - tail[0].length > start) end -= tail[0].length;
  if (m.type === 'PERSON') {
    // leading title words, as long as a capitalised word stays (not a regnal title before a single name: `Prince
    // Andrew`, `Pope Francis`)
    for (;;) {
      const sp = /^(\S+)\s+/.exec(text.slice(start, end));
      if (!sp || !isTitleWord(sp[1]!)) break;
      if (REGNAL_TITLES.has(sp[1]!.toLowerCase()) && !/\s/.test(text.slice(start + sp[0].length, end).trim())) break;
      start += sp[0].length;
    }
  }
  while (end > start && /[\s,.;:]/.test(text[end - 1]!) && !/\b\p{Lu}\.$/u.test(text.slice(start, end))) end--;
  if (end <= start) return null;
  return { start, end, text: text.slice(start, end), type: m.type };
}

const ACRONYM = String.raw`([\p{Lu}][\p{Lu}\p{N}&.-]{1,14})`;
const KNOWN_AS_RE = new RegExp(
  String.raw`^\s*[,(]?\s*(?:also\s+|better\s+|commonly\s+|widely\s+)?(?:known|referred\s+to|abbreviated)\s+(?:(?:as|by)\s+(?:its|their|the)?\s*(?:[\p{L}-]+\s+){0,2}(?:acronym|initials|abbreviation|name)s?\s*,?\s*|as\s+(?:the\s+)?)["“'‘]?` +
    ACRONYM,
  'u',
);
/** KNOWN_AS_RE's prefilter: its opening up to the verb, without the letter classes (cheap to compile). */
const KNOWN_AS_HEAD = /^\s*[,(]?\s*(?:also\s+|better\s+|commonly\s+|widely\s+)?(?:known|referred\s+to|abbreviated)\s/u;
const PAREN_RE = new RegExp(String.raw`^\s*\(\s*["“]?` + ACRONYM + String.raw`["”]?\s*[),;]`, 'u');

function isAcronymLike(s: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{N}&.-]{1,14}$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);
}

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

/** Per-call memo of a string function (resolution calls its helpers many times on the same few surfaces). */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function slugify(s: string): string {
  if (isAscii(s)) {
    // ASCII: NFKD and mark removal change nothing, letters and digits are [a-z0-9] once lower-cased
    return (
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'x'
    );
  }
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

interface Group {
  type: EntityType;
  forms: Map<string, number>;
  mentions: Mention[];
  /** Votes per tagged type. */
  votes: Map<EntityType, number>;
  aliasOf?: Group;
}

/** Acronym definitions: acronym → long-form mention. */
function findAcronyms(
  text: string,
  mentions: readonly Mention[],
  words: (s: string) => readonly string[],
): Map<string, Mention> {
  const defs = new Map<string, Mention>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (words(m.text).length < 2) continue;
    const after = text.slice(m.end, m.end + 120);
    const hit = PAREN_RE.exec(after) ?? (KNOWN_AS_HEAD.test(after) ? KNOWN_AS_RE.exec(after) : null);
    if (hit) {
      const acr = hit[1]!.replace(/[.-]+$/, '');
      if (isAcronymLike(acr) && !defs.has(acr)) defs.set(acr, m);
      continue;
    }
    // `ACR (Long Name)`: the previous mention is the acronym, this one in brackets right after it
    const prev = mentions[i - 1];
    if (prev && isAcronymLike(prev.text) && /^\s*\(\s*$/.test(text.slice(prev.end, m.start))) {
      if (!defs.has(prev.text)) defs.set(prev.text, m);
    }
  }
  return defs;
}

const CONNECTORS = new Set(
  'of in the and for on at to de del della des du da di do dos la le les el al van von der den y &'.split(' '),
);

/**
 * Schwartz & Hearst (2003) abbreviation definitions: for each `(ACR)` in the text, the shortest run of words just
 * before it whose letters spell the acronym (first letter at a word start). Returns [start, end) spans of the long
 * forms with at least two capitalised words (`al-Qaida in the Islamic Maghreb (AQIM)`).
 */
export function findAcronymLongForms(text: string): Array<{ start: number; end: number; acronym: string }> {
  const out: Array<{ start: number; end: number; acronym: string }> = [];
  for (const m of text.matchAll(/\(\s*([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})\s*\)/gu)) {
    const acr = m[1]!;
    if (!isAcronymLike(acr)) continue;
    // candidate: the words before "(" in the same sentence, at most min(|A| + 5, 2|A|)
    let lineStart = m.index;
    while (lineStart > 0 && !/[\n.;:!?()"“”]/.test(text[lineStart - 1]!)) lineStart--;
    const before = text.slice(lineStart, m.index).replace(/\s+$/, '');
    const words = [...before.matchAll(/\S+/g)];
    const maxWords = Math.min(acr.length + 5, acr.length * 2);
    const first = words[Math.max(0, words.length - maxWords)];
    if (!first) continue;
    const long = before.slice(first.index);
    const letters = acr.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    let li = long.length - 1;
    let ok = true;
    for (let si = letters.length - 1; si >= 0; si--) {
      const c = letters[si]!;
      while (
        li >= 0 &&
        (long[li]!.toLowerCase() !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(long[li - 1]!)))
      ) {
        li--;
      }
      if (li < 0) {
        ok = false;
        break;
      }
      li--;
    }
    if (!ok) continue;
    const startInLong = long.lastIndexOf(' ', li + 1) + 1;
    const phrase = long.slice(startInLong);
    if ((phrase.match(/(?:^|\s)\p{Lu}/gu) ?? []).length < 2) continue;
    // a name: capitalised words, connectors (`of`, `in the`, `de`), `al-Qaida`-style particles; nothing else
    if (!phrase.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w))) {
      continue;
    }
    const start = lineStart + first.index + startInLong;
    out.push({ start, end: start + phrase.length, acronym: acr });
  }
  return out;
}

/** Replace tagged mentions inside an acronym's long form by one mention of the whole long form. */
function mergeLongForms(text: string, mentions: Mention[]): Mention[] {
  let out = mentions;
  for (const lf of findAcronymLongForms(text)) {
    const inside = out.filter((m) => m.start >= lf.start && m.end <= lf.end);
    const crossing = out.some((m) => m.start < lf.end && lf.start < m.end && !(m.start >= lf.start && m.end <= lf.end));
    if (inside.length === 0 || crossing) continue;
    if (inside.length === 1 && inside[0]!.start === lf.start && inside[0]!.end === lf.end) continue;
    // several tagged pieces joined under one acronym: an organisation (`al-Qaida` + `Islamic Maghreb`)
    const type = inside.length === 1 ? inside[0]!.type : 'ORGANIZATION';
    out = [
      ...out.filter((m) => !inside.includes(m)),
      { start: lf.start, end: lf.end, text: text.slice(lf.start, lf.end), type },
    ].sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return out;
}

/** Head nouns that make a name a geographical feature (`Linden River`, `Lake Ontario` has its own gazetteer entry). */
const PLACE_HEADS: ReadonlySet<string> = new Set([
  'river',
  'lake',
  'mountains',
  'island',
  'islands',
  'sea',
  'ocean',
  'peninsula',
  'desert',
  'gulf',
  'strait',
  'canyon',
  'creek',
  'glacier',
  'fjord',
]);

/**
 * After an all-caps name that opens a line: an optional `, STATE` or `(Agency)`, then a dash on the same line and
 * the body of a paragraph (mixed case, 60+ characters), not an all-caps headline (`RUGBY UNION - NEW ZEALAND WIN`).
 */
const DATELINE_TAIL =
  /^(?:,[ \t]*[\p{L}.]+(?:[ \t]+[\p{L}.]+){0,3})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[—–-][ \t]+(?=\p{Lu}[^\n]{0,30}\p{Ll})[^\n]{60}/u;

/** Last words of streets' names that are nobody's surname (`Kesby Road`, `Orchard Avenue`, `Marsh Street`). */
const STREET_WORDS: ReadonlySet<string> = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'drive',
  'boulevard',
  'blvd',
  'square',
  'crescent',
  'terrace',
  'highway',
  'parkway',
]);

/** Last words of streets' and small places' names that are also surnames (`Nathan Lane`, `Michael Bay`). */
const STREET_OR_SURNAME: ReadonlySet<string> = new Set(['lane', 'close', 'way', 'vale', 'bay']);

/** First words of places' names that no given name is (`Port Anselm`, `Fort Kell`, `Mount Orrin`). */
const PLACE_FIRST_WORDS: ReadonlySet<string> = new Set(['port', 'fort', 'mount']);

/**
 * A name tagged a person that its form makes a street or a small place: a street word last (`Fenwick Lane`, `Kesby
 * Road`; a word that is also a surname only without a given name first: not `Nathan Lane`), or `Port`/`Fort`/`Mount`
 * first (`Port Anselm`). The article may still show it to be a company's (`the grocer Fresh Lane`).
 */
function isStreetOrTownByForm(ws: readonly string[]): boolean {
  if (ws.length < 2 || !ws.every((w) => /^\p{Lu}/u.test(w))) return false;
  const last = ws[ws.length - 1]!.replace(/\.$/, '').toLowerCase();
  if (STREET_WORDS.has(last) || PLACE_FIRST_WORDS.has(ws[0]!.toLowerCase())) return true;
  return STREET_OR_SURNAME.has(last) && !hasPersonShape(ws.join(' '));
}

/**
 * The town of an address: one word between commas right after a street (`of Pellow Lane, Brackley, admitted`), a
 * place whatever the tagger said (not the speaker in `near Gladstone Avenue, Harris said`).
 */
function withTownsOfAddresses(text: string, mentions: readonly Mention[]): Mention[] {
  return mapPacked(mentions, (m, i) => {
    const prev = i > 0 ? mentions[i - 1]! : undefined;
    if (m.type === 'LOCATION' || !prev || prev.type !== 'LOCATION' || /\s/.test(m.text)) return m;
    if (text.slice(prev.end, m.start) !== ', ' || text[m.end] !== ',') return m;
    const last = prev.text
      .slice(prev.text.lastIndexOf(' ') + 1)
      .replace(/\.$/, '')
      .toLowerCase();
    return STREET_WORDS.has(last) || STREET_OR_SURNAME.has(last) ? { ...m, type: 'LOCATION' } : m;
  });
}

/** An owner (`its`, `their`, `Voltrix's`) right before a name. */
const OWNER_BEFORE = /(?:^|[^\p{L}])(?:its|their|our|\p{Lu}[\p{L}-]*['’]s)[ \t]$/u;
/** A company's or an institution's site right after a name (`factory`, `plant`, `campus`). */
const SITE_AFTER =
  /^[ \t](?:factory|factories|plant|plants|mill|refinery|smelter|warehouse|depot|distribution centre|distribution center|assembly line|facility|site|works|mine|campus|headquarters|hq|offices?|branch)(?![\p{L}])/u;

/**
 * A name between an owner and one of its sites (`at its Stenford factory`, `Voltrix's Stenford plant`): the place
 * the site is in, not a second organisation (unless an organisation's head word ends it, `Vietnam's Communist Party
 * headquarters`, or the gazetteer knows it as an organisation's name and no place's: `its Toyota factory`).
 */
function isSiteOfOwner(text: string, m: Mention): boolean {
  const last = m.text.slice(m.text.lastIndexOf(' ') + 1);
  return (
    !AND_HEAD.test(last) &&
    !isKnownOrganization(m.text) &&
    !isOrganizationWord(last) &&
    SITE_AFTER.test(text.slice(m.end, m.end + 24)) &&
    OWNER_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))
  );
}

/**
 * A mention that is a place whatever the tagger said: a dateline (`PORT ALDER —`, `WASHINGTON (AP) —` opening a
 * line, all capitals), a multi-word name whose last word is a geographical head noun (`Linden River`), or a name
 * tagged a person that has a street's or a town's form (`Fenwick Lane`, `Port Anselm`), or a name between an owner
 * and the kind of site it owns (`its Stenford factory`).
 */
function isPlaceByForm(text: string, m: Mention, isCompany: (surface: string) => boolean): boolean {
  const ws = wordsOf(m.text);
  if (ws.length <= 2 && isSiteOfOwner(text, m)) return true;
  if (ws.length > 1 && /\p{Ll}/u.test(m.text) && PLACE_HEADS.has(ws[ws.length - 1]!.toLowerCase())) return true;
  // (a company's name may look like a street's: `the grocer Fresh Lane`)
  if (m.type === 'PERSON' && isStreetOrTownByForm(ws)) return !isCompany(m.text);
  if (/\p{Ll}/u.test(m.text) || !/\p{Lu}{2}/u.test(m.text)) return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  if (text.slice(lineStart, m.start).trim() !== '') return false;
  return DATELINE_TAIL.test(text.slice(m.end, m.end + 160));
}

/** Honorifics that only ever come before a person's name (`Mr. Trump`, `Mrs Patel`), never an organisation's. */
const HONORIFIC_START = /^(?:Mr|Mrs|Ms|Messrs|Mme|Shri|Smt|Shrimati|Cllr)\.?\s+\p{Lu}/u;

/** A one-word mention right after a regnal title (`Queen Elizabeth`, `Pope Francis`): the person, title included. */
function withRegnalTitle(text: string, m: Mention): Mention {
  if (/\s/.test(m.text)) return m;
  const before = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s$/u.exec(text.slice(Math.max(0, m.start - 12), m.start));
  if (!before || !REGNAL_TITLES.has(before[1]!.toLowerCase())) return m;
  const start = m.start - before[1]!.length - 1;
  return { start, end: m.end, text: text.slice(start, m.end), type: 'PERSON' };
}

/** First words of place names that the tagger may leave out of a newspaper's name (`The San Marco Chronicle`). */
const PLACE_PREFIX = /(?:^|[^\p{L}])((?:San|Santa|Los|Las|El|St\.|Saint|New|Port|Fort|Palm|Long|Salt|Grand))\s$/u;

/**
 * A newspaper named after its place (`San Francisco Chronicle`, tagged a place; `San Diego` + `Union-Tribune`, cut
 * short; `San Marco Chronicle`, missing `San` and tagged a person): the whole name, an organisation.
 */
function asPublication(text: string, m: Mention): Mention {
  let { start, end } = m;
  const next = /^\s(\p{Lu}[\p{L}-]+)/u.exec(text.slice(end, end + 24));
  if (m.type === 'LOCATION' && next && NEWSPAPER_LAST_WORDS.has(next[1]!)) end += next[0].length;
  const last = text.slice(start, end).split(/\s+/).at(-1) ?? '';
  // a name going on (`White House Press Secretary`) is no newspaper's
  if (
    !NEWSPAPER_LAST_WORDS.has(last) ||
    !/\s/.test(text.slice(start, end)) ||
    /^\s\p{Lu}/u.test(text.slice(end, end + 2))
  )
    return m;
  // (a person's name may end in such a word, `Emily Post`: one tagged a person is a paper after `the` or in a list
  // of papers, `the Orange County Register, Denver Post`)
  if (m.type === 'PERSON' && !/\bthe\s+(?:\p{Lu}\S*\s+)?$/iu.test(text.slice(Math.max(0, start - 16), start))) {
    const before = text.slice(Math.max(0, start - 80), start).split(/[^\p{L}-]+/u);
    if (!before.some((w) => NEWSPAPER_LAST_WORDS.has(w))) return m;
  }
  const prefix = PLACE_PREFIX.exec(text.slice(Math.max(0, start - 8), start));
  if (prefix) start -= prefix[1]!.length + 1;
  return { start, end, text: text.slice(start, end), type: 'ORGANIZATION' };
}

/**
 * A surname's particles and the given name before them, which the tagger leaves out (`Pieter van der Berg` tagged
 * `Berg`, `Elena de la Vega` tagged `Vega`): the whole name. Without a given name (`Locksley and von Moltke`) the
 * tagged surname stays, and joins the full name.
 */
function withNameParticles(text: string, m: Mention): Mention {
  if (m.type !== 'PERSON' || m.start < 3) return m;
  const before = NAME_PARTICLES_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
  if (!before) return m;
  const start = m.start - before[0].length + (before[0].length - before[0].trimStart().length);
  return { ...m, start, text: text.slice(start, m.end) };
}

/** Particles of a surname (`van der`, `de la`, `bin`) after a capitalised given name. */
const NAME_PARTICLES_BEFORE =
  /(?<![\p{L}'’-])(?!(?:Van|Von|De|Del|Della|Der|Den|Di|Da|Dos|Das|Du|La|Le|Ter|Ten)\s)\p{Lu}[\p{Ll}'’-]+\s+(?:(?:van|von|de|del|della|der|den|di|da|dos|das|du|la|le|ter|ten|bin|ibn)\s+){1,3}$/u;

/**
 * The Chinese surname `He` written before a one-word given name (`Vice Premier He Lifeng`): the tagger reads `He`
 * as the pronoun and tags `Lifeng` alone. An English pronoun is never followed straight by a name, so a one-word
 * person mention right after `He ` takes it in.
 */
function withSurnameHe(text: string, m: Mention): Mention {
  const s = m.start - 3;
  if (m.type !== 'PERSON' || s < 0 || text.slice(s, m.start) !== 'He ' || /\s/.test(m.text)) return m;
  if (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1]!)) return m;
  return { ...m, start: s, text: text.slice(s, m.end) };
}

/**
 * One tagged mention as the resolver reads it: the honorific decides a person (the tagger sometimes reads `Mr.
 * Trump` in an unusual sentence as an organisation), then the rules by form below, then titles and possessives
 * trimmed; null when nothing of a name is left.
 */
function fixMention(text: string, tagged: Mention, isWeatherText: () => boolean): Mention | null {
  let m =
    tagged.type !== 'PERSON' && HONORIFIC_START.test(tagged.text) ? { ...tagged, type: 'PERSON' as const } : tagged;
  m = withSurnameHe(text, m);
  m = withNameParticles(text, m);
  m = asPublication(text, m);
  m = publicationAfterThe(text, m);
  m = withRegnalTitle(text, m);
  m = personAfterTitle(m);
  m = placeBeforeBornOrBased(m);
  m = namedStorm(m, isWeatherText);
  return trimMention(text, m);
}

/**
 * Words written after a name that are no entity of their own: letters after a name (`MBE`, `QC`), roles (`MP`, `GP`,
 * `CEO`), an office without a name (`Senator, thanks`), a number word opening a sentence (`Nine out of ten`).
 */
function isNoEntity(surface: string): boolean {
  if (NOT_NAMES.has(surface)) return true;
  const l = surface.replace(/\.$/, '').toLowerCase();
  return PERSON_OFFICES.has(l) || LONE_OFFICES.has(l) || NUMBER_WORDS.has(l);
}

/** Post-nominal letters and role abbreviations, as written (`Dame Ada Hollis MBE`, `the local MP`). */
const NOT_NAMES: ReadonlySet<string> = new Set(
  'MP MPs MEP MSP MLA GP GPs MBE OBE CBE KBE DBE QC KC CEO CFO COO PhD'.split(' '),
);

/** Number words, capitalised at the start of a sentence (`Nine out of ten fail`). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen'.split(
    ' ',
  ),
);

/**
 * A newspaper named by its paper word alone after `the` (`told the Guardian`, `[The Times]`), which the tagger may
 * type MISC: an organisation.
 */
function publicationAfterThe(text: string, m: Mention): Mention {
  if (m.type !== 'MISC' || !NEWSPAPER_LAST_WORDS.has(m.text)) return m;
  return /(?:^|[^\p{L}])the\s$/iu.test(text.slice(Math.max(0, m.start - 5), m.start))
    ? { ...m, type: 'ORGANIZATION' }
    : m;
}

const BORN_OR_BASED = /^(.+)-(?:born|based|bred|raised|headquartered)$/;

/**
 * A place written with `-born` or `-based` (`Lagos-born`, `Sugar Land-based`), which the tagger types MISC as one
 * word: the place, a location (a nationality stays MISC: `Turkish-born`). A word in capitals the gazetteer does not
 * know as a place is left alone (`LED-based`).
 */
function placeBeforeBornOrBased(m: Mention): Mention {
  const hit = m.type === 'PERSON' ? null : BORN_OR_BASED.exec(m.text);
  if (!hit) return m;
  const name = hit[1]!;
  const kind = gazetteerKind(name);
  if (kind === null && !/\p{Ll}/u.test(name)) return m;
  return { start: m.start, end: m.start + name.length, text: name, type: kind === 'nationality' ? 'MISC' : 'LOCATION' };
}

/** Words of a text about the weather: a `Storm` + name in it is the storm's name, not a person called Storm. */
const WEATHER_WORDS =
  /\b(?:winds?|gusts?|rainfall|heavy rain|flood(?:s|ing)?|forecasters?|mph|km\/h|landfall|Met Office|weather)\b/i;

/**
 * A named storm (`Hurricane Lorna`, `Typhoon Haishen`, `Tropical Storm Ana`; `Storm Edwin` in a text about the
 * weather, not the player `Storm Reid`): an event, MISC. A longer name goes on past the storm (`Hurricane Lorna
 * Relief Fund`).
 */
function namedStorm(m: Mention, isWeatherText: () => boolean): Mention {
  const ws = m.text.split(' ');
  if (m.type === 'MISC' || ws.length < 2 || !/^(?:Hurricane|Typhoon|Cyclone|Tropical|Winter|Storm)$/.test(ws[0]!)) {
    return m;
  }
  const storm =
    ws[0] === 'Hurricane' || ws[0] === 'Typhoon' || ws[0] === 'Cyclone'
      ? ws.length === 2
      : ws[0] === 'Storm'
        ? ws.length === 2 && isWeatherText()
        : ws[1] === 'Storm' && ws.length === 3;
  return storm ? { ...m, type: 'MISC' } : m;
}

/** Head nouns of organisations' names that go on with `of` or `for` (`Department of Health`, `Institute for …`). */
const HEADS_BEFORE_OF =
  'Department|Ministry|Institute|School|University|College|Academy|Office|Bureau|Board|Museum|Society|Association|Federation|Council|Commission|Centre|Center|Agency|Authority|Foundation|Chamber|Bank';
const HEAD_BEFORE_OF_LAST = new RegExp(`(?:^|\\s)(?:${HEADS_BEFORE_OF})$`);
const CAP_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
/** ` of Health`, ` for Tropical Medicine`, ` of the Interior`: the rest of a name after its head noun. */
const OF_REST = new RegExp(`^ (?:of|for) (?:the )?${CAP_WORD}(?: ${CAP_WORD}){0,3}`, 'u');
/** `US Department of `, `Ministry for the `: the start of a name before the tagged rest. */
const HEAD_THEN_OF = new RegExp(
  String.raw`(?:\p{Lu}[\p{L}.-]* ){0,2}(?:${HEADS_BEFORE_OF}) (?:of|for|on) (?:the )?$`,
  'u',
);
/** Words that open a sentence or a noun phrase before a name without being part of it. */
const NOT_NAME_START = /^(?:A|An|The|This|That|Its|His|Her|Their|Our|Your|My)$/;
/** Shops and places to eat named after their owner (`Kowalski's Bakery`, `Joe's Diner`). */
const SHOP_HEADS =
  /^(?:Bakery|Butchers?|Café|Cafe|Diner|Kitchen|Restaurant|Pub|Bar|Store|Stores|Shop|Garage|Deli|Salon|Pharmacy|Bookshop|Books|Bistro|Grill|Tavern|Inn)\b/u;
/** `'s Bakery`: the owner's `'s` and the word after it. */
const POSSESSIVE_HEAD = /^['’]s (\p{Lu}[\p{L}-]*)/u;
/** ` & Crumbs`: the rest of a firm's name after `&`. */
const AMPERSAND_REST = new RegExp(`^ & ${CAP_WORD}`, 'u');

/** A name's first half before `and` (`Westford Fire` of `Westford Fire and Rescue Service`): up to four capitalised words. */
const HALF_THEN_AND = new RegExp(String.raw`(?:^|[^\p{L}'’-])((?:${CAP_WORD}\s+){0,3}(\p{Lu}\p{Ll}+))\s+and\s+$`, 'u');

/** A nickname in quote marks, then a surname (`“Monching” Dizon` after `Ramon`). */
const NICKNAME_THEN_SURNAME = new RegExp(
  String.raw`^\s+["“‘'](?:${CAP_WORD})(?:\s${CAP_WORD})?["”’']\s+${CAP_WORD}(?:\s+${CAP_WORD})?(?=[\s,.;:!?]|$)`,
  'u',
);

/** Last words of public bodies' names besides the institution words (`Rescue Service`, `Safety Executive`). */
const BODY_LAST =
  /^(?:Service|Services|Executive|Administration|Board|Office|Bureau|Directorate|Inspectorate|Enforcement|Division|Partnership)$/;

/** Last words of organisations' names that may follow `X and …` (`Transport and General Workers' Alliance`). */
const AND_HEAD = new RegExp(
  `^(?:${HEADS_BEFORE_OF}|Union|Alliance|Coalition|League|Committee|Party|Network|Forum|Fund|Trust|Partnership|Service|Services|Executive|Administration|Directorate|Inspectorate|Enforcement|Division|Department|Ministry)$`,
);
/** ` and Wildlife`, ` and General Workers' Alliance`: up to four capitalised words after `and`. */
const AND_REST = new RegExp(`^ and (${CAP_WORD}(?: ${CAP_WORD}){0,3})(?![\\p{L}\\p{N}])`, 'u');

/**
 * The length of the rest of a public body's or a union's name after `and`, when the name so far ends in a field it is
 * named for (`Fish` + ` and Wildlife`, `Transport` + ` and General Workers' Alliance`): capitalised words that are
 * all such fields or that end in an organisation's head word (not `Health` + ` and Education Minister Ana Reyes`);
 * 0 otherwise.
 */
function andRest(name: string, after: string): number {
  if (!REMIT_WORDS.has(name.slice(name.lastIndexOf(' ') + 1).toLowerCase())) return 0;
  const hit = AND_REST.exec(after);
  if (!hit) return 0;
  const ws = hit[1]!.split(' ');
  const last = ws[ws.length - 1]!;
  const ok = ws.every((w) => REMIT_WORDS.has(w.toLowerCase())) || AND_HEAD.test(last) || isOrganizationWord(last);
  return ok ? hit[0].length : 0;
}

/**
 * Names the tagger cut at a connector, joined into one organisation:
 * - across `of`/`for` after an organisation's head noun (`Department of Health`, tagged `Health`; `Kesby Institute`
 *   + `Tropical Medicine`; `Lakeshore University School` + `of Law`);
 * - across `'s` before a shop word (`Kowalski's Bakery`) or, after a name of several words, an institution word
 *   (`Brackley Children's Trust`);
 * - across `&` (`Beans & Bloom`, `Procter & Gamble`).
 * A person's name is never extended by `of`/`for`/`&` (`Secretary of State Jo Hale`).
 */
function joinAcrossConnectors(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    let { start, end } = m;
    let joined = false;
    // (the regular expression only where a connector ends right before the mention)
    const lead = text.slice(Math.max(0, start - 5), start);
    // (`on` after an institution's head: `National Institute on Drug Abuse`, even with the rest tagged a person)
    if (
      (m.type !== 'PERSON' && (lead.endsWith(' of ') || lead.endsWith(' for ') || lead.endsWith(' the '))) ||
      lead.endsWith(' on ')
    ) {
      const before = HEAD_THEN_OF.exec(text.slice(Math.max(0, start - 60), start));
      if (before) {
        const ws = before[0].split(' ');
        while (ws.length > 0 && NOT_NAME_START.test(ws[0]!)) ws.shift();
        start -= ws.join(' ').length;
        joined = true;
      }
    }
    // (`Westford Fire` + `and Rescue Service`: the second half ends in an institution word)
    const last = m.text.slice(m.text.lastIndexOf(' ') + 1);
    if (!joined && lead.endsWith(' and ') && (BODY_LAST.test(last) || isOrganizationWord(last))) {
      // (the word before `and` a field a public body is named for: `Fire`, `Health`)
      const before = HALF_THEN_AND.exec(text.slice(Math.max(0, start - 60), start));
      if (before && REMIT_WORDS.has(before[2]!.toLowerCase())) {
        const ws = before[1]!.split(/\s+/);
        while (ws.length > 0 && NOT_NAME_START.test(ws[0]!)) ws.shift();
        if (ws.length > 0) {
          start -= before[0].length - before[0].indexOf(ws[0]!);
          joined = true;
        }
      }
    }
    // (a person's nickname in quote marks between the first name and the surname: `Ramon “Monching” Dizon`)
    // (the first name may be tagged a misc. name at a sentence's start: `Dorothy “Dot” Haskell, who …`)
    // (or taken in with a descriptor before it and typed anything: `Goalkeeper Lucas` + `“Muro” Ferraz`)
    const ws = m.text.split(' ');
    const firstName =
      m.type === 'PERSON' ||
      (m.type === 'MISC' && ws.length === 1 && isGivenName(m.text)) ||
      (m.type !== 'LOCATION' && ws.length > 1 && isGivenName(ws[ws.length - 1]!) && !isRoleWord(ws[ws.length - 1]!));
    const nick = firstName && !joined ? NICKNAME_THEN_SURNAME.exec(text.slice(end, end + 60)) : null;
    const nickname = !!nick;
    if (nick) {
      end += nick[0].length;
      joined = true;
      // (a descriptor before the first name is no part of the name: `Sniper Lucas “Mirage” Ferraz`)
      for (let i = 0; i < ws.length - 1 && isDescriptorBeforeName(ws[i]!); i++) start += ws[i]!.length + 1;
    }
    for (let grew = true; grew; ) {
      grew = false;
      const after = text.slice(end, end + 60);
      const name = text.slice(start, end);
      const rest =
        (m.type !== 'PERSON' && m.type !== 'LOCATION' && HEAD_BEFORE_OF_LAST.test(name) ? OF_REST.exec(after) : null) ??
        (m.type !== 'PERSON' ? AMPERSAND_REST.exec(after) : null);
      // (a place's institution is no name: `South Korea's Ministry of Trade`)
      const owner = rest ? null : POSSESSIVE_HEAD.exec(after);
      const shop =
        owner &&
        !/^ (?:of|for) /.test(after.slice(owner[0].length)) &&
        (SHOP_HEADS.test(owner[1]!) ||
          ((m.type === 'ORGANIZATION' || m.type === 'MISC') && /\s/.test(name) && isOrganizationWord(owner[1]!)));
      const grow = rest?.[0].length ?? (shop ? owner![0].length : m.type !== 'PERSON' ? andRest(name, after) : 0);
      if (grow > 0) {
        end += grow;
        joined = grew = true;
      }
    }
    if (!joined) {
      if (!(out.length > 0 && out[out.length - 1]!.end > m.start)) out.push(m);
      continue;
    }
    // the joined name replaces the mentions it covers, and takes in one it starts inside (`Columbia University
    // Mailman School` + `of Public Health`)
    while (out.length > 0 && out[out.length - 1]!.end > start) start = Math.min(start, out.pop()!.start);
    out.push({ start, end, text: text.slice(start, end), type: nickname ? 'PERSON' : 'ORGANIZATION' });
  }
  return out;
}

/** Honorifics and offices before which two untagged name words are a person's (`Sen. Priya Ramaswami`). */
const NAME_TITLES: readonly string[] = [...PERSON_OFFICES, 'mr', 'mrs', 'ms', 'mme', 'dr', 'prof', 'cllr'];
const NAME_WORD_RE = String.raw`\p{Lu}[\p{Ll}'’-]*\p{Ll}`;
/** A title (capitalised or not), then two or three name words: the given name, a middle name or the surname. */
const TITLE_THEN_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:${NAME_TITLES.map((t) => `[${t[0]!.toUpperCase()}${t[0]}]${t.slice(1)}`).join('|')})\.?[ \t]+(${NAME_WORD_RE})[ \t]+(${NAME_WORD_RE})(?:[ \t]+(${NAME_WORD_RE}))?(?![\p{L}\p{N}])`,
  'dgu',
);

/**
 * A person's name the tagger left out (or cut up) after an honorific or an office only a person holds: `Sen. Priya
 * Ramaswami`, tagged nothing or `Ramaswami`/LOCATION. The first word must be a listed given name that no mention
 * covers, the next a name word that is no title, organisation or street word (a third one only after a middle name
 * that is a given name too). The person replaces any mention that starts inside the name.
 */
function withNamesAfterTitles(text: string, mentions: readonly Mention[]): Mention[] {
  let out: Mention[] | null = null;
  for (const hit of text.matchAll(TITLE_THEN_NAME)) {
    const at = hit.indices!;
    const given = hit[1]!;
    if (!isGivenName(given) || isRoleWord(given) || !isNameEnd(hit[2]!)) continue;
    const start = at[1]![0];
    const end = hit[3] && isGivenName(hit[2]!) && isNameEnd(hit[3]) ? at[3]![1] : at[2]![1];
    const list: Mention[] = out ?? [...mentions];
    if (list.some((m) => m.start <= start && start < m.end)) continue;
    out = list.filter((m) => m.start < start || m.start >= end);
    const person = trimMention(text, { start, end, text: text.slice(start, end), type: 'PERSON' });
    if (person) out.push(person);
  }
  return out ? out.sort((a, b) => a.start - b.start || b.end - a.end) : [...mentions];
}

/** Last words of companies' names that no other kind of name ends in (`Corvane Motors`, `Halden Foods`). */
const FIRM_LAST_WORDS =
  'Motors|Foods|Airlines|Airways|Industries|Technologies|Holdings|Pharmaceuticals|Therapeutics|Corporation|Inc|Corp|Ltd|LLC|Plc|PLC|Enterprises|Bancorp|Ventures|Robotics|Electronics|Logistics|Petroleum|Automotive|Securities';
/** One to three name words, then a firm's last word, as a sentence's subject or object (a word or a stop after it). */
const FIRM_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’&.-])((?:${NAME_WORD_RE}[ \t]+){1,3})(?:${FIRM_LAST_WORDS})(?=['’]s\b|[ \t]+\p{Ll}|[,.;:])`,
  'gu',
);
/** Words that open a sentence or a noun phrase and are no company's first word. */
const NOT_FIRM_START =
  /^(?:A|An|The|This|That|These|Those|Its|His|Her|Their|Our|Your|My|Some|Many|All|Other|Both|Each|Every|Most|Several|Such|Rival|Former)$/;

/** Last words of companies' names (utilities, banks, firms) that the tagger may tag alone (`Westline Power` tagged `Power`). */
const UTILITY_WORDS =
  /^(?:Power|Energy|Electric|Gas|Water|Bank|Group|Media|Motors|Foods|Airlines|Holdings|Industries)$/;
/** Name words, then the last word of a name the tagger tagged alone: `Westline ` before `Power`. */
const NAME_WORDS_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}'’&.-])((?:${NAME_WORD_RE}[ \t]+){1,2})$`, 'u');

/**
 * A company's name the tagger left out: name words ending in a firm's word (`Corvane Motors is recalling …`), with
 * no mention on it, no capitalised word right before it, no word of it but the last written in lower case
 * elsewhere in the text (`Local Industries` is not a name when `local` is written too). An organisation. The same
 * name words before a utility's or a firm's word the tagger tagged alone as an organisation (`Westline` + `Power`)
 * join it.
 */
function withUntaggedFirms(text: string, mentions: readonly Mention[]): Mention[] {
  let out: Mention[] | null = null;
  for (const hit of text.matchAll(FIRM_NAME)) {
    const start = hit.index;
    const end = start + hit[0].length;
    if (mentions.some((m) => m.start < end && start < m.end) || !firmWordsAt(text, start, hit[1]!)) continue;
    out ??= [...mentions];
    out.push({ start, end, text: text.slice(start, end), type: 'ORGANIZATION' });
  }
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION' || !UTILITY_WORDS.test(m.text)) continue;
    const before = NAME_WORDS_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (!before) continue;
    const start = m.start - before[1]!.length;
    if (mentions.some((x) => x.start < m.start && start < x.end) || !firmWordsAt(text, start, before[1]!)) continue;
    out = (out ?? [...mentions]).filter((x) => x !== m);
    out.push({ start, end: m.end, text: text.slice(start, m.end), type: 'ORGANIZATION' });
  }
  return out ? out.sort((a, b) => a.start - b.start || b.end - a.end) : [...mentions];
}

/**
 * A company named by the first word of its name (`Corvane said …` with `Corvane Motors` in the text): for each
 * organisation of two or three words ending in a firm's or a utility's word whose first word is no listed given name
 * and is never written in lower case, that word alone where the tagger left it out (not right before a capitalised
 * word) or tagged it a person is an organisation, unless a person's name ends in it. It stays an entity of its own,
 * as written (the speaker `Peabody`, not `Peabody Energy`).
 */
function withFirmsFirstWords(text: string, mentions: readonly Mention[]): Mention[] {
  const firsts = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION') continue;
    const ws = m.text.split(' ');
    const last = ws[ws.length - 1]!;
    if (ws.length < 2 || ws.length > 3 || !(FIRM_LAST_RE.test(last) || UTILITY_WORDS.test(last))) continue;
    const first = ws[0]!;
    if (!isNameWord(first) || isGivenName(first) || lowerElsewhere(text, first)) continue;
    if (!mentions.some((x) => x.type === 'PERSON' && x.text.endsWith(` ${first}`))) firsts.add(first);
  }
  let out: Mention[] | null = null;
  for (const word of firsts) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (/^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
      const list: Mention[] = out ?? [...mentions];
      const on = list.find((x) => x.start < end && at < x.end);
      if (on && !(on.type === 'PERSON' && on.start === at && on.end === end)) continue;
      out = list.filter((x) => x !== on);
      out.push({ start: at, end, text: word, type: 'ORGANIZATION' });
    }
  }
  return out ? out.sort((a, b) => a.start - b.start || b.end - a.end) : [...mentions];
}

const FIRM_LAST_RE = new RegExp(`^(?:${FIRM_LAST_WORDS})$`);

/**
 * Name words `words` at `start` can open a company's name: no capitalised word right before them, no opening word
 * such as `The`, no title, none written in lower case elsewhere in the text.
 */
function firmWordsAt(text: string, start: number, words: string): boolean {
  if (/\p{Lu}[\p{L}'’.-]*[ \t]+$/u.test(text.slice(Math.max(0, start - 30), start))) return false;
  const ws = words.trim().split(/[ \t]+/);
  return !NOT_FIRM_START.test(ws[0]!) && !ws.some((w) => isRoleWord(w) || lowerElsewhere(text, w));
}

/** `word` written in lower case as a whole word somewhere in `text`. */
function lowerElsewhere(text: string, word: string): boolean {
  const l = word.toLowerCase();
  for (let at = text.indexOf(l); at >= 0; at = text.indexOf(l, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + l.length] ?? '')) return true;
  }
  return false;
}

/** A name word that can end a person's name: no title, organisation, street, month or weekday word. */
function isNameEnd(w: string): boolean {
  const l = w.replace(/['’]s$/, '');
  return !isRoleWord(l) && !isOrganizationWord(l) && !STREET_WORDS.has(l.toLowerCase()) && !CALENDAR_WORDS.test(l);
}

const CALENDAR_WORDS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** A word written before a name that is no given name, or a title or a descriptor (`Sniper`, `Captain`, `Veteran`). */
function isDescriptorBeforeName(w: string): boolean {
  return !isGivenName(w) || isRoleWord(w) || PERSON_DESCRIPTORS.has(w.toLowerCase());
}

/** Bodies of the solar system, which end some names (`Blue Moon`, a lander) but alone are themselves (`the Moon`). */
const CELESTIAL: ReadonlySet<string> = new Set(
  'sun moon earth mercury venus mars jupiter saturn uranus neptune pluto'.split(' '),
);

/** Resolve tagged mentions of `text` into entities. */
export function resolveMentions(text: string, tagged: readonly Mention[]): Entity[] {
  let weather: boolean | undefined;
  const isWeatherText = (): boolean => {
    weather ??= WEATHER_WORDS.test(text);
    return weather;
  };
  let mentions = mapPacked(tagged, (m) => fixMention(text, m, isWeatherText))
    .filter((m): m is Mention => m !== null && !isNoEntity(m.text))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  mentions = withUntaggedFirms(text, withNamesAfterTitles(text, mentions));
  mentions = mergeLongForms(text, joinAcrossConnectors(text, mentions));
  mentions = withFirmsFirstWords(text, mentions);

  // acronyms: definitions, then every other occurrence of a defined acronym becomes a mention
  const normOf = memo(norm);
  const words = memo(wordsOf);
  /** First and last word of a form, normalised. */
  const ends = memo((f: string): [string | undefined, string | undefined] => {
    const ws = words(normOf(f));
    return [ws[0], ws[ws.length - 1]];
  });
  const acronyms = findAcronyms(text, mentions, words);
  if (acronyms.size > 0) {
    const covered = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
    const extra: Mention[] = [];
    for (const [acr, long] of acronyms) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${acr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const hit of text.matchAll(re)) {
        const s = hit.index;
        const e = s + acr.length;
        if (!covered(s, e)) extra.push({ start: s, end: e, text: acr, type: long.type });
      }
    }
    mentions = [...mentions, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  const groups: Group[] = [];
  const byForm = new Map<string, Group>();
  const add = (g: Group, m: Mention): void => {
    g.mentions.push(m);
    g.forms.set(m.text, (g.forms.get(m.text) ?? 0) + 1);
    g.votes.set(m.type, (g.votes.get(m.type) ?? 0) + 1);
    byForm.set(normOf(m.text), g);
  };
  const newGroup = (m: Mention): Group => {
    const g: Group = { type: m.type, forms: new Map(), mentions: [], votes: new Map() };
    groups.push(g);
    add(g, m);
    return g;
  };

  // places the text's layout or the name's head noun make certain: a dateline, `Linden River`
  // (whether the article shows a name to be a company's, once per name: it reads the whole text)
  const isCompany = memo((s: string) => organizationDespiteTag(text, s));
  mentions = mapPacked(mentions, (m) =>
    m.type !== 'LOCATION' && isPlaceByForm(text, m, isCompany) ? { ...m, type: 'LOCATION' } : m,
  );
  mentions = withTownsOfAddresses(text, mentions);

  // 1. multi-word mentions first (they define full names), then the rest
  // a full name the tagger typed as an organisation that the article shows to be a person (person-names.ts)
  const personWords = new Set(
    mapPacked(
      mentions.filter((m) => m.type === 'PERSON' && words(m.text).length === 1),
      (m) => m.text.replace(/['’]s$/, ''),
    ),
  );
  // and a name without a person's shape tagged as a person that the article shows to be an organisation
  const retyped = new Map<string, EntityType>();
  const multi = mapPacked(
    mentions.filter((m) => words(m.text).length > 1),
    (m) => {
      const key = `${m.type}\u0000${m.text}`;
      let type = retyped.get(key);
      if (type === undefined) {
        type = m.type;
        if (m.type === 'ORGANIZATION' && personDespiteTag(text, m.text, personWords)) type = 'PERSON';
        else if (m.type === 'PERSON' && isCompany(m.text)) type = 'ORGANIZATION';
        else if (m.type !== 'ORGANIZATION' && organizationByLastWord(m.text, m.type)) type = 'ORGANIZATION';
        retyped.set(key, type);
      }
      return type === m.type ? m : { ...m, type };
    },
  );
  const single = mentions.filter((m) => words(m.text).length <= 1);
  for (const m of multi) {
    const g = byForm.get(normOf(m.text));
    if (g) add(g, m);
    else newGroup(m);
  }
  // full-name persons, indexed by last and first word
  const persons = groups.filter((g) => g.type === 'PERSON');
  const personSet = new Set(persons);
  const personByWord = (w: string, at: number): Group | undefined => {
    const cands = persons.filter((g) =>
      [...g.forms.keys()].some((f) => {
        const [first, last] = ends(f);
        return last === w || first === w;
      }),
    );
    if (cands.length <= 1) return cands[0];
    const before = mapPacked(cands, (g) => {
      let last = -1;
      for (const m of g.mentions) if (m.start < at && m.start > last) last = m.start;
      return { g, last };
    })
      .filter((x) => x.last >= 0)
      .sort((a, b) => b.last - a.last);
    return before[0]?.g ?? cands[0];
  };
  const retypedOrgs = new Set(
    [...retyped]
      .filter(([key, type]) => type === 'ORGANIZATION' && !key.startsWith('ORGANIZATION\u0000'))
      .map(([key]) => key.slice(key.indexOf('\u0000') + 1)),
  );
  const orgs = groups.filter((g) => g.type === 'ORGANIZATION' && [...g.forms.keys()].some((f) => retypedOrgs.has(f)));
  const orgByFirstWord = (w: string): Group | undefined => {
    const cands = orgs.filter((g) => [...g.forms.keys()].some((f) => words(f).length > 1 && ends(f)[0] === w));
    return cands.length === 1 ? cands[0] : undefined;
  };
  // organisations of several words by their last word (with where each is first named), for the one-word name
  // that ends them
  const orgsByLastWord = new Map<string, Array<{ g: Group; first: number }>>();
  for (const g of groups) {
    if (g.type !== 'ORGANIZATION') continue;
    // (a name with a connector is not shortened to its last word: `University of Wessex` is not `Wessex`)
    const forms = [...g.forms.keys()].filter((f) => words(f).every((w) => /^[\p{Lu}\p{N}]/u.test(w)));
    let first = Number.POSITIVE_INFINITY;
    for (const x of g.mentions) first = Math.min(first, x.start);
    for (const last of new Set(forms.map((f) => ends(f)[1]!))) {
      if (CELESTIAL.has(last)) continue;
      const list = orgsByLastWord.get(last);
      if (list) list.push({ g, first });
      else orgsByLastWord.set(last, [{ g, first }]);
    }
  }
  /** The organisation ending in word `w` named before offset `at` (of several, the one named last before it). */
  const orgEndingIn = (w: string, at: number): Group | undefined => {
    const cands = (orgsByLastWord.get(w) ?? []).filter((c) => c.first < at);
    if (cands.length <= 1) return cands[0]?.g;
    let best: Group | undefined;
    let bestAt = -1;
    for (const { g } of cands) {
      for (const x of g.mentions) {
        if (x.start < at && x.start > bestAt) {
          bestAt = x.start;
          best = g;
        }
      }
    }
    return best;
  };
  /** One-word names tagged a person that the article shows to be organisations. */
  const retypedSingles = new Set<string>();
  for (const m of single) {
    const key = normOf(m.text);
    const long = acronyms.get(m.text);
    if (long) {
      const g = byForm.get(normOf(long.text));
      if (g) {
        add(g, m);
        continue;
      }
    }
    const same = byForm.get(key);
    if (same) {
      // (the word's other mentions tagged a person go with the retyping: `Lumora, a startup … Lumora said`)
      add(same, m.type === 'PERSON' && retypedSingles.has(key) ? { ...m, type: 'ORGANIZATION' } : m);
      continue;
    }
    if (m.type === 'PERSON' || m.type === 'ORGANIZATION' || m.type === 'MISC') {
      const p = personByWord(key, m.start);
      if (p && (m.type === 'PERSON' || !isAcronymLike(m.text) || isSpeakerLabel(text, m))) {
        add(p, m);
        continue;
      }
    }
    // tagged a person, the first word of one name tagged a person that the article shows to be an organisation's
    // (`Tyvak` after `Tyvak Nano-Satellite Systems`, `Take-Two` after `Take-Two Interactive`)
    const org = m.type === 'PERSON' ? orgByFirstWord(key) : undefined;
    if (org) {
      add(org, { ...m, type: 'ORGANIZATION' });
      continue;
    }
    // one word that ends the name of an organisation named before it (`Comets` after `Salt Lake Comets`); tagged a
    // person, only a word no person's name ends in (`Systems` after `Kesta Space Systems`; not `Serrano`)
    if (m.type !== 'LOCATION' && (m.type !== 'PERSON' || isOrganizationWord(m.text))) {
      const whole = orgEndingIn(key, m.start);
      if (whole) {
        add(whole, { ...m, type: 'ORGANIZATION' });
        continue;
      }
    }
    // a lone word tagged as a person that is no one's surname here and that the article shows to be an organisation
    // (`carmaker Tesla said`)
    if (m.type === 'PERSON' && isCompany(m.text)) {
      retypedSingles.add(key);
      newGroup({ ...m, type: 'ORGANIZATION' });
    } else newGroup(m);
  }

  // 2. build entities
  const textLen = Math.max(1, text.length);
  const raw = mapPacked(groups, (g) => {
    const ms = g.mentions.sort((a, b) => a.start - b.start);
    let type = g.type;
    let best = -1;
    for (const [t, v] of g.votes) {
      if (v > best || (v === best && t === g.type)) {
        best = v;
        type = t;
      }
    }
    if (personSet.has(g)) type = 'PERSON';
    const forms = [...g.forms.keys()];
    const allCaps = (f: string): boolean => /\p{Ll}/u.test(f) === false && words(f).length > 0;
    const name = forms.reduce((a, b) => {
      const wa = words(a).length;
      const wb = words(b).length;
      if (wb !== wa) return wb > wa ? b : a;
      if (b.length !== a.length) return b.length > a.length ? b : a;
      return allCaps(a) && !allCaps(b) ? b : a; // `Nairobi` over a dateline's `NAIROBI`
    });
    const first = ms[0]!;
    const score = ms.length + 2 * (1 - first.start / textLen);
    return { g, type, name, forms, ms, score };
  });
  let maxScore = 1;
  for (const r of raw) maxScore = Math.max(maxScore, r.score);
  const usedIds = new Set<string>();
  const out: Entity[] = mapPacked(raw, (r) => {
    let id = `${r.type}:${slugify(r.name)}`;
    for (let k = 2; usedIds.has(id); k++) id = `${r.type}:${slugify(r.name)}-${k}`;
    usedIds.add(id);
    const aliases = [...new Set(r.forms.filter((f) => f !== r.name))];
    return {
      id,
      name: r.name,
      type: r.type,
      aliases,
      mentions: mapPacked(r.ms, (m) => ({ start: m.start, end: m.end, text: m.text })),
      count: r.ms.length,
      firstStart: r.ms[0]!.start,
      salience: Math.round((r.score / maxScore) * 1000) / 1000,
    };
  });
  return out.sort((a, b) => a.firstStart - b.firstStart);
}

/**
 * The entity a surface form refers to (`Nuland`, `Ms. Nuland`, `Nuland's`, `MNLA`): exact name or alias match
 * first, then a person whose name ends or starts with the form's last word. Null when none.
 */
export function findEntityByMention(entities: readonly Entity[], surface: string): Entity | null {
  const cleaned = trimMention(surface, { start: 0, end: surface.length, text: surface, type: 'PERSON' });
  if (!cleaned) return null;
  const key = norm(cleaned.text);
  const exact = entities.find((e) => norm(e.name) === key || e.aliases.some((a) => norm(a) === key));
  if (exact) return exact;
  const words = wordsOf(key);
  const last = words[words.length - 1];
  if (!last) return null;
  const persons = entities.filter((e) => e.type === 'PERSON');
  return (
    persons.find((e) => wordsOf(norm(e.name)).at(-1) === last) ??
    persons.find((e) => wordsOf(norm(e.name))[0] === last) ??
    null
  );
}

/** The entity one of whose mentions covers `offset` (a JS string index), or null. */
export function entityAt(entities: readonly Entity[], offset: number): Entity | null {
  for (const e of entities) for (const m of e.mentions as Span[]) if (m.start <= offset && offset < m.end) return e;
  return null;
}
