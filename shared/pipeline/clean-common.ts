/**
 * Pieces shared by the text, Markdown, HTML and JSON cleaners: boilerplate phrase rules (each with a reason),
 * author-bio and dateline detection, date parsing, byline parsing and the assembly of a `CleanArticle` whose
 * paragraph offsets exactly index its text.
 */
import { EmptyArticleError } from '../errors.ts';
import { isJsSpace, LETTER, latinClass, NUMBER, UNKNOWN } from './clean-chars.ts';
import { detectLanguage } from './language.ts';
import type { CleanArticle, Paragraph, RemovedBlock, SourceFormat } from './types.ts';

export interface Block {
  text: string;
  kind: 'body' | 'heading';
}

export interface ArticleMeta {
  title: string | null;
  byline: string | null;
  authors: string[];
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

export function emptyMeta(): ArticleMeta {
  return { title: null, byline: null, authors: [], publishedAt: null, url: null, language: null };
}

/** Collapses every run of whitespace (including NBSP and zero-width characters) to one space and trims. */
export function collapse(text: string): string {
  if (isCollapsed(text)) return text;
  return text
    .replace(/\u200b|\u200c|\u2060|\ufeff|\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `collapse` would return the text unchanged: single spaces between other characters, nothing to drop. */
function isCollapsed(text: string): boolean {
  let prevSpace = true; // a leading space is not collapsed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 0x80) {
      if (c >= 9 && c <= 13) return false;
      prevSpace = false;
    } else {
      if (c === 0x200b || c === 0x200c || c === 0x2060 || c === 0xfeff || c === 0xad || isJsSpace(c)) return false;
      prevSpace = false;
    }
  }
  return !prevSpace || text.length === 0;
}

/** Words; in scripts written without spaces (Chinese, Japanese, Thai...) every two characters count as one word. */
export function wordCount(text: string): number {
  // Latin-script text: one scan counting the runs of letters and digits (no array of matches). A character the
  // scan does not know (another script) hands the text to the regular expressions.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const k = latinClass(text.charCodeAt(i));
    if (k === UNKNOWN) return wordCountByRegex(text);
    if (k & LETTER_OR_NUMBER) {
      if (!inWord) words++;
      inWord = true;
    } else inWord = false;
  }
  return words;
}
const LETTER_OR_NUMBER = LETTER | NUMBER;

function wordCountByRegex(text: string): number {
  const spaced = text.match(WORD_RUN)?.length ?? 0;
  // The per-character count only runs when a character of those scripts' blocks occurs (a cheap superset test).
  if (!MAYBE_UNSPACED.test(text)) return spaced;
  const unspaced = text.match(UNSPACED_CHAR)?.length ?? 0;
  return unspaced > 0 ? spaced + Math.floor(unspaced / 2) : spaced;
}
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const UNSPACED_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
/** Code-unit ranges that contain every character of UNSPACED_CHAR (checked over all code points). */
const MAYBE_UNSPACED =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u3000-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\ud800-\udbff]/;

