/**
 * Small, pure language identification: the writing system first (Cyrillic, Greek, Arabic, Hebrew, CJK, Thai,
 * Devanagari...), then, for Latin-script text, the share of each language's most frequent function words.
 * Returns an ISO 639-1 code or null when unsure. Also exposes the stop-word sets the cleaner uses to tell prose
 * from boilerplate.
 */
import { mapPacked } from './arrays.ts';
import { LETTER as LETTER_CLASS, latinClass, MARK, UNKNOWN } from './clean-chars.ts';

const STOPWORDS_RAW: Record<string, string> = {
  en: 'the of and to a in is that for it was on with as he be by at are this his from have or an they which you were her she has but not had its been their one will would who we there all more when about said also into after than them can if out so what could only over some our us these two new other may no first any most just should because while',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei sie nach wird einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich werden dass kann gegen vom schon wenn ihr habe',
  fr: 'le la les de des et en un une du est que qui dans pour pas au par sur ne se plus il elle ce avec sont a aux son sa ses été ont cette mais ou comme nous vous leur été fait être tout aussi dont même entre après lors sans sous où ils elles était avait très',
  es: 'el la de que y en los del las un por con no una su para es al lo como más o pero sus le ha me si sin sobre este ya entre cuando todo esta ser son dos también fue había era muy años hasta desde está mi porque qué sólo han yo hay vez puede todos así nos ni parte tiene él uno donde bien tiempo mismo ese ahora cada e vida otro después te otros aunque esa eso hace otra gobierno tan durante siempre',
  it: 'di e il la che in a per un del è non una con le i si da al dei della sono come ha ma anche più nel alla delle gli questo o lo se ci degli ad nella sul era hanno stato essere tra fa già dopo ancora loro sua suo quando dal molto cui',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha têm numa pelos elas havia seja qual será',
  nl: 'de en van het een in is dat op te zijn met voor niet aan er die als ook maar om door hij bij nog naar uit dan wat was heeft worden wordt tot ze over kan zich al meer we zo hun geen deze jaar dit werd moet onder hebben omdat worden',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här då sedan över bara blir',
  da: 'og i at det er en til på de med for af den som ikke har et der var han om men sig fra vi så kan også efter eller når år siger hun under skal ud have blev bliver hvor alle andre meget end her da siden over kun være ved mod',
  no: 'og i det som på er en til av at for med har de ikke den et om han men seg fra vi så kan også etter eller når år sier hun under skal ut ha ble blir hvor alle andre mye enn her da siden over bare være ved mot',
  pl: 'i w na z do się nie że to jest o a jak po co ale od za tak przez jego przy dla już może są być który jednak była było tylko jej ich też lub oraz roku tym został także ze aby gdy',
  cs: 'a v se na je že s z do to o jako by k ve pro ale za po jsou jeho které které který jak bylo být také jen již podle tak při byl byla od nebo až',
  tr: 've bir bu da de için ile olarak çok daha ne gibi en kadar sonra olan ama her ise var mı ya o şu ki değil tarafından yüzde yılında',
  id: 'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh saya bisa sudah mereka atau kami telah lebih bahwa seperti hanya adalah',
  fi: 'ja on ei se että oli hän ovat mutta tai kun myös kanssa joka sen ole jos niin vain mukaan sekä hänen kuin nyt jo ollut',
  ro: 'și de în la a cu pe că nu din o un care este pentru mai au fost se ce sau iar după dar ca lui fi sunt între acest această',
  hu: 'a az és hogy nem is egy van meg de ez volt csak el már mint még ki azt után kell lesz vagy pedig között szerint',
};

export const STOPWORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(STOPWORDS_RAW).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);

/** The languages of STOPWORDS (in its order) and, for each function word, the indices of its languages. */
const LANGS: readonly string[] = Object.keys(STOPWORDS);
const LANGS_OF_WORD: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LANGS.forEach((lang, l) => {
    for (const w of STOPWORDS[lang] ?? []) map.set(w, [...(map.get(w) ?? []), l]);
  });
  return map;
})();

