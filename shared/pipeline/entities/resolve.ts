/**
 * Within-article entity resolution: one entity per real-world thing.
 *
 * - Mentions are trimmed of leading titles (`Capt.`, `President`, `spokeswoman`) and trailing possessives (`'s`).
 * - Acronyms defined in the text (`Long Name (LN)`, `Long Name, known as LN`, `known by its French acronym LN`,
 *   `LN (Long Name)`) become aliases of the long form; their other occurrences are added as mentions.
 * - A one-word person mention (`Nuland`) joins the person whose full name ends (or starts) with it: the nearest
 *   one before it, else the first after it.
 * - Identical surfaces are one entity (type by majority, PERSON wins ties with a known full name).
 * Canonical name = the longest form; salience mixes mention count and how early the entity first appears.
 */
import type { Entity, EntityType, Mention, Span } from '../types.ts';

/** Lower-cased words that are titles or roles, not part of a name (trailing period ignored). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'vice',
  'prime',
  'minister',
  'premier',
  'chancellor',
  'secretary',
  'general',
  'gen',
  'capt',
  'captain',
  'col',
  'colonel',
  'lt',
  'lieutenant',
  'maj',
  'major',
  'sgt',
  'sergeant',
  'cpl',
  'corporal',
  'adm',
  'admiral',
  'cmdr',
  'commander',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'mayor',
  'judge',
  'justice',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'rev',
  'reverend',
  'father',
  'sheikh',
  'imam',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'chief',
  'director',
  'coach',
  'manager',
  'officer',
  'inspector',
  'detective',
  'agent',
  'attorney',
  'deputy',
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'state',
  'assistant',
  'former',
  'late',
  'ceo',
]);

const POSSESSIVE_RE = /(?:['’]s|['’])$/;

function isTitleWord(w: string): boolean {
  return TITLE_WORDS.has(w.replace(/\.$/, '').toLowerCase());
}

/** Trim titles and possessives off a mention span; null when nothing of a name is left. */
export function trimMention(text: string, m: Mention): Mention | null {
  let start = m.start;
  let end = m.end;
  // possessive
  const tail = POSSESSIVE_RE.exec(text.slice(start, end));
  if (tail && end - tail[0].length > start) end -= tail[0].length;
  if (m.type === 'PERSON') {
    // leading title words, as long as a capitalised word stays
    for (;;) {
      const sp = /^(\S+)\s+/.exec(text.slice(start, end));
      if (!sp || !isTitleWord(sp[1]!)) break;
      start += sp[0].length;
    }
  }
  while (end > start && /[\s,.;:]/.test(text[end - 1]!) && !/\b\p{Lu}\.$/u.test(text.slice(start, end))) end--;
  if (end <= start) return null;
  return { start, end, text: text.slice(start, end), type: m.type };
}

const ACRONYM = String.raw`([\p{Lu}][\p{Lu}\p{N}&.-]{1,14})`;
const KNOWN_AS_RE = new RegExp(
  String.raw`^\s*[,(]?\s*(?:also\s+|better\s+|commonly\s+|widely\s+)?(?:known|referred\s+to|abbreviated)\s+(?:(?:as|by)\s+(?:its|their|the)?\s*(?:[\p{L}-]+\s+){0,2}(?:acronym|initials|abbreviation|name)s?\s*,?\s*|as\s+)["“'‘]?` +
    ACRONYM,
  'u',
);
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

export function slugify(s: string): string {
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
function findAcronyms(text: string, mentions: readonly Mention[]): Map<string, Mention> {
  const defs = new Map<string, Mention>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (wordsOf(m.text).length < 2) continue;
    const after = text.slice(m.end, m.end + 120);
    const hit = PAREN_RE.exec(after) ?? KNOWN_AS_RE.exec(after);
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

/** Resolve tagged mentions of `text` into entities. */
export function resolveMentions(text: string, tagged: readonly Mention[]): Entity[] {
  let mentions = tagged
    .map((m) => trimMention(text, m))
    .filter((m): m is Mention => m !== null)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  // acronyms: definitions, then every other occurrence of a defined acronym becomes a mention
  const acronyms = findAcronyms(text, mentions);
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
    byForm.set(norm(m.text), g);
  };
  const newGroup = (m: Mention): Group => {
    const g: Group = { type: m.type, forms: new Map(), mentions: [], votes: new Map() };
    groups.push(g);
    add(g, m);
    return g;
  };

  // 1. multi-word mentions first (they define full names), then the rest
  const multi = mentions.filter((m) => wordsOf(m.text).length > 1);
  const single = mentions.filter((m) => wordsOf(m.text).length <= 1);
  for (const m of multi) {
    const g = byForm.get(norm(m.text));
    if (g) add(g, m);
    else newGroup(m);
  }
  // full-name persons, indexed by last and first word
  const persons = groups.filter((g) => g.type === 'PERSON');
  const personByWord = (w: string, at: number): Group | undefined => {
    const cands = persons.filter((g) =>
      [...g.forms.keys()].some((f) => {
        const ws = wordsOf(norm(f));
        return ws[ws.length - 1] === w || ws[0] === w;
      }),
    );
    if (cands.length <= 1) return cands[0];
    const before = cands
      .map((g) => ({ g, last: Math.max(...g.mentions.filter((m) => m.start < at).map((m) => m.start), -1) }))
      .filter((x) => x.last >= 0)
      .sort((a, b) => b.last - a.last);
    return before[0]?.g ?? cands[0];
  };
  for (const m of single) {
    const key = norm(m.text);
    const long = acronyms.get(m.text);
    if (long) {
      const g = byForm.get(norm(long.text));
      if (g) {
        add(g, m);
        continue;
      }
    }
    const same = byForm.get(key);
    if (same) {
      add(same, m);
      continue;
    }
    if (m.type === 'PERSON' || m.type === 'ORGANIZATION' || m.type === 'MISC') {
      const p = personByWord(key, m.start);
      if (p && (m.type === 'PERSON' || !isAcronymLike(m.text))) {
        add(p, m);
        continue;
      }
    }
    newGroup(m);
  }

  // 2. build entities
  const textLen = Math.max(1, text.length);
  const raw = groups.map((g) => {
    const ms = g.mentions.sort((a, b) => a.start - b.start);
    let type = g.type;
    let best = -1;
    for (const [t, v] of g.votes) {
      if (v > best || (v === best && t === g.type)) {
        best = v;
        type = t;
      }
    }
    if (persons.includes(g)) type = 'PERSON';
    const forms = [...g.forms.keys()];
    const name = forms.reduce((a, b) => {
      const wa = wordsOf(a).length;
      const wb = wordsOf(b).length;
      if (wb !== wa) return wb > wa ? b : a;
      return b.length > a.length ? b : a;
    });
    const first = ms[0]!;
    const score = ms.length + 2 * (1 - first.start / textLen);
    return { g, type, name, forms, ms, score };
  });
  const maxScore = Math.max(1, ...raw.map((r) => r.score));
  const usedIds = new Set<string>();
  const out: Entity[] = raw.map((r) => {
    let id = `${r.type}:${slugify(r.name)}`;
    for (let k = 2; usedIds.has(id); k++) id = `${r.type}:${slugify(r.name)}-${k}`;
    usedIds.add(id);
    const aliases = [...new Set(r.forms.filter((f) => f !== r.name))];
    return {
      id,
      name: r.name,
      type: r.type,
      aliases,
      mentions: r.ms.map((m) => ({ start: m.start, end: m.end, text: m.text })),
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
