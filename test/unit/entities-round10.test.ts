import { describe, expect, it } from 'vitest';
import { annotateText } from '../../shared/pipeline/annotate-text.ts';

/**
 * What a user sees of an invented news text: an entity (`Name/TYPE`) that must be there, one that must not, or the
 * speaker a quote (found by a piece of its text) is given.
 */
type Expected = { has: string } | { not: string } | { quote: string; speaker: string | null };

/** Entity-stage fixes of the tenth round (all texts and names invented). */
const ROWS: Array<[string, Expected[]]> = [
  // a given name and surname the tagger left out (or cut to the surname) after an office or an honorific
  [
    'Rep. Priya Thangavelu filed the motion on Monday. The congresswoman said it was overdue.',
    [{ has: 'Priya Thangavelu/PERSON' }, { quote: 'it was overdue', speaker: 'Priya Thangavelu' }],
  ],
  [
    'Sen. Priya Venkataraman introduced a bill. The senator said it would pass.',
    [{ has: 'Priya Venkataraman/PERSON' }],
  ],
  // a company's name the tagger left out, as the subject of a verb other than `said`
  [
    'Merrivane Motors is recalling about 95,000 vehicles. A fuel pump may fail, the automaker said Friday.',
    [{ has: 'Merrivane Motors/ORGANIZATION' }],
  ],
  [
    'Dunmere Foods is cutting about 300 jobs. Demand has fallen, the company said.',
    [{ has: 'Dunmere Foods/ORGANIZATION' }],
  ],
  [
    'Calloway Pharmaceuticals is recalling about 9,000 bottles of cough syrup.',
    [{ has: 'Calloway Pharmaceuticals/ORGANIZATION' }],
  ],
  // (not a sentence-opening phrase whose first word the text writes in lower case)
  ['Local Industries are struggling, and local shops are closing.', [{ not: 'Local Industries/ORGANIZATION' }]],
  // an organisation's name with `and` after a field it is named for, whole
  [
    "Members of the Transport and General Workers' Alliance voted to strike on Monday.",
    [{ has: "Transport and General Workers' Alliance/ORGANIZATION" }, { not: 'Transport/LOCATION' }],
  ],
  [
    'Delegates of the Energy and Allied Trades Union met in Leeds.',
    [{ has: 'Energy and Allied Trades Union/ORGANIZATION' }, { not: 'Allied Trades Union/PERSON' }],
  ],
  [
    'The State Department of Fish and Wildlife closed the lake on Friday.',
    [{ has: 'State Department of Fish and Wildlife/ORGANIZATION' }, { not: 'Wildlife/LOCATION' }],
  ],
  // a name between an owner and its site is a place
  [
    'Harwick said it would shut its Pellingham factory in May.',
    [{ has: 'Pellingham/LOCATION' }, { not: 'Pellingham/ORGANIZATION' }],
  ],
  // (not a brand the gazetteer knows as an organisation's and no place's)
  ['The group said its Reuters offices in London would stay open.', [{ has: 'Reuters/ORGANIZATION' }]],
  // a fashion house named after its founder is the firm, and no one a pronoun goes back to
  [
    'Nadia Vey spent a decade at the couture house Aurelie. She said the job was exhausting.',
    [{ has: 'Aurelie/ORGANIZATION' }, { quote: 'the job was exhausting', speaker: 'Nadia Vey' }],
  ],
  // (not `the house` a person bought)
  ['The drummer sold the house Lydia bought in 2010. She said nothing.', [{ not: 'Lydia/ORGANIZATION' }]],
  // a nickname in quote marks after a descriptor the tagger took in with the first name
  ['Rifler Tomas "Vex" Andrade starred for Nightglass in the final.', [{ has: 'Tomas "Vex" Andrade/PERSON' }]],
  [
    'Goalkeeper Mateo "Muro" Salgado saved two penalties. "I guessed right," Salgado said.',
    [{ has: 'Mateo "Muro" Salgado/PERSON' }, { not: 'Goalkeeper Mateo/ORGANIZATION' }],
  ],
  // a name the list lacks after an office, in a phrase the tagger typed an organisation
  [
    'Talks between NATO allies ended. NATO Secretary General Pieter Janssens, speaking in Brussels, said the deal was historic.',
    [{ has: 'Pieter Janssens/PERSON' }, { quote: 'the deal was historic', speaker: 'Pieter Janssens' }],
  ],
  [
    'UN members agreed on Thursday. UN Secretary General Pieter Janssens said the deal was historic.',
    [{ has: 'Pieter Janssens/PERSON' }],
  ],
  // a bare company name said by is the company when the text shows it to be one
  [
    "Kestrix said the cuts were needed. The company's plant in Dunmore employs 900 people. Kestrix's shares fell 3%.",
    [{ has: 'Kestrix/ORGANIZATION' }, { not: 'Kestrix/PERSON' }],
  ],
  [
    'Dravelle Motors is recalling about 80,000 cars. Dravelle said the fault had caused no injuries.',
    [{ has: 'Dravelle/ORGANIZATION' }, { not: 'Dravelle/PERSON' }],
  ],
  [
    'Northmere Power issued a warning, saying customers should expect outages. The company said the storm was severe.',
    [{ has: 'Northmere Power/ORGANIZATION' }, { quote: 'customers should expect outages', speaker: 'Northmere Power' }],
  ],
  // (not the founder of the same name)
  [
    'Trevane Foods was founded by Mira Trevane in 1990. Trevane said the business had been hard.',
    [{ quote: 'the business had been hard', speaker: 'Mira Trevane' }],
  ],
];

describe('entity stage, round 10', () => {
  it.each(ROWS)('%s', (text, expected) => {
    const { entities, quotes } = annotateText(text);
    const seen = entities.map((e) => `${e.name}/${e.type}`);
    for (const x of expected) {
      if ('has' in x) expect(seen).toContain(x.has);
      else if ('not' in x) expect(seen).not.toContain(x.not);
      else {
        const q = quotes.find((q) => text.slice(q.start, q.end).includes(x.quote));
        expect(q, x.quote).toBeDefined();
        expect(q!.speaker).toBe(x.speaker);
      }
    }
  });
});