/** Normalised comparison key: letters and digits only, lower case. */
export function keyOf(text: string): string {
  // `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`; Latin-script text without the regex: its letter/digit
  // runs, joined.
  const lower = text.toLowerCase();
  let out = '';
  let from = 0; // start of the current run of kept characters
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const k = latinClass(lower.charCodeAt(i));
    if (k === UNKNOWN) return lower.replace(NOT_LETTER_OR_NUMBER, '');
    if ((k & LETTER_OR_NUMBER) === 0) {
      if (i > from) out += lower.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? lower : from < n ? out + lower.slice(from) : out;
}
const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/gu;

const SOCIAL =
  'share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|messenger|flipboard|copy link|copy|link|save|comments?|mail|sms|more|submit|gift(?: this)? article|\\d+';
const SHARE_BAR = new RegExp(
  `^(?:share(?: (?:this|the) (?:article|story|page|post))?(?: on| via| with)?|${SOCIAL})(?:[\\s|·•,/:]+(?:${SOCIAL}))*[\\s:]*$`,
  'i',
);

/** "Read more", "Related stories", "More great … stories" and their kin, at the start of a block. */
const RELATED =
  /^\[?(?:read more|read (?:the )?full (?:story|article)|more:|related(?: post| posts| video| stories| articles| coverage| content| topics| links| reading| news)?:?|see also|also read|read also|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|more from|more on (?:this|that)|more stories|further reading|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|editor'?s picks|top stories|latest (?:news|stories)|what to read next|read next|up next|(?:click|tap) here|(?:lesen sie|lies) auch|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|leer más|lee también|leia também|leggi anche|see more|don'?t miss|also on [\w.]+|also:|recent (?:articles|posts|stories|news)|popular (?:this week|now|today|articles|posts|stories)|more great [\p{L} ]+ stories|like this (?:story|article)\?|breaking news$)(?![\p{L}\p{N}])/iu;
/**
 * RELATED's prefilter: the same alternation with the letter classes left out (the tail of "more great … stories"
 * and the closing look-ahead), so it matches whatever RELATED matches.
 */
const RELATED_PREFILTER = withoutParts(RELATED, ['[\\p{L} ]+ stories', '(?![\\p{L}\\p{N}])']);

/** `re` with the given parts of its source removed (each must occur once: checked at load). */
function withoutParts(re: RegExp, parts: readonly string[]): RegExp {
  let source = re.source;
  for (const part of parts) {
    const at = source.indexOf(part);
    if (at < 0 || source.indexOf(part, at + 1) >= 0) throw new Error(`prefilter: ${part} must occur once in ${re}`);
    source = source.slice(0, at) + source.slice(at + part.length);
  }
  return new RegExp(source, re.flags);
}

/**
 * Phrase rules for short blocks. Order matters: the first match gives the reason. The rules marked `true` search
 * the whole block (not only its start) and cost the most; each has a prefilter, and a block matching none of those
 * (the usual case) is found by one test of their union (SEARCHING_PREFILTER), after which the rules are skipped.
 *
 * A rule may carry a prefilter: a cheap pattern that every text the rule matches also matches (a literal part the
 * rule requires), tested first. V8 compiles a regular expression on its first use, and case-insensitive Unicode
 * patterns with letter classes (`/iu` + `\p{L}`) cost milliseconds each to compile: with a prefilter, a fresh
 * process compiles such a rule only when a block could match it, which most articles never have.
 */
const PHRASE_RULES: Array<[RegExp, string, number, boolean?, RegExp?]> = [
  // [pattern, reason, max words for the rule to apply, searching rule, prefilter]
  [
    /^(?:author|profile|staff|contributor|reporter|user)?\s*(?:picture|photo|image|avatar|headshot|portrait|thumbnail)$/i,
    'author-picture',
    4,
  ],
  [SHARE_BAR, 'share-bar', 16],
  [
    /^(?:advertisement|advertising|sponsored(?: content)?|paid (?:content|post)|ad|ads|anzeige|werbung|publicité|publicidad|pubblicità|reklame|(?:the )?(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading (?:the main story|below)|scroll to continue(?: with content)?)\.?$/i,
    'advertisement',
    8,
  ],
  [
    /(?:\b(?:sign(?:ing)?[ -]?up|subscribe|subscribing|subscription|register)\b.{0,80}\b(?:newsletters?|e-?mails?|inbox|alerts?|updates|briefing|digest)\b|\b(?:newsletters?|e-?mails?|inbox|alerts?|briefing)\b.{0,80}\b(?:sign(?:ing)?[ -]?up|subscribe|register)\b|delivered (?:straight |directly )?to your inbox|enter your e-?mail|your e-?mail address|^sign[ -]?up(?: now| today| here| for free)?\W*\d*$|^(?:sign[ -]?up|subscribe|register) (?:for|to)\b[^.!?]*$|^subscribe(?: now| today| here)?\W*$|newsletter abonnieren|inscrivez-vous|abonnez-vous|suscríbete|iscriviti)/i,
    'newsletter',
    45,
    true,
    /sign(?:ing)?[ -]?up|subscri|register\b|delivered|enter your e|mail address|abonnieren|inscrivez|abonnez|suscr|iscriviti/i,
  ],
  [RELATED, 'related', 30, false, RELATED_PREFILTER],
  [/^\[(?:related|see also|read more|more)\b.*\]$/i, 'related', 30],
  [
    /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b|\btodos los derechos reservados\b/i,
    'copyright',
    40,
    true,
    /©|\(c\)|copyright|rights reserved|rechte vorbehalten|droits r|derechos reservados/i,
  ],
  [
    /^(?:(?:photo|photograph|image|picture|illustration|video|graphic|foto|bild|photos|images)(?:\s*(?:credit|courtesy|by|source))?\s*[:：|©]|(?:photo|image|picture)\s+(?:credit|courtesy)\b|(?:credit|source)\s*[:：])/i,
    'photo-credit',
    25,
  ],
  [
    /^\(?(?:AP|Reuters|AFP|EPA|Getty Images|Shutterstock|Xinhua|Bloomberg|Alamy|iStock|dpa|ANP|PA)(?:\s*(?:Photo|Images|Wire|Pool))?(?:\s*\/\s*[\p{L} .'-]+)*\)?\.?$/iu,
    'photo-credit',
    10,
    false,
    /^\(?(?:AP|Reuters|AFP|EPA|Getty Images|Shutterstock|Xinhua|Bloomberg|Alamy|iStock|dpa|ANP|PA)/iu,
  ],
  [
    /^(?:\d+\s+)?comments?$|^(?:leave|post|add|write) a (?:comment|reply)|^join the (?:conversation|discussion)|^(?:show|view|load|hide) (?:all )?comments|^comments? (?:are|have been) (?:closed|disabled)/i,
    'comments',
    20,
  ],
  [
    /^(?:tags|topics|filed under|categories|category|keywords|schlagworte|themen|mots-clés|etiquetas)\s*[:：]/i,
    'tags',
    40,
  ],
  [
    /^(?:follow (?:us|me|him|her|them|@?[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube)|(?:like|follow) us on|connect with us|find us on)\b/iu,
    'social',
    30,
    false,
    /^(?:follow |like us on|connect with us|find us on)/iu,
  ],
  [
    /^(?:skip to (?:main )?content|back to top|go to top|menu|home|next (?:article|story|post)|previous (?:article|story|post)|print this (?:article|page)|listen to (?:this )?(?:article|story)|(?:\d+|one|two|three|four|five) min(?:ute)?s? read|reading time\b.*)$/i,
    'navigation',
    8,
  ],
  [
    /^(?:we use cookies|this (?:site|website) uses cookies|by (?:using|continuing to use) (?:this|our) (?:site|website))/i,
    'cookie-notice',
    60,
  ],
  [
    /^(?:have a (?:news )?tip|got a (?:news )?tip|contact (?:us|the author)|send (?:us )?(?:a )?(?:tip|feedback|corrections?))\b/i,
    'contact',
    30,
  ],
  [
    /^(?:this (?:article|story) (?:was|has been) (?:updated|corrected)|correction:|update:|updated:|editor'?s note:)/i,
    '',
    0,
  ],
];

PHRASE_RULES.push(
  [
    /\bcontributed (?:reporting|to this (?:report|story|article))\b|^\(?additional reporting by\b|^citation:.*\bretrieved\b/i,
    'credits',
    50,
    true,
    /contributed|additional reporting|citation:/i,
  ],
  [
    /^(?:e-?mail|contact|reach|write to) (?:the (?:author|reporter|writer)s? |[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,2} )?(?:at|on|via)\b.*(?:@|twitter|\.com)|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com\/\S+$/iu,
    'contact',
    40,
    false,
    /@|twitter|\.com/iu, // each alternative needs one of these
  ],
  [
    /\bthis (?:document|article|material) is subject to copyright\b|\bmay not be (?:published|reproduced|copied),? (?:broadcast|rewritten|redistributed)/i,
    'copyright',
    60,
    true,
    /copyright|may not be/i,
  ],
  [/^(?:enlarge (?:image|photo)|loading(?: content)?\s*(?:\.{3}|…)?|\d{1,3} of \d{1,3})$/i, 'gallery', 4],
  [/^(?:tags|topics|keywords|schlagworte|themen)$/i, 'tags', 1],
  [
    /^subscribe to\b|\b(?:click(?:ing)? here|use the (?:promo |discount )?code|for as little as|delivered (?:to your door|through your letterbox|to your home)|get (?:unlimited|full|digital) access|start your (?:free )?trial)\b/i,
    'promo',
    45,
    true,
    /subscri|click|code|for as little as|delivered|access|trial/i,
  ],
  [
    /^(?:image|photo|picture|slide|foto|bild)\s*\d+\s*(?:of|\/|von|de|di)\s*\/?\s*\d*$|^(?:caption|close|expand|enlarge|hide caption|toggle caption|view (?:caption|gallery)|open gallery|launch (?:gallery|slideshow)|this slideshow requires javascript\.?|\d+\s+(?:photos|images))$/i,
    'gallery',
    8,
  ],
  [
    /^(?:sign in|log ?in|register|my account|sign out|log out|create (?:an )?account|already a subscriber\??|subscribe now|advert|promoted|sponsored by\b.*|post comment.*|print|email this|share this|save (?:this )?(?:article|story)|(?:\d+\s+)?shares?)$/i,
    'navigation',
    6,
  ],
  [
    /^(?:tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura|leestijd|czas czytania|время чтения|reading time)\b/i,
    'navigation',
    8,
  ],
  [
    /^\(?(?:reporting|writing|additional reporting|editing|compiled) by\b.*(?:editing|writing|reporting) by\b/i,
    'credits',
    60,
  ],
);

/**
 * Matches whenever one of the searching rules could: the union of their prefilters (for each alternative of a
 * searching rule, a literal part it requires). Most blocks contain none of these literals, and the rules themselves
 * (long case-insensitive alternations) are then never compiled. All are `/i` without other flags: checked at load.
 */
const SEARCHING_PREFILTER = new RegExp(
  PHRASE_RULES.filter((r) => r[3])
    .map(([re, , , , prefilter]) => {
      if (re.flags !== 'i' || prefilter?.flags !== 'i')
        throw new Error(`searching phrase rule ${re} needs /i and an /i prefilter`);
      return prefilter.source;
    })
    .join('|'),
  'i',
);

const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|am|pm|a\.m|p\.m|gmt|utc|[ecmp][sd]t|bst|cet|cest|st|nd|rd|th|de|of|at|on|um|le|el|às|alle|h|updated|published|posted|modified|first|last|publicado|publié|veröffentlicht|aktualisiert|aggiornato|pubblicato|atualizado|actualizado|em|il|en)\b\.?/giu;

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)\b/i;

/** A short line that is only a date and/or time ("18 Nov 2019", "Updated Nov 19, 6:55 AM"). */
export function isDateLine(text: string, words?: number): boolean {
  const t = text.trim();
  if (!/\d/.test(t) || (words ?? wordCount(t)) > 14) return false;
  const rest = t
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(DATE_WORDS, ' ')
    .replace(/[\d\s.,:;/|()\-–—+]+/g, ' ')
    .trim();
  if (rest.length > 0) return false;
  // Needs a month name, a year or a numeric date: a bare time or a phone number is not a date line.
  return /\b(?:1[89]|2[01])\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(t) || MONTH_WORD.test(t);
}

/** A caption ending in a photo credit: `… (AP Photo/Jane Doe)`, `… (Image: Getty)`, `… [Photo: Agency]`. */
export const CREDIT_SUFFIX =
  /\s*[([](?:[^()[\]]{1,60}\/[^()[\]]{1,60}|[^()[\]]{0,40}\b(?:Photo|Photograph|Foto|Image|Picture|Credit|Courtesy|Illustration|Getty|Shutterstock|iStock|File)\b[^()[\]]{0,40})[)\]]\.?$/i;

/** A caption whose last sentence is a credit: `Boats at the quay on Monday. Photo: Jane Doe / Agency`. */
const TRAILING_CREDIT =
  /[.!?]\s+(?:photo|photograph|image|picture|foto|bild|credit|photo credit|illustration)s?\s*(?:by)?\s*[:：]?\s+[\p{Lu}][^.!?]{1,80}$/iu;

/** TRAILING_CREDIT's prefilter: a sentence end and the credit word, without the letter class. */
const TRAILING_CREDIT_HEAD = /[.!?]\s+(?:photo|image|picture|foto|bild|credit|illustration)/iu;

const NAME = "[\\p{Lu}][\\p{L}.'’-]*";
/** Photo credit lines: `Jane Doe/Agency/Getty Images`, `Jane Doe | Bloomberg | Getty Images`, `Credit...Jane Doe`. */
const SLASH_CREDIT = new RegExp(
  `^(?:credit\\W*)?${NAME}(?:\\s+(?:${NAME}|of|the|for|de|la|du|van|von))*(?:\\s*[/|]\\s*(?:${NAME}|the|for|of)(?:\\s+(?:${NAME}|of|the|for|de|la|via))*)+\\.?$`,
  'u',
);

/** `)` or `]`, optionally followed by `.`, at the end: what every CREDIT_SUFFIX match ends with. */
function endsWithBracket(t: string): boolean {
  let c = t.charCodeAt(t.length - 1);
  if (c === 46 /* . */) c = t.charCodeAt(t.length - 2);
  return c === 41 /* ) */ || c === 93 /* ] */;
}

/** Returns the boilerplate reason for a short block matching a known phrase, or null. */
export function phraseReason(text: string, words?: number): string | null {
  const t = text.trim();
  const n = words ?? wordCount(t);
  if (n > 60) return null; // no rule applies to longer blocks
  let searching: boolean | undefined; // whether any searching rule can match (tested once, when first needed)
  for (const [re, reason, maxWords, isSearching, prefilter] of PHRASE_RULES) {
    if (reason === '' || n > maxWords) continue;
    if (isSearching) {
      searching ??= SEARCHING_PREFILTER.test(t);
      if (!searching) continue;
    }
    if (prefilter && !prefilter.test(t)) continue;
    if (re.test(t)) return reason;
  }
  // Every CREDIT_SUFFIX match ends the block with `)` or `]` and an optional `.`.
  if (
    !/^[“"‘']/.test(t) &&
    ((endsWithBracket(t) && CREDIT_SUFFIX.test(t)) || (TRAILING_CREDIT_HEAD.test(t) && TRAILING_CREDIT.test(t)))
  )
    return 'caption';
  // every SLASH_CREDIT match has a `/` or `|`
  if (n <= 12 && hasSlashOrBar(t) && SLASH_CREDIT.test(t) && !/https?:|www\./i.test(t)) return 'photo-credit';
  if (/^credit\s*(?:\.{2,}|…)/i.test(t) && n <= 12) return 'photo-credit';
  if (n <= 14 && isDateLine(t, n)) return 'date';
  if (n <= 14 && isBylineLine(t)) return 'byline';
  if (n <= 10 && STAFF_TAIL.test(t) && STAFF_LINE.test(t)) return 'byline';
  return null;
}

function hasSlashOrBar(t: string): boolean {
  return t.includes('/') || t.includes('|');
}

/** `Tom Krisher, AP Auto Writer`, `Jane Doe | Staff Reporter`. */
const STAFF_LINE =
  /^[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}\s*[,|–—-]\s*(?:[\p{L}.]+\s+){0,3}(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff)s?$/iu;
/** STAFF_LINE's prefilter: its ending, without the letter classes (cheap to compile). */
const STAFF_TAIL = /(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff)s?$/iu;

const BIO_ROLE =
  '(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|photographer|photojournalist|author|fellow|analyst|critic|intern|freelancer|anchor|host|novelist|professor|staff writer)';
const BIO_START = new RegExp(
  `^(?:[\\p{Lu}][\\p{L}.'’-]+(?:\\s+[\\p{Lu}][\\p{L}.'’-]+){0,3})\\s+(?:covers|writes|reports|has (?:covered|reported|written|been (?:a|an|the) )|joined|is (?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,4}${BIO_ROLE}|was (?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,4}${BIO_ROLE})\\b`,
  'u',
);
/** BIO_START's prefilter: one to four words (any non-spaces) and the verb, without the letter classes. */
const BIO_START_HEAD =
  /^\S+(?:\s+\S+){0,3}\s+(?:covers|writes|reports|has (?:covered|reported|written|been (?:a|an|the) )|joined|is (?:a|an|the)\s|was (?:a|an)\s)/u;
const BIO_SIGNALS =
  /\b(?:previously (?:worked|served|covered|reported|was)|is a graduate of|graduated from|holds a (?:degree|master|bachelor)|follow (?:him|her|them) on|can be reached (?:at|by)|(?:contact|email|reach) (?:him|her|them) at|(?:his|her|their) work has appeared|is the author of|lives in|based in)\b/i;
const FOLLOW_ME =
  /\bfollow (?:him|her|them|me) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon)\b/i;
const ABOUT_AUTHOR =
  /^(?:about the (?:author|writer|reporter)s?|(?:the )?author|über den autor|über die autorin|à propos de l'auteur|sobre el autor)\s*:?$/i;

/** ABOUT_AUTHOR's prefilter: the first word of each of its forms. */
const ABOUT_AUTHOR_START = /^(?:about|the author|author|über|à|sobre)/i;

export function isAboutAuthorHeading(text: string): boolean {
  const t = text.trim();
  return ABOUT_AUTHOR_START.test(t) && ABOUT_AUTHOR.test(t);
}

/** A short third-person paragraph about a journalist ("John covers...; he previously worked for..."). */
export function looksLikeBio(text: string, words?: number): boolean {
  const t = text.trim();
  const n = words ?? wordCount(t);
  if (n > 90) return false;
  const bioStart = BIO_START_HEAD.test(t) && BIO_START.test(t);
  const signals = (bioStart ? 1 : 0) + (BIO_SIGNALS.test(t) ? 1 : 0);
  if (FOLLOW_ME.test(t) && n <= 60) return true;
  return signals >= 2 || (signals === 1 && bioStart && n <= 60);
}

/**
 * The dateline opening a news story: `STUTTGART, Germany —`, `WASHINGTON (Reuters) -`, `PARIS, March 3 (AFP) –`.
 * Returns the place (`STUTTGART, Germany`) or null.
 */
export function detectDateline(paragraph: string): string | null {
  // The place starts with two capitals (or a capital and . ' ’ -): a cheap test before the long pattern.
  if (!DATELINE_START.test(paragraph)) return null;
  const m = DATELINE.exec(paragraph);
  if (!m?.[1]) return null;
  const place = m[1].replace(/[,\s]+$/, '');
  // The city part must be written in capitals and be more than an acronym-like single letter.
  const city = place.split(',')[0] ?? '';
  if (city.replace(/[^\p{Lu}]/gu, '').length < 3) return null;
  return place;
}

const DATELINE_START = /^\p{Lu}[\p{Lu}.'’-]/u;
/**
 * The dateline pattern, kept at module level: a literal inside the function would be parsed at load and again at
 * the function's first call, and its Unicode classes make each parse cost.
 */
const DATELINE =
  /^((?:[\p{Lu}][\p{Lu}.'’-]+)(?:\s+[\p{Lu}][\p{Lu}.'’-]+){0,3}(?:,\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,2})?)(?:,?\s+(?:[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[\p{Lu}][\p{Ll}]{2,8}\.?)(?:,?\s+\d{4})?)?\s*(?:\([^()]{1,40}\))?\s*(?:[—–]|--?|:)\s+\S/u;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Parses an ISO-like or English-written date into ISO 8601 (date, or date-time when a time is given). */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, se, tz] = iso;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const zone = tz ? (tz === 'Z' ? 'Z' : tz.includes(':') ? tz : `${tz.slice(0, 3)}:${tz.slice(3)}`) : '';
    return `${y}-${mo}-${d}T${h}:${mi}:${se ?? '00'}${zone}`;
  }
  const mdy = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (mdy) {
    const m = MONTHS[mdy[1]!.slice(0, mdy[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    const d = Number(mdy[2]);
    const y = Number(mdy[3]);
    if (m && validYmd(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b/.exec(s);
  if (dmy) {
    const m = MONTHS[dmy[2]!.slice(0, 3).toLowerCase()];
    const d = Number(dmy[1]);
    const y = Number(dmy[3]);
    if (m && validYmd(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}

/** `By Jane Doe and John Roe, Staff Writers` → ['Jane Doe', 'John Roe']. */
export function parseAuthors(byline: string): string[] {
  const s = byline
    .replace(/^\s*(?:by|von|par|por|di|door|av|af)\s+/i, '')
    .replace(
      /\s*[|,–—-]\s*(?:staff|special|senior|associated press|reuters|the [\p{L} ]+|[\p{L} ]*(?:writer|reporter|correspondent|editor|contributor)s?)\b.*$/iu,
      '',
    )
    .replace(/\s+(?:updated|published|posted)\b.*$/i, '');
  return s
    .split(/\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*/i)
    .map((a) => a.trim())
    .filter((a) => a.length > 1 && a.length < 60 && /^[\p{Lu}]/u.test(a) && wordCount(a) <= 5);
}

/** `BYLINE_LINE.test(t)`, compiling BYLINE_LINE only for texts that start like a byline ("By ", "Posted on … by "). */
export function isBylineLine(t: string): boolean {
  return BYLINE_HEAD.test(t) && BYLINE_LINE.test(t);
}
/** BYLINE_LINE's prefilter: its opening up to the first space after "by", without the letter classes. */
const BYLINE_HEAD =
  /^(?:[Pp]osted|[Ww]ritten|[Pp]ublished)?\s*(?:on\s+.{3,30}?\s+)?(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s/u;
export const BYLINE_LINE =
  /^(?:(?:[Pp]osted|[Ww]ritten|[Pp]ublished)?\s*(?:on\s+.{3,30}?\s+)?(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor))\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&|und|et|y)\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})*(?:\s*[,|–—·•-]?\s*[\p{L}\d .,:/;|–—·•-]{0,60})?$(?<![.!?])/u;

/** Builds the final article; throws `EmptyArticleError` when no paragraph survived. */
export function assemble(
  blocks: Block[],
  meta: ArticleMeta,
  format: SourceFormat,
  boilerplate: RemovedBlock[],
  warnings: string[],
): CleanArticle {
  const kept: Block[] = [];
  for (const b of blocks) {
    const text = collapse(b.text);
    if (text) kept.push({ text, kind: b.kind });
  }
  // A headline that is the title goes to `title`, not `text`.
  if (meta.title) {
    const titleKey = keyOf(meta.title);
    const idx = kept.slice(0, 3).findIndex((b) => keyOf(b.text) === titleKey);
    if (idx >= 0 && kept.length > 1) {
      const [removed] = kept.splice(idx, 1);
      boilerplate.push({ text: removed!.text, reason: 'title' });
    }
  }
  if (kept.length === 0 || !kept.some((b) => /[\p{L}\p{N}]/u.test(b.text))) {
    throw new EmptyArticleError('No article text was found in the file (everything looked like page furniture).');
  }
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const b of kept) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + b.text.length, kind: b.kind });
    text += b.text;
  }
  // The dateline opens the story; a standfirst (dek) may come before it.
  let dateline: string | null = null;
  for (const b of kept.filter((x) => x.kind === 'body').slice(0, 3)) {
    dateline = detectDateline(b.text);
    if (dateline) break;
  }
  return {
    text,
    paragraphs,
    title: meta.title ? collapse(meta.title) || null : null,
    byline: meta.byline ? collapse(meta.byline) || null : null,
    authors: meta.authors,
    dateline,
    publishedAt: meta.publishedAt,
    url: meta.url,
    // what the text is written in; the page's declared language only when the text gives too little evidence
    // (a page template can declare `de` for an English story)
    language: detectLanguage(text) ?? meta.language,
    format,
    boilerplate,
    warnings,
  };
}
