/**
 * Last words of newspapers' and news agencies' names (`Denver Post`, `Boston Globe`, `Associated Press`, `San Diego
 * Union-Tribune`), shared by the entity resolver (a newspaper named after its place is one organisation), the
 * person-name rules (a name ending in one is no person) and the quote stage (`Wee of the Times reports`: the reporter,
 * not the paper). Words that are also common surnames (`Sun`, `Star`) are left to the callers that read them in a
 * context where a surname cannot stand.
 */
export const NEWSPAPER_LAST_WORDS: ReadonlySet<string> = new Set([
  'Times',
  'Post',
  'Journal',
  'News',
  'Press',
  'Tribune',
  'Union-Tribune',
  'Star-Tribune',
  'Star-Ledger',
  'Democrat-Gazette',
  'Herald',
  'Guardian',
  'Telegraph',
  'Chronicle',
  'Gazette',
  'Globe',
  'Examiner',
  'Inquirer',
  'Enquirer',
  'Observer',
  'Courier',
  'Dispatch',
  'Register',
  'Bulletin',
  'Ledger',
]);
