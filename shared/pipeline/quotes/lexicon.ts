/** Word lists of the quotes stage: speech verbs, titles, pronouns, organisation heads. General English, not fitted. */

import { COMPANY_KINDS, PERSON_DESCRIPTORS, PERSON_TITLES } from '../titles.ts';

/** Speech/attribution verb lemma → its inflected forms. */
const CUE_LEMMAS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  note: ['note', 'notes', 'noted', 'noting'],
  continue: ['continue', 'continues', 'continued', 'continuing'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  state: ['state', 'states', 'stated', 'stating'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  answer: ['answer', 'answers', 'answered', 'answering'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  conclude: ['conclude', 'concludes', 'concluded', 'concluding'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  counter: ['counters', 'countered', 'countering'],
  remark: ['remarks', 'remarked', 'remarking'],
  observe: ['observes', 'observed', 'observing'],
  joke: ['jokes', 'joked', 'joking'],
  quip: ['quips', 'quipped', 'quipping'],
  tweet: ['tweets', 'tweeted', 'tweeting'],
  post: ['posted'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  promise: ['promises', 'promised', 'promising'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  charge: ['charged'],
  exclaim: ['exclaims', 'exclaimed'],
  shout: ['shouts', 'shouted', 'shouting'],
  yell: ['yells', 'yelled', 'yelling'],
  boast: ['boasts', 'boasted', 'boasting'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  describe: ['describe', 'describes', 'described', 'describing'],
  emphasize: ['emphasizes', 'emphasized', 'emphasizing', 'emphasises', 'emphasised'],
  stress: ['stresses', 'stressed', 'stressing'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  report: ['reports', 'reported', 'reporting'],
  reiterate: ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  muse: ['mused', 'muses'],
  wonder: ['wondered', 'wonders'],
  question: ['questioned', 'questioning'],
  call: ['call', 'calls', 'called', 'calling'],
  term: ['termed', 'terms', 'terming'],
  fume: ['fumed', 'fumes', 'fuming'],
  chant: ['chant', 'chanted', 'chanting'],
  sing: ['sings', 'sang'],
  read: ['reads'],
  accuse: ['accuse', 'accused', 'accuses', 'accusing'],
  blast: ['blast', 'blasted', 'blasts'],
  condemn: ['condemn', 'condemned', 'condemns'],
  criticize: ['criticize', 'criticized', 'criticised', 'criticizes'],
  dismiss: ['dismiss', 'dismissed'],
  label: ['labeled', 'labelled'],
  cite: ['cited', 'cites'],
  encourage: ['encouraged', 'encourages', 'encouraging'],
  plead: ['pleaded', 'pled'],
  demand: ['demanded', 'demands'],
  order: ['ordered'],
  maintain: ['maintained', 'maintains'],
  reveal: ['revealed', 'reveals'],
  recount: ['recounted', 'recounts'],
  volunteer: ['volunteered'],
  relate: ['related', 'relates'],
  whisper: ['whispered'],
  murmur: ['murmured'],
  scream: ['screamed'],
  cry: ['cried'],
  sigh: ['sighed'],
  laugh: ['laughed'],
  agree: ['agreed', 'agrees'],
  pledge: ['pledged', 'pledges'],
  proclaim: ['proclaimed', 'proclaims'],
  mention: ['mentioned'],
  concur: ['concurred'],
  interject: ['interjected'],
  retort: ['retorted'],
  snap: ['snapped'],
  scoff: ['scoffed'],
  thunder: ['thundered'],
  opine: ['opined'],
  comment: ['commented', 'comments', 'commenting'],
  characterize: ['characterize', 'characterized', 'characterised', 'characterizes'],
  liken: ['likened'],
  decry: ['decry', 'decried'],
  lament: ['lament', 'lamented'],
  tout: ['touted'],
  scold: ['scolded'],
  praise: ['praise', 'praised'],
  slam: ['slam', 'slammed'],
  rate: ['rated', 'rates'],
  put: [],
  speculate: ['speculated'],
  caution: ['cautioned', 'cautions', 'cautioning'],
  assure: ['assure', 'assured', 'assures', 'assuring'],
  reassure: ['reassure', 'reassured', 'reassures', 'reassuring'],
  remind: ['reminded', 'reminds', 'reminding'],
  mutter: ['muttered', 'mutters'],
  grumble: ['grumbled', 'grumbles'],
  gush: ['gushed', 'gushes'],
  confide: ['confided', 'confides'],
  confess: ['confess', 'confessed', 'confesses'],
  allege: ['allege', 'alleged', 'alleges', 'alleging'],
  threaten: ['threatened', 'threatens', 'threatening'],
  brag: ['bragged', 'brags', 'bragging'],
  elaborate: ['elaborated', 'elaborates'],
  clarify: ['clarified', 'clarifies'],
  hint: ['hinted', 'hints'],
  disclose: ['disclosed', 'discloses'],
};

export const CUE_FORM_TO_LEMMA: ReadonlyMap<string, string> = new Map(
  Object.entries(CUE_LEMMAS).flatMap(([lemma, forms]) => forms.map((f) => [f, lemma] as const)),
);

/** Verbs that are speech cues only with strong context (an object pronoun or a quote right after). */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'call',
  'term',
  'describe',
  'label',
  'cite',
  'read',
  'post',
  'rate',
  'praise',
  'tout',
]);

/** Honorifics and job titles that may precede a name ("Sen. Claire Hobbs", "Secretary of State Ann Lee"). */
export const TITLES: ReadonlySet<string> = new Set([...PERSON_TITLES, ...PERSON_DESCRIPTORS]);

/** Honorifics that say the gender. */
export const MALE_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'sir', 'king', 'prince', 'lord', 'father', 'shri']);
export const FEMALE_HONORIFICS: ReadonlySet<string> = new Set([
  'mrs',
  'ms',
  'miss',
  'smt',
  'shrimati',
  'dame',
  'queen',
  'princess',
  'lady',
  'sister',
  'councilwoman',
  'chairwoman',
  'spokeswoman',
]);

export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'n' | 'p' | 'i'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['it', 'n'],
  ['they', 'p'],
  ['we', 'p'],
  ['i', 'i'],
  ['you', 'p'],
]);

/** Heads that make a capitalised sequence an organisation rather than a person. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  ...COMPANY_KINDS,
  ...'firm brokerage business conglomerate military navy government regime cabinet parliament legislature'.split(' '),
  ...'agency association administration army authority bank board bureau productions studios rail railway railways transit utility utilities entertainment pictures holdings partners ventures labs systems technologies industries enterprises airlines motors campaign center centre church city club coalition college command commission committee company congress corp corporation council county court department embassy force forum foundation fund group guard house inc institute institution journal league ltd magazine media ministry network news office organization organisation panel party police post press project reuters school senate service society staff team times tribune union university watch network network foundation alliance caucus cnn fbi cia nato msnbc fox abc nbc cbs npr ap afp un eu pentagon whitehouse gop dnc rnc times post politifact'.split(
    ' ',
  ),
]);

/** Words that start a nominal (non-name) speaker phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'one',
  'another',
  'some',
  'many',
  'several',
  'multiple',
  'numerous',
  'other',
  'most',
  'two',
  'three',
  'four',
  'both',
  'all',
  'these',
  'those',
  'this',
  'that',
  'each',
  'every',
  'few',
  'no',
]);

/** Lower-case words that end a subject phrase when walking left from a verb (clause openers, conjunctions). */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  'and',
  'but',
  'or',
  'so',
  'because',
  'since',
  'when',
  'while',
  'after',
  'before',
  'as',
  'if',
  'though',
  'although',
  'where',
  'whereas',
  'then',
  'yet',
  'that',
  'until',
  'once',
  'than',
  'whether',
  'why',
  'how',
  'what',
]);