const ALL_STOPWORDS: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flatMap((s) => [...s]));

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu;

/**
 * The words of a lower-cased text as WORD matches them (runs of letters and marks, with an apostrophe and the
 * letters after it), Latin script only: calls `visit(start, end)` for each in order and returns true, or returns
 * false as soon as a character the scan does not know (another script) occurs (WORD must decide then; the words
 * visited so far are to be dropped).
 */
function scanWords(lower: string, visit: (start: number, end: number) => void): boolean {
  const n = lower.length;
  let start = -1; // start of the current word, -1 between words
  for (let i = 0; i < n; i++) {
    const k = latinClass(lower.charCodeAt(i));
    if (k === UNKNOWN) return false;
    if (k & LETTER_OR_MARK) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const c = lower.charCodeAt(i);
    let end = i;
    if (c === 39 || c === 0x2019) {
      // The apostrophe joins the letters (not marks) right after it, if any.
      let j = i + 1;
      for (; j < n; j++) {
        const kj = latinClass(lower.charCodeAt(j));
        if (kj === UNKNOWN) return false;
        if ((kj & LETTER_CLASS) === 0) break;
      }
      if (j > i + 1) {
        end = j;
        i = j - 1; // the loop goes on at j
      }
    }
    visit(start, end);
    start = -1;
  }
  if (start >= 0) visit(start, n);
  return true;
}

/**
 * The lower-cased words of a text: `text.toLowerCase().match(WORD)`. Latin-script text is scanned without the
 * regex (no array of matches built by it); a character the scan does not know (another script) hands the text to
 * the regex.
 */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  return scanWords(lower, (start, end) => out.push(lower.slice(start, end))) ? out : (lower.match(WORD) ?? []);
}

/**
 * The function words of all languages in an open-addressing table by FNV-1a hash of their UTF-16 code units, so
 * that a word of a text is looked up where it stands, without slicing it out (`functionWordCounts`).
 */
const FUNCTION_WORDS: readonly string[] = [...LANGS_OF_WORD.keys()];
const FUNCTION_WORD_LANGS: readonly (readonly number[])[] = [...LANGS_OF_WORD.values()];
const TABLE_MASK = 4095;
/** Index + 1 in FUNCTION_WORDS of the word in each slot, 0 for an empty slot. */
const FUNCTION_WORD_TABLE = new Int32Array(TABLE_MASK + 1);

function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

