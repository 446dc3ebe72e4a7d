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
