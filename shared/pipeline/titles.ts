/**
 * Words that stand before a person's name, shared by the entity resolver (which trims them off a mention) and the
 * quote stage (which strips them from a speaker and reads them as evidence of a person). Lower case, without the
 * trailing full stop of an abbreviation.
 */

/** Honorifics, ranks and offices: `Mr.`, `Sgt.`, `Sen.`, `Mayor`, `Spokeswoman`, `Former` (as in `Former Gov.`). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  // honorifics
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
  'sheikh',
  // Indian English honorifics (`Shri Ashok Rao`, `Smt Lata Joshi`); not `Sri` (`Sri Lanka`, the given name of `Sri
  // Mulyani`) nor `Kumari` (a middle name as often as a title)
  'shri',
  'shrimati',
  'smt',
  // British local government (`Cllr Ann Hobbs`)
  'cllr',
  'councillor',
  'councilor',
  // royalty and clergy
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'cardinal',
  'bishop',
  'rev',
  'reverend',
  'pastor',
  'father',
  'sister',
  'rabbi',
  'imam',
  // military and police ranks
  'gen',
  'general',
  'lt',
  'lieutenant',
  'maj',
  'major',
  'col',
  'colonel',
  'capt',
  'captain',
  'cmdr',
  'commander',
  'sgt',
  'sergeant',
  'cpl',
  'corporal',
  'adm',
  'admiral',
  'brigadier',
  'commodore',
  'marshal',
  'ensign',
  'midshipman',
  'seaman',
  'airman',
  'aircraftman',
  'constable',
  'officer',
  'detective',
  'inspector',
  'agent',
  'trooper',
  'sheriff',
  // offices
  'president',
  'vice',
  'prime',
  'premier',
  'chancellor',
  'minister',
  'secretary',
  'ambassador',
  'envoy',
  'sen',
  'sens',
  'senator',
  'rep',
  'reps',
  'representative',
  'del',
  'delegate',
  'gov',
  'governor',
  'mayor',
  'councilman',
  'councilwoman',
  'commissioner',
  'superintendent',
  'speaker',
  'judge',
  'justice',
  'attorney',
  'prosecutor',
  'coroner',
  'chief',
  'director',
  'chairman',
  'chairwoman',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'coach',
  'deputy',
  'former',
  'state',
]);

/** Occupations and political labels written before a name (`Economist Farah Haddad`, `nominee Tom Kessler`). */
export const PERSON_DESCRIPTORS: ReadonlySet<string> = new Set([
  'democrat',
  'republican',
  'candidate',
  'nominee',
  'pilot',
  'farmer',
  'engineer',
  'economist',
  'analyst',
  'lawyer',
  'doctor',
  'nurse',
  'teacher',
  'activist',
  'author',
  'writer',
  'host',
  'anchor',
  'widow',
  'veteran',
]);

/**
 * Titles that are part of how a person is named when a single given name follows (`Prince Andrew`, `Queen
 * Elizabeth`, `Pope Francis`): the person goes by title and name, not by the name alone.
 */
export const REGNAL_TITLES: ReadonlySet<string> = new Set([
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'emperor',
  'empress',
  'duke',
  'duchess',
  'crown',
]);

/**
 * Kinds of company written right before a company's name, like a title before a person's (`Developer Nordwind`,
 * `the carmaker Volta`, `record label Harbor`): shared by the entity stage (a name after one is an organisation's)
 * and the quote stage (`Developer Nordwind said`: the company, not a person). Generic nouns that also head people's
 * titles (`Group Captain`, `Union Minister`) are left to the callers that read them in lower case.
 */
export const COMPANY_KINDS: readonly string[] = [
  'developer',
  'publisher',
  'studio',
  'label',
  'retailer',
  'distributor',
  'streamer',
  'broadcaster',
  'manufacturer',
  'airline',
  'insurer',
  'lender',
  'startup',
  'supermarket',
  'grocer',
  'automaker',
  'carmaker',
  'chipmaker',
  'drugmaker',
  'gamemaker',
  'phonemaker',
  'planemaker',
  'softwaremaker',
  'steelmaker',
  'toymaker',
  'truckmaker',
  'vaccinemaker',
];

/**
 * Fields a public body or an office is named for, the word before `and` in such names (`Fire and Rescue Service`,
 * `Health and Human Services Secretary`, `Police and Crime Commissioner`): shared by the entity stage (the two halves
 * are one organisation) and the quote stage (an office before a name, not two people).
 */
export const REMIT_WORDS: ReadonlySet<string> = new Set(
  'ambulance agriculture arts business children commerce crime culture customs defence defense education employment energy enterprise environment family fire fish fisheries food forestry health heritage homeland housing immigration industry justice labor labour marine mental mines parks planning police roads safety science security skills social sport tourism trade transport transportation water wildlife works youth'.split(
    ' ',
  ),
);