FUNCTION_WORDS.forEach((w, index) => {
  let slot = fnv1a(w, 0, w.length) & TABLE_MASK;
  while (FUNCTION_WORD_TABLE[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  FUNCTION_WORD_TABLE[slot] = index + 1;
});

/** Index in FUNCTION_WORDS of the word `lower[start, end)`, or -1. */
function functionWordAt(lower: string, start: number, end: number): number {
  for (let slot = fnv1a(lower, start, end) & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const entry = FUNCTION_WORD_TABLE[slot]!;
    if (entry === 0) return -1;
    const w = FUNCTION_WORDS[entry - 1]!;
    if (w.length === end - start && lower.startsWith(w, start)) return entry - 1;
  }
}

/**
 * The number of words of a text (`words(text).length`) and, per language of STOPWORDS (in its order), how many of
 * them are its function words.
 */
export function functionWordCounts(text: string): { words: number; hits: Int32Array } {
  const lower = text.toLowerCase();
  let hits = new Int32Array(LANGS.length);
  let n = 0;
  const counted = scanWords(lower, (start, end) => {
    n++;
    const index = functionWordAt(lower, start, end);
    if (index >= 0) for (const l of FUNCTION_WORD_LANGS[index]!) hits[l]!++;
  });
  if (counted) return { words: n, hits };
  // another script: the words as the regular expression finds them
  const ws = lower.match(WORD) ?? [];
  hits = new Int32Array(LANGS.length);
  for (const w of ws) {
    const langs = LANGS_OF_WORD.get(w);
    if (langs) for (const l of langs) hits[l]!++;
  }
  return { words: ws.length, hits };
}
const LETTER_OR_MARK = LETTER_CLASS | MARK;

/** Share of words that are function words of `lang` (or of any known language when lang is null). */
export function stopwordDensity(text: string, lang: string | null): number {
  const ws = words(text);
  if (ws.length === 0) return 0;
  const set = (lang && STOPWORDS[lang]) || ALL_STOPWORDS;
  let n = 0;
  for (const w of ws) if (set.has(w)) n++;
  return n / ws.length;
}

const LETTER = /^\p{L}$/u;

/** Writing systems by code-unit range (all in the Basic Multilingual Plane), in order of precedence on ties. */
const SCRIPTS: ReadonlyArray<readonly [number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0400, 0x04ff, 'cyrillic'],
  [0x0370, 0x03ff, 'el'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0590, 0x05ff, 'he'],
  [0x0e00, 0x0e7f, 'th'],
  [0x0900, 0x097f, 'hi'],
  [0x0980, 0x09ff, 'bn'],
  [0x0b80, 0x0bff, 'ta'],
  [0x10a0, 0x10ff, 'ka'],
  [0x0530, 0x058f, 'hy'],
];

/**
 * One pass over the sample: the number of letters (code points in \p{L}) and of code units in each script's range.
 * ASCII, the bulk of most texts, is decided without a regular expression.
 */
function countScripts(sample: string): { letters: number; counts: Int32Array } {
  const counts = new Int32Array(SCRIPTS.length);
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) letters++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length) {
      const next = sample.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (LETTER.test(sample.slice(i, i + 2))) letters++;
        i++;
        continue;
      }
    }
    const cls = latinClass(c);
    if (cls === UNKNOWN ? LETTER.test(sample[i] as string) : cls & LETTER_CLASS) letters++;
    for (let k = 0; k < SCRIPTS.length; k++) {
      const range = SCRIPTS[k] as readonly [number, number, string];
      if (c >= range[0] && c <= range[1]) counts[k]!++;
    }
  }
  return { letters, counts };
}

/** Detects the language of a text (ISO 639-1), or null when there is too little evidence. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  const { letters, counts } = countScripts(sample);
  if (letters < 20) return null;
  let best: [string, number] = ['', 0];
  SCRIPTS.forEach(([, , code], k) => {
    const n = counts[k] ?? 0;
    if (n > best[1]) best = [code, n];
  });
  if (best[1] > letters * 0.3) {
    const [code] = best;
    if (code === 'zh' && /[\u3040-\u30ff]/.test(sample)) return 'ja';
    if (code === 'cyrillic') {
      if (/[іїєґ]/i.test(sample)) return 'uk';
      if (/[ў]/i.test(sample)) return 'be';
      if (/[ђћџљњ]/i.test(sample)) return 'sr';
      if (/[ъ]/i.test(sample) && !/[ыэё]/i.test(sample)) return 'bg';
      return 'ru';
    }
    if (code === 'arabic') return /[پچژگ]/.test(sample) ? 'fa' : /[ٹڈڑںے]/.test(sample) ? 'ur' : 'ar';
    return code;
  }
  const { words: nWords, hits } = functionWordCounts(sample);
  if (nWords < 5) return null;
  const scores = mapPacked(LANGS, (lang, l): [string, number] => [lang, (hits[l] ?? 0) / nWords]);
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  if (!top || top[1] < 0.08) return null;
  // Swedish shares many function words with Danish/Norwegian but writes ä/ö where they write æ/ø.
  if ((top[0] === 'no' || top[0] === 'da') && /[äö]/i.test(sample) && !/[æø]/i.test(sample)) return 'sv';
  if (top[0] === 'sv' && /[æø]/i.test(sample) && !/[äö]/i.test(sample)) return second?.[0] ?? 'da';
  return top[0];
}