/** Words ending in -ly that are nouns or name groups, not adverbs ("Kopp's family urged", "the elderly said"). */
const LY_NOUNS: ReadonlySet<string> = new Set(
  'family families ally rally assembly supply monopoly anomaly bully belly tally folly jelly lily reply homily elderly weekly daily monthly quarterly july italy'.split(
    ' ',
  ),
);

/** An adverb by its -ly form ("repeatedly", "angrily"), not a noun that ends the same way ("family"). */
export function isLyAdverb(word: string): boolean {
  return /^\w{3,}ly$/.test(word) && !LY_NOUNS.has(word);
}

/** Adverbs/auxiliaries that may sit between a subject and its speech verb ("Smith also said", "she has said"). */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set([
  'flat-out',
  'outright',
  'also',
  'now',
  'already',
  'later',
  'then',
  'again',
  'once',
  'previously',
  'repeatedly',
  'recently',
  'further',
  'simply',
  'just',
  'has',
  'have',
  'had',
  'would',
  'will',
  'could',
  'did',
  'does',
  'do',
  'is',
  'was',
  'were',
  'are',
  'reportedly',
  'publicly',
  'privately',
  'often',
  'frequently',
  'famously',
  'flatly',
  'bluntly',
  'quickly',
  'angrily',
  'quietly',
  'loudly',
  'calmly',
  'firmly',
  'openly',
  'only',
  'finally',
  'first',
  'still',
  'even',
  'never',
  'always',
  'already',
  'jokingly',
  'sarcastically',
  'recently',
  'been',
  'being',
  'not',
  'proudly',
  'confidently',
  'tersely',
  'insistently',
  'emphatically',
  'succinctly',
  'cheerfully',
  'candidly',
  'cannot',
  'can',
  'must',
  'should',
  'shall',
  'may',
  'might',
  'somehow',
  'instead',
  'subsequently',
  'eventually',
  'initially',
  'originally',
  'immediately',
]);

