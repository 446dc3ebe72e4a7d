import { describe, expect, it } from 'vitest';
import { annotateText } from '../../shared/pipeline/annotate-text.ts';

/** A quote as a user sees it: its type, its speaker and what was said. */
interface Seen {
  type: 'direct' | 'partial' | 'indirect';
  speaker: string | null;
  text: string;
}

/**
 * Reported speech and what was said: `[name, text, every quote expected]`. All texts are invented; each row failed
 * before the fix it names.
 */
const ROWS: Array<[string, string, Seen[]]> = [
  // trailing attributions
  [
    'a closing `…, X told <hearer>.` by people who are no speaking noun',
    'The depot will close in the spring, two people familiar with the plans told the Harbor Gazette.',
    [
      {
        type: 'indirect',
        speaker: 'two people familiar with the plans',
        text: 'The depot will close in the spring',
      },
    ],
  ],
  [
    'the same with when it was told',
    'The mill would shed 200 jobs, three workers briefed on the talks told reporters on Monday.',
    [{ type: 'indirect', speaker: 'three workers briefed on the talks', text: 'The mill would shed 200 jobs' }],
  ],
  [
    'a name set off by commas before a predicate is no speaker of a closing `…, the officials said`',
    'The envoy, Tobias Mwangi-Hale, handed Ostrava a ceasefire draft, the officials said, speaking on the condition of anonymity because the talks were private.',
    [
      {
        type: 'indirect',
        speaker: 'the officials',
        text: 'The envoy, Tobias Mwangi-Hale, handed Ostrava a ceasefire draft',
      },
    ],
  ],
  [
    '`…, he told <hearer> at <a named place> on <day>.`',
    'The ceasefire talks had stalled, he told reporters at the Palace of Nations on Tuesday.',
    [{ type: 'indirect', speaker: 'he', text: 'The ceasefire talks had stalled' }],
  ],
  [
    '`…, X said, asking not to be named`: the clause before X, whoever X is',
    'The senator, Ilya Brandt, gave the donors a private briefing, three attendees said, asking not to be named.',
    [
      {
        type: 'indirect',
        speaker: 'three attendees',
        text: 'The senator, Ilya Brandt, gave the donors a private briefing',
      },
    ],
  ],
  [
    '`…, X told <hearer>, adding that …`: both reports',
    'The ministry will scrap the levy, people familiar with the plan told the Courier, adding that a vote was set for June.',
    [
      { type: 'indirect', speaker: 'people familiar with the plan', text: 'The ministry will scrap the levy' },
      { type: 'indirect', speaker: 'people familiar with the plan', text: 'a vote was set for June' },
    ],
  ],
  // verbs
  [
    '`noted` with a clause in the past and no `that`',
    'Dr. Ilse Varga led the survey. She noted the responses skewed slightly younger.',
    [{ type: 'indirect', speaker: 'Ilse Varga', text: 'the responses skewed slightly younger' }],
  ],
  [
    '`noted` with a bare plural and a verb that takes no object',
    'The finance chief noted quarterly sales rose in every region.',
    [{ type: 'indirect', speaker: 'The finance chief', text: 'quarterly sales rose in every region' }],
  ],
  [
    'control: `confirmed` with a plural and a participle reports nothing',
    'The finance chief confirmed reports published earlier this week.',
    [],
  ],
  [
    'control: `noted` with a noun phrase reports nothing',
    'Dr. Ilse Varga noted the problems raised by the auditors.',
    [],
  ],
  [
    '`agreed that`',
    'Councillor Brann Oduya agreed that the pilot scheme should run another year.',
    [{ type: 'indirect', speaker: 'Brann Oduya', text: 'the pilot scheme should run another year' }],
  ],
  [
    'verbs of saying that report with `that` (`declared`, `hinted`, `pledged`, `remarked`)',
    'Governor Alma Reyes declared that the drought was over. Her deputy, Colm Tierney, hinted to reporters that rationing would end. Reyes pledged that reservoirs would be expanded. Tierney remarked that the rain had come late.',
    [
      { type: 'indirect', speaker: 'Alma Reyes', text: 'the drought was over' },
      { type: 'indirect', speaker: 'Colm Tierney', text: 'rationing would end' },
      { type: 'indirect', speaker: 'Alma Reyes', text: 'reservoirs would be expanded' },
      { type: 'indirect', speaker: 'Colm Tierney', text: 'the rain had come late' },
    ],
  ],
  [
    'control: the same verbs with a noun phrase or an infinitive report nothing, and evidence indicates no one’s words',
    'Governor Alma Reyes declared an emergency and pledged to expand the reservoirs. Nothing indicated that the rain would come.',
    [],
  ],
  ['control: `agreed to` reports nothing', 'Councillor Brann Oduya agreed to run the pilot scheme another year.', []],
  [
    'a question in quote marks, then `X said.`: X, not the speaker before in the paragraph',
    '"The levy is fair," said Mayor Lena Troost. "Fair?" Corvell said. "Ask the bakers."',
    [
      { type: 'direct', speaker: 'Lena Troost', text: 'The levy is fair,' },
      { type: 'direct', speaker: 'Corvell', text: 'Fair?' },
      { type: 'direct', speaker: 'Corvell', text: 'Ask the bakers.' },
    ],
  ],
  [
    '`fired back` is a verb of saying for the quotes around it',
    'Mayor Lena Troost defended the levy. "A tax?" Corvell fired back. "Call it what it is."',
    [
      { type: 'direct', speaker: 'Corvell', text: 'A tax?' },
      { type: 'direct', speaker: 'Corvell', text: 'Call it what it is.' },
    ],
  ],
  // a partial quote of another speaker inside a report
  [
    'a report holding a partial quote of someone else: the report, and the partial by its own speaker',
    'A pensioner reported that he lost $2,300 after a man posing as a courier told him the parcel was "held at customs".',
    [
      {
        type: 'indirect',
        speaker: 'A pensioner',
        text: 'he lost $2,300 after a man posing as a courier told him the parcel was "held at customs"',
      },
      { type: 'partial', speaker: 'a man', text: 'held at customs' },
    ],
  ],
  [
    '`what X called “…”` inside a sentence a closing source reports',
    'Billed by the ministry as what the Treasury called "technical talks," the visit was about a loan, according to two diplomats.',
    [
      {
        type: 'indirect',
        speaker: 'two diplomats',
        text: 'Billed by the ministry as what the Treasury called "technical talks," the visit was about a loan',
      },
      { type: 'partial', speaker: 'Treasury', text: 'technical talks,' },
    ],
  ],
  [
    '`As for “…,”` takes up someone else’s words: the closing speaker reports the rest',
    'As for "the lowest crime rate ever," that is plainly false: burglaries rose in 2021, researchers noted.',
    [
      { type: 'partial', speaker: null, text: 'the lowest crime rate ever,' },
      { type: 'indirect', speaker: 'researchers', text: 'that is plainly false: burglaries rose in 2021' },
    ],
  ],
  [
    'a partial quote whose speaker and verb sit in the clause another speaker reports',
    'The tenant union said management had called the rent offer "final" before talks began.',
    [
      {
        type: 'indirect',
        speaker: 'The tenant union',
        text: 'management had called the rent offer "final" before talks began',
      },
      { type: 'partial', speaker: 'management', text: 'final' },
    ],
  ],
  [
    'control: a report whose clause holds its own speaker’s partial quote stays one partial quote',
    'Mr. Halloran said he accepted there was a fault but it was "not this fix".',
    [{ type: 'partial', speaker: 'Halloran', text: 'not this fix' }],
  ],
  [
    'control: a report holding a partial quote of the same speaker stays one partial quote',
    'Ms. Arden said that she told the board the method was "a blunt instrument".',
    [{ type: 'partial', speaker: 'Arden', text: 'a blunt instrument' }],
  ],
  [
    'control: `what she called “…”` inside her own report stays one partial quote',
    'Ms. Arden said the audit was what she called "a blunt instrument".',
    [{ type: 'partial', speaker: 'Arden', text: 'a blunt instrument' }],
  ],
  // anonymous sources
  [
    '`According to` a source with a long relative clause about why it is not named',
    'According to a former producer who spoke on the condition of anonymity because she was not authorized to discuss the budget, the studio ran out of money in March.',
    [{ type: 'indirect', speaker: 'a former producer', text: 'the studio ran out of money in March' }],
  ],
  [
    'the same with the relative clause set off by commas',
    'According to two former producers, who spoke on the condition of anonymity because they were not authorized to discuss the budget, the studio ran out of money in March.',
    [{ type: 'indirect', speaker: 'two former producers', text: 'the studio ran out of money in March' }],
  ],
  [
    'a bare `One said` after a group of people is one of them',
    'Four nurses met the inspectors. One said the ward had been short-staffed for a year.',
    [{ type: 'indirect', speaker: 'One', text: 'the ward had been short-staffed for a year' }],
  ],
  [
    '`Both said`, `The first said …; the second said …`: the people just named, one report each',
    'Two pilots spoke to the inquiry. Both said the runway lights had failed. The first said the tower was unmanned; the second said the radio was dead.',
    [
      { type: 'indirect', speaker: 'Both', text: 'the runway lights had failed' },
      { type: 'indirect', speaker: 'The first', text: 'the tower was unmanned' },
      { type: 'indirect', speaker: 'the second', text: 'the radio was dead' },
    ],
  ],
  [
    '`Some said …; others said …`: two reports',
    'Several tenants attended. Some said the rent rise was unfair; others said it was overdue.',
    [
      { type: 'indirect', speaker: 'Some', text: 'the rent rise was unfair' },
      { type: 'indirect', speaker: 'others', text: 'it was overdue' },
    ],
  ],
  [
    'control: `first` after a name is an adverb',
    'Inspector Hana Voss first said the fire was an accident.',
    [{ type: 'indirect', speaker: 'Hana Voss', text: 'the fire was an accident' }],
  ],
  ['control: a generic `one` in the present reports nothing', 'One says the ward is always short-staffed.', []],
  // `in her words`
  [
    '`in her words, “…”` is hers',
    'Odile Marchetti left the orchestra in May. The post was, in her words, "the loudest chair in town."',
    [{ type: 'partial', speaker: 'Odile Marchetti', text: 'the loudest chair in town.' }],
  ],
  // false quotes
  [
    'a headline whose attribution is a subordinate clause (`… as X confirms …`) reports nothing',
    'Ferry service cut again as Tidewater confirms closures\n\nThe line will run twice a day.',
    [],
  ],
  [
    'a verb in scare quotes after `to` is no partial quote: the report stays',
    'The engineers suggest small drones could be used to "herd" birds away from the runway.',
    [
      {
        type: 'indirect',
        speaker: 'The engineers',
        text: 'small drones could be used to "herd" birds away from the runway',
      },
    ],
  ],
  ['`asking rents` is no verb of saying', 'The survey found that asking rents for "boutique" units fell sharply.', []],
  [
    'a noun in scare quotes after a hyphenated modifier is no partial quote',
    'Brokers say rents for high-end "boutique" units fell sharply.',
    [{ type: 'indirect', speaker: 'Brokers', text: 'rents for high-end "boutique" units fell sharply' }],
  ],
  [
    '`estimated` with a number is no report, and a report ends at its dash',
    'The march — organizers put it at 9,000; police estimated about 5,000 — ended at the square.',
    [],
  ],
];

describe('quotes, round 10: reported speech and what was said', () => {
  it.each(ROWS)('%s', (_name, text, expected) => {
    // Prepare
    const { quotes } = annotateText(text);
    // Act
    const seen = quotes.map((q) => ({ type: q.type, speaker: q.speaker, text: text.slice(q.start, q.end) }));
    // Assess
    expect(seen).toEqual(expected);
  });
});