/** Words before a quote that make it a name/label rather than speech ("so-called “reforms”", "dubbed “X”"). */
export const SCARE_PREFIX =
  /(?:so-called|so called|dubbed|nicknamed|known as|termed|the (?:word|words|term|phrase|slogan|label|hashtag|nickname|motto|title|headline)|titled|entitled|headlined|captioned|branded|slogan|hashtag|(?:placards?|signs?|banners?|posters?|t-shirts?|shirts?)\s+(?:that\s+)?(?:read|reads|reading|said|saying|bearing))\s*$/i;

/** Capitalised words that name a group, party or nationality rather than a person. */
export const NOT_PERSON: ReadonlySet<string> = new Set(
  'republican republicans democrat democrats democratic gop libertarian conservative conservatives liberal liberals american americans congress senate house white progressive progressives independent independents'.split(
    ' ',
  ),
);

/**
 * Words between a subject and a quote that show the quote gives someone's words, with no speech verb: a verb of
 * judging or naming (`pounding Trump as a “…”`, `Japan branded North Korea an “…”`) or a noun for what was said
 * (`his statement about “…”`).
 */
export const INTRODUCER =
  /\b(?:brand(?:s|ed|ing)?|attack(?:s|ed|ing)?|admir(?:e|es|ed|ing)|laud(?:s|ed|ing)?|denounc\w*|pound(?:s|ed|ing)|g(?:o|oes|one|oing|ent) after|exhort\w*|referenc\w*|invok\w*|derid\w*|mock(?:s|ed|ing)?|hail(?:s|ed|ing)?|ridicul\w*|portray\w*|lash(?:es|ed|ing)? out|rail(?:s|ed|ing)? against|defend(?:s|ed|ing)?|insult(?:s|ed|ing)?|dubb?(?:s|ed|ing)?|compar(?:e|es|ed|ing)|rul(?:e|es|ed|ing)|eulogi[sz]\w*|beg(?:s|ged|ging)?|refer(?:s|red|ring)? to|statements?|remarks?|criticism|claims?|words|message|letter|tweets?|speech|posts?|comments?|pledges?|promises?|vows?|complaint|interview|editorial|column|op-ed|memo|testimony|filing|lawsuit|campaign)\b/i;

/** Words that open a subordinate clause at the start of a sentence (`While …, `, `Although …, `, `As …, `). */
export const CLAUSE_OPENERS =
  'when|whenever|if|because|as|after|before|while|since|although|though|once|until|unless|whereas';
