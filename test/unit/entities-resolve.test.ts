import { describe, expect, it } from 'vitest';
import {
  entityAt,
  findAcronymLongForms,
  findEntityByMention,
  resolveMentions,
  trimMention,
} from '../../shared/pipeline/entities/resolve.ts';
import type { EntityType, Mention } from '../../shared/pipeline/types.ts';

/** Mentions of `surface` at each of its occurrences in `text`, all of `type`. */
function mentionsOf(text: string, spec: Array<[string, EntityType]>): Mention[] {
  const out: Mention[] = [];
  for (const [surface, type] of spec) {
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + surface.length)) {
      out.push({ start: i, end: i + surface.length, text: surface, type });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('resolveMentions', () => {
  it('merges a surname into the full name, with the full name as canonical', () => {
    // Prepare
    const text = 'Victoria Nuland arrived on Monday. Nuland said talks would go on.';
    const mentions = mentionsOf(text, [
      ['Victoria Nuland', 'PERSON'],
      ['Nuland said', 'PERSON'],
    ]).map((m) => (m.text === 'Nuland said' ? { ...m, end: m.start + 6, text: 'Nuland' } : m));

    // Act
    const entities = resolveMentions(text, mentions);

    // Assess
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({
      id: 'PERSON:victoria-nuland',
      name: 'Victoria Nuland',
      aliases: ['Nuland'],
      count: 2,
      firstStart: 0,
      salience: 1,
    });
  });

  it.each<[string, string, Array<[string, EntityType]>, string, string]>([
    [
      'bracketed acronym',
      'The Economic Community of West African States (ECOWAS) met. ECOWAS leaders left.',
      [['Economic Community of West African States', 'ORGANIZATION']],
      'Economic Community of West African States',
      'ECOWAS',
    ],
    [
      'known as',
      'The Azawad National Liberation Movement, known as MNLA, took the town. The MNLA denied it.',
      [
        ['Azawad National Liberation Movement', 'ORGANIZATION'],
        ['MNLA', 'ORGANIZATION'],
      ],
      'Azawad National Liberation Movement',
      'MNLA',
    ],
    [
      'known by its acronym',
      'Rebels of the Movement for Unity and Jihad in West Africa, known by its French acronym MUJAO, fled. MUJAO denied it.',
      [['Movement for Unity and Jihad in West Africa', 'ORGANIZATION']],
      'Movement for Unity and Jihad in West Africa',
      'MUJAO',
    ],
    [
      'known as the',
      'The Federal Bureau of Investigation, known as the FBI, is helping. The FBI said so.',
      [
        ['Federal Bureau of Investigation', 'ORGANIZATION'],
        ['FBI', 'ORGANIZATION'],
      ],
      'Federal Bureau of Investigation',
      'FBI',
    ],
    [
      'acronym first, long form in brackets',
      'The MNLA (Azawad National Liberation Movement) said so. The MNLA left.',
      [
        ['MNLA', 'ORGANIZATION'],
        ['Azawad National Liberation Movement', 'ORGANIZATION'],
      ],
      'Azawad National Liberation Movement',
      'MNLA',
    ],
  ])('links an acronym defined by %s', (_name, text, spec, name, alias) => {
    // Act
    const entities = resolveMentions(text, mentionsOf(text, spec));

    // Assess
    expect(entities).toHaveLength(1);
    expect(entities[0]!.name).toBe(name);
    expect(entities[0]!.aliases).toEqual([alias]);
    expect(entities[0]!.count).toBe(text.split(alias).length); // every occurrence of the alias + the long form
  });

  it.each<[string, Mention, string | null]>([
    ['a title', { start: 0, end: 18, text: 'Capt. Amadou Touré', type: 'PERSON' }, 'Amadou Touré'],
    ['two titles', { start: 0, end: 24, text: 'President Gen. Ali Sanko', type: 'PERSON' }, 'Ali Sanko'],
    ['a role', { start: 0, end: 18, text: 'spokeswoman Nuland', type: 'PERSON' }, 'Nuland'],
    ['a possessive', { start: 0, end: 6, text: "Mali's", type: 'LOCATION' }, 'Mali'],
    ['a curly possessive', { start: 0, end: 6, text: 'Mali’s', type: 'LOCATION' }, 'Mali'],
    ['nothing to trim', { start: 0, end: 5, text: 'Touré', type: 'PERSON' }, 'Touré'],
    ['only a title', { start: 0, end: 9, text: 'President', type: 'PERSON' }, 'President'],
  ])('trims %s', (_name, mention, expected) => {
    // Prepare
    const text = mention.text.padEnd(mention.end, ' ');

    // Act
    const out = trimMention(text, mention);

    // Assess
    expect(out?.text ?? null).toBe(expected);
    if (out) expect(text.slice(out.start, out.end)).toBe(out.text);
  });

  it('keeps two people with different surnames apart and gives unique, stable ids', () => {
    // Prepare
    const text = 'Amadou Touré met Awa Touré and Moussa Keita. Keita spoke first.';
    const spec: Array<[string, EntityType]> = [
      ['Amadou Touré', 'PERSON'],
      ['Awa Touré', 'PERSON'],
      ['Moussa Keita', 'PERSON'],
    ];
    const mentions = [
      ...mentionsOf(text, spec),
      { start: text.lastIndexOf('Keita'), end: text.lastIndexOf('Keita') + 5, text: 'Keita', type: 'PERSON' as const },
    ];

    // Act
    const a = resolveMentions(text, mentions);
    const b = resolveMentions(text, mentions);

    // Assess
    expect(a.map((e) => [e.id, e.count])).toEqual([
      ['PERSON:amadou-toure', 1],
      ['PERSON:awa-toure', 1],
      ['PERSON:moussa-keita', 2],
    ]);
    expect(b).toEqual(a);
  });

  it('merges a long form the tagger split, when an acronym in brackets spells it', () => {
    // Prepare
    const text = 'Fighters of al-Qaida in the Islamic Maghreb (AQIM) attacked. AQIM said so.';
    const mentions = mentionsOf(text, [
      ['al-Qaida', 'MISC'],
      ['Islamic Maghreb', 'LOCATION'],
    ]);

    // Act
    const entities = resolveMentions(text, mentions);

    // Assess
    expect(entities.map((e) => [e.id, e.name, e.aliases, e.count])).toEqual([
      ['ORGANIZATION:al-qaida-in-the-islamic-maghreb', 'al-Qaida in the Islamic Maghreb', ['AQIM'], 3],
    ]);
  });

  it.each([
    ['the Economic Community of West African States (ECOWAS) met', 'Economic Community of West African States'],
    ['fighters of al-Qaida in the Islamic Maghreb (AQIM) attacked', 'al-Qaida in the Islamic Maghreb'],
    ['the National Transitional Council (NTC) said', 'National Transitional Council'],
    ['officials (AP) said', null],
    ['he met them (UN) later', null],
  ])('finds the long form in %s', (text, expected) => {
    // Act
    const found = findAcronymLongForms(text);

    // Assess
    expect(found[0] ? text.slice(found[0].start, found[0].end) : null).toBe(expected);
  });

  it('prefers the mixed-case form of a name written in capitals in a dateline', () => {
    // Prepare
    const text = 'BAMAKO, Mali — Troops left Bamako on Monday.';
    const mentions = mentionsOf(text, [
      ['BAMAKO', 'LOCATION'],
      ['Bamako', 'LOCATION'],
      ['Mali', 'LOCATION'],
    ]);

    // Act
    const entities = resolveMentions(text, mentions);

    // Assess
    expect(entities[0]).toMatchObject({ id: 'LOCATION:bamako', name: 'Bamako', aliases: ['BAMAKO'], count: 2 });
  });

  it('ranks the most mentioned, earliest entity as most salient', () => {
    // Prepare
    const text = 'Bamako was calm. Keita met Sanko in Bamako. Bamako police said Keita left.';
    const mentions = mentionsOf(text, [
      ['Bamako', 'LOCATION'],
      ['Keita', 'PERSON'],
      ['Sanko', 'PERSON'],
    ]);

    // Act
    const entities = resolveMentions(text, mentions);

    // Assess
    const sal = Object.fromEntries(entities.map((e) => [e.name, e.salience]));
    expect(sal.Bamako).toBe(1);
    expect(sal.Keita).toBeGreaterThan(sal.Sanko!);
    for (const e of entities) expect(e.salience).toBeGreaterThan(0);
  });
});

/** A full name the tagger typed as an organisation: [case, text, mentions as tagged, expected type of the name]. */
const RETYPE_ROWS: Array<[string, string, Array<[string, EntityType]>, string, EntityType]> = [
  [
    'two plain name words read as an organisation, the surname followed by `, who`, are a person',
    'Ebele Nwosu came to the meeting. “It was good,” said Nwosu, who runs a bakery.',
    [['Ebele Nwosu', 'ORGANIZATION']],
    'Ebele Nwosu',
    'PERSON',
  ],
  [
    'a party’s name after a title word stays an organisation (`former Liberal Democrat leader`)',
    'The former Liberal Democrat leader spoke first.',
    [['Liberal Democrat', 'ORGANIZATION']],
    'Liberal Democrat',
    'ORGANIZATION',
  ],
  [
    'a given name that is also a place (`Chad`, `Taylor`) does not stop the same evidence',
    'Fans of Chad Morrow waited outside. Morrow, 29, later thanked them.',
    [
      ['Chad Morrow', 'ORGANIZATION'],
      ['Morrow', 'PERSON'],
    ],
    'Chad Morrow',
    'PERSON',
  ],
  [
    'a given name + surname after a role word is a person',
    'Republican nominee Marcus Pellew’s tweet drew replies. Pellew did not comment.',
    [['Marcus Pellew', 'ORGANIZATION']],
    'Marcus Pellew',
    'PERSON',
  ],
  [
    'the surname tagged as a person elsewhere makes the full name a person',
    'Voters who debated Irene Castellano left early. Castellano spoke last.',
    [
      ['Irene Castellano', 'ORGANIZATION'],
      ['Castellano spoke', 'PERSON'],
    ],
    'Irene Castellano',
    'PERSON',
  ],
  [
    '“, who” after the name makes it a person',
    'The health of Walter Brannigan, who is 70, was questioned.',
    [['Walter Brannigan', 'ORGANIZATION']],
    'Walter Brannigan',
    'PERSON',
  ],
  [
    'a person-shaped club name with no person context stays an organisation',
    'Crystal Harbour beat Leyton Rovers 2-1 on Saturday.',
    [
      ['Crystal Harbour', 'ORGANIZATION'],
      ['Leyton Rovers', 'ORGANIZATION'],
    ],
    'Crystal Harbour',
    'ORGANIZATION',
  ],
  [
    'a newspaper named after its city stays an organisation',
    'Editor Ann Marsh said the Chicago Tribune would print it. Mr. Tribune is not a person.',
    [['Chicago Tribune', 'ORGANIZATION']],
    'Chicago Tribune',
    'ORGANIZATION',
  ],
  [
    'a name without a given name first, after an organisation noun, is an organisation',
    'Her first albums came out on the record label Iron Kettle, which was sold last year.',
    [['Iron Kettle', 'PERSON']],
    'Iron Kettle',
    'ORGANIZATION',
  ],
  [
    'any kind of company the quote stage knows too (`the grocer Fresh Lane`)',
    'Shoppers found the bread at the grocer Fresh Lane on Monday.',
    [['Fresh Lane', 'PERSON']],
    'Fresh Lane',
    'ORGANIZATION',
  ],
  [
    'a person-shaped name followed by “, which” stays a person (the clause is about the sentence)',
    'The script went to Marta Lindqvist, which surprised the studio.',
    [['Marta Lindqvist', 'PERSON']],
    'Marta Lindqvist',
    'PERSON',
  ],
  [
    '“, who” after a name keeps it a person even after an organisation noun',
    'The band Iron Lantern played first. Iron Lantern, who is 40, sang alone.',
    [['Iron Lantern', 'PERSON']],
    'Iron Lantern',
    'PERSON',
  ],
  [
    'one word after an organisation noun, no given name and no one’s surname, is an organisation',
    'Game developer Quillforge said the update would ship in May.',
    [['Quillforge', 'PERSON']],
    'Quillforge',
    'ORGANIZATION',
  ],
  [
    'one word after an organisation noun stays a person when a title names it elsewhere',
    'The publisher Brannock said it was done. Later Mr. Brannock left the room.',
    [
      ['Brannock said', 'PERSON'],
      ['Mr. Brannock', 'PERSON'],
    ],
    'Brannock',
    'PERSON',
  ],
  [
    'one word after an organisation noun stays a person when it is the surname of a full name',
    'Lead developer Tom Quillforge said the code was ready. Developer Quillforge left early.',
    [
      ['Tom Quillforge', 'PERSON'],
      ['Quillforge left', 'PERSON'],
    ],
    'Tom Quillforge',
    'PERSON',
  ],
  [
    'a name ending in a word no surname is (`Foods`, `Securities`) is an organisation without other evidence',
    'Tarvo Foods said it would close two plants. Marlow Securities agreed.',
    [
      ['Tarvo Foods', 'PERSON'],
      ['Marlow Securities', 'PERSON'],
    ],
    'Tarvo Foods',
    'ORGANIZATION',
  ],
  [
    'one word with a capital inside (`DataNation`) is an organisation',
    'Dealers sold 230,000 cars, according to DataNation.',
    [['DataNation', 'PERSON']],
    'DataNation',
    'ORGANIZATION',
  ],
  [
    'a surname with a prefix (`McCall`, `DeSantis`) stays a person',
    'The bill was signed by DeSantis on Monday.',
    [['DeSantis', 'PERSON']],
    'DeSantis',
    'PERSON',
  ],
  [
    'a name ending in an institution word is an organisation even with a given name first (`Mercy Vale Hospital`)',
    'Two men were taken to Mercy Vale Hospital on Sunday.',
    [['Mercy Vale Hospital', 'PERSON']],
    'Mercy Vale Hospital',
    'ORGANIZATION',
  ],
  [
    'a given name before a company word no surname is (`Brennan Foods`) is an organisation',
    'Brennan Foods said it would appeal.',
    [['Brennan Foods', 'PERSON']],
    'Brennan Foods',
    'ORGANIZATION',
  ],
  [
    'a university tagged a place is an organisation',
    'She teaches physics at Dunmore University in the north.',
    [['Dunmore University', 'LOCATION']],
    'Dunmore University',
    'ORGANIZATION',
  ],
  [
    'a firm tagged MISC is an organisation (`Tallow Ventures`)',
    'The round was led by Tallow Ventures last week.',
    [['Tallow Ventures', 'MISC']],
    'Tallow Ventures',
    'ORGANIZATION',
  ],
  [
    'a long name ending in `System` tagged a person is an organisation',
    'Anna Reyes, who ran the Carden Hills Library System, retired.',
    [
      ['Anna Reyes', 'PERSON'],
      ['Carden Hills Library System', 'PERSON'],
    ],
    'Carden Hills Library System',
    'ORGANIZATION',
  ],
  [
    'a product ending in `System` tagged MISC stays MISC',
    'The Space Launch System rocket flew on Monday.',
    [['Space Launch System', 'MISC']],
    'Space Launch System',
    'MISC',
  ],
  [
    'a place ending in `Bank` stays a place',
    'Settlers in the West Bank protested on Monday.',
    [['West Bank', 'LOCATION']],
    'West Bank',
    'LOCATION',
  ],
  [
    'one word that an apposition calls a company is an organisation',
    'Tarnwick, a battery recycling startup based in Reno, raised $8 million.',
    [['Tarnwick', 'PERSON']],
    'Tarnwick',
    'ORGANIZATION',
  ],
  [
    'every mention of a one-word name shown to be a company goes with it',
    'The carmaker Volta said so. Volta later agreed. Volta left the talks.',
    [['Volta', 'PERSON']],
    'Volta',
    'ORGANIZATION',
  ],
  [
    'control: a person in apposition with a company role stays a person',
    'Hale, a company spokesman, said the plant would close.',
    [['Hale', 'PERSON']],
    'Hale',
    'PERSON',
  ],
  [
    'a full name ending in a company word stays a person when it has a given name (`Emily Post`)',
    'Emily Post wrote the rules.',
    [['Emily Post', 'PERSON']],
    'Emily Post',
    'PERSON',
  ],
];

describe('resolveMentions: a surname’s particles', () => {
  it.each([
    ['Pieter van der Berg said so.', 'Berg', 'Pieter van der Berg'],
    ['The ruler, Mohammed bin Rashid, spoke.', 'Rashid', 'Mohammed bin Rashid'],
  ])('%s: the given name and the particles the tagger left out', (text, tagged, name) => {
    // Prepare
    const mentions = mentionsOf(text, [[tagged, 'PERSON']]);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => e.name)).toEqual([name]);
  });

  it('a particle with no given name before it leaves the surname to join the full name (`Locksley and von Moltke`)', () => {
    // Prepare
    const text = 'Jakob von Moltke runs a lab. Locksley and von Moltke used a tag.';
    const mentions = mentionsOf(text, [
      ['Jakob von Moltke', 'PERSON'],
      ['Moltke used', 'PERSON'],
    ]).map((m) => (m.text === 'Moltke used' ? { ...m, end: m.end - 5, text: 'Moltke' } : m));
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.count])).toEqual([['Jakob von Moltke', 2]]);
  });
});

describe('resolveMentions: the first word of a company name tagged a person, alone', () => {
  it('joins the organisation (`Tyvak` after `Tyvak Space Systems`)', () => {
    // Prepare
    const text = 'Tyvak Space Systems won the contract. Tyvak will build the lander.';
    const mentions = mentionsOf(text, [
      ['Tyvak Space Systems', 'PERSON'],
      ['Tyvak will', 'PERSON'],
    ]).map((m) => (m.text === 'Tyvak will' ? { ...m, end: m.end - 5, text: 'Tyvak' } : m));
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type, e.count])).toEqual([['Tyvak Space Systems', 'ORGANIZATION', 2]]);
  });
});

/**
 * One word that ends an organisation's name, tagged alone after it: [case, text, the organisation as tagged, the lone
 * word's tagged type, entities expected as [name, type, count]].
 */
const ALIAS_ROWS: Array<
  [string, string, Array<[string, EntityType]>, EntityType, Array<[string, EntityType, number]>]
> = [
  [
    'joins it (`Hawks` after `Fenmoor Hawks`)',
    'The Fenmoor Hawks lost again. Next the Hawks play at home.',
    [['Fenmoor Hawks', 'ORGANIZATION']],
    'ORGANIZATION',
    [['Fenmoor Hawks', 'ORGANIZATION', 2]],
  ],
  [
    'tagged a person, joins it when no person’s name ends in it (`Systems`)',
    'Kesta Space Systems won the bid. Systems of that kind fly often.',
    [['Kesta Space Systems', 'ORGANIZATION']],
    'PERSON',
    [['Kesta Space Systems', 'ORGANIZATION', 2]],
  ],
  [
    'control: a name with a connector is not shortened (`University of Wessex` is not `Wessex`)',
    'She taught at the University of Wessex. Wessex won the cup.',
    [['University of Wessex', 'ORGANIZATION']],
    'ORGANIZATION',
    [
      ['University of Wessex', 'ORGANIZATION', 1],
      ['Wessex', 'ORGANIZATION', 1],
    ],
  ],
  [
    'control: the Moon is not the lander `Blue Moon`',
    'The Blue Moon lander is ready. It will reach the Moon in May.',
    [['Blue Moon', 'ORGANIZATION']],
    'ORGANIZATION',
    [
      ['Blue Moon', 'ORGANIZATION', 1],
      ['Moon', 'ORGANIZATION', 1],
    ],
  ],
  [
    'control: a surname tagged a person stays the person',
    'The firm Vantor Serrano won. Serrano, 40, said so.',
    [['Vantor Serrano', 'ORGANIZATION']],
    'PERSON',
    [
      ['Vantor Serrano', 'ORGANIZATION', 1],
      ['Serrano', 'PERSON', 1],
    ],
  ],
];

describe('resolveMentions: one word that ends an organisation named before it', () => {
  it.each(ALIAS_ROWS)('%s', (_case, text, spec, loneType, expected) => {
    // Prepare: the multi-word name as tagged, then its last word alone after the first sentence
    const mentions = mentionsOf(text, spec);
    const word = spec[0]![0].split(' ').at(-1)!;
    const at = text.indexOf(word, text.indexOf('.'));
    mentions.push({ start: at, end: at + word.length, text: word, type: loneType });
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type, e.count])).toEqual(expected);
  });
});

describe('resolveMentions: a full name the tagger read as an organisation, an organisation it read as a person', () => {
  it.each(RETYPE_ROWS)('%s', (_case, text, spec, name, type) => {
    // Prepare
    const mentions = mentionsOf(text, spec).map((m) => {
      const verb = / (?:spoke|said|left)$/.exec(m.text);
      return verb ? { ...m, end: m.end - verb[0].length, text: m.text.slice(0, -verb[0].length) } : m;
    });
    // Act
    const entity = resolveMentions(text, mentions).find((e) => e.name === name);
    // Assess
    expect(entity?.type).toBe(type);
  });
});

/** Places by form, whatever the tagger said: [case, text, mentions as tagged, name, expected type]. */
const PLACE_ROWS: Array<[string, string, Array<[string, EntityType]>, string, EntityType]> = [
  [
    'an all-caps dateline opening the article is a place',
    'PORT ALDER — The ferry will run again from Monday, the harbour authority said on Thursday afternoon.',
    [['PORT ALDER', 'ORGANIZATION']],
    'PORT ALDER',
    'LOCATION',
  ],
  [
    'a dateline with its state and agency is a place',
    'Intro line.\nSPRINGVALE, Ore. (AP) — Crews reopened the mountain road on Friday after a week of rockslides and snow.',
    [['SPRINGVALE', 'ORGANIZATION']],
    'SPRINGVALE',
    'LOCATION',
  ],
  [
    'an all-caps sports headline before a dash is not a dateline',
    'RUGBY UNION - HARBOUR FIFTEEN WIN THE SHIELD.\nThe side won by ten points.',
    [['RUGBY UNION', 'ORGANIZATION']],
    'RUGBY UNION',
    'ORGANIZATION',
  ],
  [
    'a name ending in a geographical head noun is a place',
    'Barges on the Linden River waited for the flood to pass.',
    [['Linden River', 'MISC']],
    'Linden River',
    'LOCATION',
  ],
  [
    'a street tagged a person is a place',
    'The bakery on Kesby Street closed in May.',
    [['Kesby Street', 'PERSON']],
    'Kesby Street',
    'LOCATION',
  ],
  [
    'a lane tagged a person, no given name first, is a place',
    'Derek Holm, 61, of Pellow Lane was fined.',
    [
      ['Derek Holm', 'PERSON'],
      ['Pellow Lane', 'PERSON'],
    ],
    'Pellow Lane',
    'LOCATION',
  ],
  [
    'a town whose name starts with `Port` tagged a person is a place',
    'The storm hit Port Ellery at dawn.',
    [['Port Ellery', 'PERSON']],
    'Port Ellery',
    'LOCATION',
  ],
  [
    'control: a person whose surname is a street word stays a person (`Nathan Lane`)',
    'The actor Nathan Lane sang two songs.',
    [['Nathan Lane', 'PERSON']],
    'Nathan Lane',
    'PERSON',
  ],
  [
    'control: a street used for a market tagged an organisation stays (`Wall Street`)',
    'Wall Street fell on Monday.',
    [['Wall Street', 'ORGANIZATION']],
    'Wall Street',
    'ORGANIZATION',
  ],
  [
    'the town of an address, between commas after a street, is a place',
    'Derek Holm, 61, of Pellow Lane, Ashwick, was fined.',
    [
      ['Pellow Lane', 'LOCATION'],
      ['Ashwick', 'ORGANIZATION'],
    ],
    'Ashwick',
    'LOCATION',
  ],
  [
    'control: a speaker after a street and a comma stays a person',
    'Officers stopped him near Gladstone Avenue, Harris said.',
    [
      ['Gladstone Avenue', 'LOCATION'],
      ['Harris', 'PERSON'],
    ],
    'Harris',
    'PERSON',
  ],
  [
    'an organisation named after a river keeps its type without the head noun last',
    'Linden River Bank raised its rates.',
    [['Linden River Bank', 'ORGANIZATION']],
    'Linden River Bank',
    'ORGANIZATION',
  ],
];

describe('resolveMentions: an honorific', () => {
  it('makes a person of a name the tagger read as an organisation, one entity with its bare surname', () => {
    // Prepare
    const text = 'Mr. Vance has brought his love of show business to the talks. Later Vance spoke to reporters.';
    const mentions = mentionsOf(text, [
      ['Mr. Vance', 'ORGANIZATION'],
      ['Vance spoke', 'PERSON'],
    ]).map((m) => (m.text.endsWith(' spoke') ? { ...m, end: m.end - 6, text: m.text.slice(0, -6) } : m));
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.type, e.name, e.count])).toEqual([['PERSON', 'Vance', 2]]);
  });
});

describe('resolveMentions: the surname He', () => {
  it.each([
    ['after a title', 'Vice Premier He Wenlan met the envoys.', 'Wenlan', ['He Wenlan']],
    ['after a verb', 'The envoys met He Wenlan in the capital.', 'Wenlan', ['He Wenlan']],
    ['not the pronoun before a verb', 'He told Wenlan the news.', 'Wenlan', ['Wenlan']],
    ['not the end of a word', 'The Tahe Wenlan project began.', 'Wenlan', ['Wenlan']],
  ])('%s', (_case, text, tagged, names) => {
    // Prepare
    const mentions = mentionsOf(text, [[tagged, 'PERSON']]);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => e.name)).toEqual(names);
  });
});

describe('resolveMentions: a regnal title before a single name', () => {
  it.each([
    [
      'kept before a one-word name the tagger tagged alone',
      'Queen Alwen spoke on Monday.',
      [['Alwen', 'LOCATION']],
      'Queen Alwen',
    ],
    [
      'kept when the tagger included it',
      'Prince Tavi said he had no memory of it.',
      [['Prince Tavi', 'PERSON']],
      'Prince Tavi',
    ],
    ['stripped before a full name', 'Prince Tavi Orlan spoke.', [['Prince Tavi Orlan', 'PERSON']], 'Tavi Orlan'],
  ] as Array<[string, string, Array<[string, EntityType]>, string]>)('%s', (_case, text, spec, name) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type])).toEqual([[name, 'PERSON']]);
  });
});

describe('resolveMentions: a newspaper named after its place', () => {
  it.each([
    [
      'tagged a place',
      'The Harbor Bay Chronicle reported the fire.',
      [['Harbor Bay Chronicle', 'LOCATION']],
      'Harbor Bay Chronicle',
    ],
    [
      'cut short before its paper word',
      'Reporters at the Lake Marlow Union-Tribune said so.',
      [['Lake Marlow', 'LOCATION']],
      'Lake Marlow Union-Tribune',
    ],
    [
      'missing `San` and tagged a person',
      'The San Marco Chronicle says the mayor will resign.',
      [['Marco Chronicle', 'PERSON']],
      'San Marco Chronicle',
    ],
    [
      'a `Globe` or `News` after the place',
      'The Harbor Bay Globe first reported the fire.',
      [['Harbor Bay', 'LOCATION']],
      'Harbor Bay Globe',
    ],
  ] as Array<[string, string, Array<[string, EntityType]>, string]>)('%s', (_case, text, spec, name) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type])).toEqual([[name, 'ORGANIZATION']]);
  });

  it('leaves a place alone when its name goes on past the paper word (`White House Press Secretary`)', () => {
    const text = 'White House Press Secretary Dana Ruiz said so.';
    expect(resolveMentions(text, mentionsOf(text, [['White House', 'LOCATION']])).map((e) => [e.name, e.type])).toEqual(
      [['White House', 'LOCATION']],
    );
  });

  it('leaves a place alone when no paper word follows', () => {
    const text = 'She moved to San Marco in May.';
    expect(resolveMentions(text, mentionsOf(text, [['San Marco', 'LOCATION']])).map((e) => e.type)).toEqual([
      'LOCATION',
    ]);
  });
});

describe('resolveMentions: places by form', () => {
  it.each(PLACE_ROWS)('%s', (_case, text, spec, name, type) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entity = resolveMentions(text, mentions).find((e) => e.name === name);
    // Assess
    expect(entity?.type).toBe(type);
  });
});

/** A title or role the tagger took into a name: [case, text, mentions as tagged, entities expected as [name, type]]. */
const TITLE_ROWS: Array<[string, string, Array<[string, EntityType]>, Array<[string, EntityType]>]> = [
  [
    'an office before a full name tagged an organisation',
    'Senator Hal Vance says the bill costs too much.',
    [['Senator Hal Vance', 'ORGANIZATION']],
    [['Hal Vance', 'PERSON']],
  ],
  [
    'a service before the title (`Fire Chief`)',
    'Fire Chief Ron Haskett said two people were hurt.',
    [['Fire Chief Ron Haskett', 'ORGANIZATION']],
    [['Ron Haskett', 'PERSON']],
  ],
  [
    'a place before the title (`Eastport Mayor`)',
    'Eastport Mayor Dina Okafor closed the bridges.',
    [['Eastport Mayor Dina Okafor', 'ORGANIZATION']],
    [['Dina Okafor', 'PERSON']],
  ],
  [
    'a player’s position before a name tagged a person',
    'Guard Emeka Obi is expected to return on Friday.',
    [['Guard Emeka Obi', 'PERSON']],
    [['Emeka Obi', 'PERSON']],
  ],
  [
    'one name word after an office only a person holds is that person’s surname',
    'Senator Hal Vance spoke first. Senator Vance left early.',
    [
      ['Senator Hal Vance', 'ORGANIZATION'],
      ['Senator Vance', 'ORGANIZATION'],
    ],
    [['Hal Vance', 'PERSON']],
  ],
  [
    'a transcript label in capitals is the person with that surname',
    'An interview with Paula Grieve.\n\nGRIEVE: I expect a vote this month.',
    [
      ['Paula Grieve', 'PERSON'],
      ['GRIEVE', 'ORGANIZATION'],
    ],
    [['Paula Grieve', 'PERSON']],
  ],
  ['an office tagged alone is no entity', 'Senator, thanks for joining us.', [['Senator', 'ORGANIZATION']], []],
  [
    'control: a company named with a title word stays (`General Motors`)',
    'General Motors cut 900 jobs.',
    [['General Motors', 'ORGANIZATION']],
    [['General Motors', 'ORGANIZATION']],
  ],
  [
    'control: a department named with a title word stays (`Justice Department`)',
    'The Justice Department sued the firm.',
    [['Justice Department', 'ORGANIZATION']],
    [['Justice Department', 'ORGANIZATION']],
  ],
  [
    'control: a hospital named after a king stays an organisation',
    'She was born at King Edward Hospital.',
    [['King Edward Hospital', 'ORGANIZATION']],
    [['King Edward Hospital', 'ORGANIZATION']],
  ],
  [
    'control: a person after a title tagged a person is trimmed as before',
    'Mayor Dina Okafor closed the bridges.',
    [['Mayor Dina Okafor', 'PERSON']],
    [['Dina Okafor', 'PERSON']],
  ],
  [
    'control: a band named with a royal title stays',
    'Queen played two nights in the city.',
    [['Queen', 'ORGANIZATION']],
    [['Queen', 'ORGANIZATION']],
  ],
  [
    'control: a place after a title word stays (`Prince Edward Island`)',
    'Ferries to Prince Edward Island were cancelled.',
    [['Prince Edward Island', 'LOCATION']],
    [['Prince Edward Island', 'LOCATION']],
  ],
];

describe('resolveMentions: a title or role taken into a name', () => {
  it.each(TITLE_ROWS)('%s', (_case, text, spec, expected) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type])).toEqual(expected);
  });
});

/** Words that are no name, and names the form retypes: [case, text, mentions as tagged, entities as [name, type]]. */
const FORM_ROWS: Array<[string, string, Array<[string, EntityType]>, Array<[string, EntityType]>]> = [
  [
    'letters after a name and a role abbreviation are no organisation',
    'Dame Ada Hollis MBE wrote to the local MP about it.',
    [
      ['Ada Hollis', 'PERSON'],
      ['MBE', 'ORGANIZATION'],
      ['MP', 'ORGANIZATION'],
    ],
    [['Ada Hollis', 'PERSON']],
  ],
  [
    'a number word opening a sentence is no person',
    'Nine out of ten new cafés close within a year.',
    [['Nine', 'PERSON']],
    [],
  ],
  [
    'a newspaper named by its paper word after `the` is an organisation',
    '“It was over,” she told the Guardian on Friday.',
    [['Guardian', 'MISC']],
    [['Guardian', 'ORGANIZATION']],
  ],
  [
    'a place before `-born` is the place',
    'The Accra-born violinist moved to Leeds.',
    [
      ['Accra-born', 'MISC'],
      ['Leeds', 'LOCATION'],
    ],
    [
      ['Accra', 'LOCATION'],
      ['Leeds', 'LOCATION'],
    ],
  ],
  [
    'a nationality before `-born` stays MISC',
    'The Turkish-born chef opened a second restaurant.',
    [['Turkish-born', 'MISC']],
    [['Turkish', 'MISC']],
  ],
  [
    'control: an acronym before `-based` the gazetteer does not know is left alone',
    'The LED-based lamps sold well.',
    [['LED-based', 'MISC']],
    [['LED-based', 'MISC']],
  ],
  [
    'a named storm in a text about the weather is an event',
    'Storm Edwin brought gusts of 80 mph to the coast.',
    [['Storm Edwin', 'PERSON']],
    [['Storm Edwin', 'MISC']],
  ],
  [
    'a hurricane is an event',
    'Hurricane Lorna made landfall on Tuesday.',
    [['Hurricane Lorna', 'PERSON']],
    [['Hurricane Lorna', 'MISC']],
  ],
  [
    'control: a person called Storm in a text about sport stays a person',
    'Storm Kelleher scored 19 points in the win.',
    [['Storm Kelleher', 'PERSON']],
    [['Storm Kelleher', 'PERSON']],
  ],
];

describe('resolveMentions: words that are no name, names retyped by form', () => {
  it.each(FORM_ROWS)('%s', (_case, text, spec, expected) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type])).toEqual(expected);
  });
});

/** Names cut at a connector: [case, text, mentions as tagged, entities expected as [name, type]]. */
const CONNECTOR_ROWS: Array<[string, string, Array<[string, EntityType]>, Array<[string, EntityType]>]> = [
  [
    'the head before `of` left out (`Department of Health` tagged `Health`)',
    'A Department of Health spokesman declined to comment.',
    [['Health', 'ORGANIZATION']],
    [['Department of Health', 'ORGANIZATION']],
  ],
  [
    'two pieces across `for`',
    'She works at the Kesby Institute for Marine Biology.',
    [
      ['Kesby Institute', 'ORGANIZATION'],
      ['Marine Biology', 'ORGANIZATION'],
    ],
    [['Kesby Institute for Marine Biology', 'ORGANIZATION']],
  ],
  [
    'the rest after `of` left out',
    'A professor at Dunmore University School of Law said so.',
    [['Dunmore University School', 'ORGANIZATION']],
    [['Dunmore University School of Law', 'ORGANIZATION']],
  ],
  [
    'a name cut at `’s` before an institution word',
    'The treasurer of the Ashworth Children’s Trust resigned.',
    [['Ashworth Children', 'ORGANIZATION']],
    [['Ashworth Children’s Trust', 'ORGANIZATION']],
  ],
  [
    'a shop named after its owner',
    'Queues formed outside Nowak’s Bakery at dawn.',
    [['Nowak', 'PERSON']],
    [['Nowak’s Bakery', 'ORGANIZATION']],
  ],
  [
    'two pieces across `&`',
    'The café Cups & Crumbs reopened on Monday.',
    [
      ['Cups', 'MISC'],
      ['Crumbs', 'ORGANIZATION'],
    ],
    [['Cups & Crumbs', 'ORGANIZATION']],
  ],
  [
    'a person’s nickname in quote marks between first name and surname',
    'Senator Ramon "Monching" Dizon called for an inquiry.',
    [
      ['Ramon', 'PERSON'],
      ['Dizon', 'PERSON'],
    ],
    [['Ramon "Monching" Dizon', 'PERSON']],
  ],
  [
    'a public body cut at `and` after the field it serves',
    'A spokesperson for the Westford Fire and Rescue Service said crews attended.',
    [
      ['Westford Fire', 'PERSON'],
      ['Rescue Service', 'ORGANIZATION'],
    ],
    [['Westford Fire and Rescue Service', 'ORGANIZATION']],
  ],
  [
    'control: two names joined by `and` stay two',
    'Tom Smith and Fire Service chiefs met on Monday.',
    [
      ['Tom Smith', 'PERSON'],
      ['Fire Service', 'ORGANIZATION'],
    ],
    [
      ['Tom Smith', 'PERSON'],
      ['Fire Service', 'ORGANIZATION'],
    ],
  ],
  [
    'control: a place’s institution is no name (`South Korea’s Ministry of Trade`)',
    'South Korea’s Ministry of Trade said so.',
    [
      ['South Korea', 'LOCATION'],
      ['Ministry of Trade', 'ORGANIZATION'],
    ],
    [
      ['South Korea', 'LOCATION'],
      ['Ministry of Trade', 'ORGANIZATION'],
    ],
  ],
  [
    'control: a person is not extended (`Jo Hale of Leeds`, `Jo Hale’s Foundation`)',
    'Jo Hale of Leeds said Jo Hale’s Foundation would pay.',
    [
      ['Jo Hale', 'PERSON'],
      ['Leeds', 'LOCATION'],
    ],
    [
      ['Jo Hale', 'PERSON'],
      ['Leeds', 'LOCATION'],
    ],
  ],
];

describe('resolveMentions: names cut at a connector', () => {
  it.each(CONNECTOR_ROWS)('%s', (_case, text, spec, expected) => {
    // Prepare
    const mentions = mentionsOf(text, spec);
    // Act
    const entities = resolveMentions(text, mentions);
    // Assess
    expect(entities.map((e) => [e.name, e.type])).toEqual(expected);
  });
});

describe('lookup helpers', () => {
  const text = 'Victoria Nuland met officials of the Azawad National Liberation Movement (MNLA). Nuland left.';
  const entities = resolveMentions(
    text,
    mentionsOf(text, [
      ['Victoria Nuland', 'PERSON'],
      ['Azawad National Liberation Movement', 'ORGANIZATION'],
    ]),
  );

  it.each([
    ['Nuland', 'PERSON:victoria-nuland'],
    ['Ms. Nuland', 'PERSON:victoria-nuland'],
    ['Nuland’s', 'PERSON:victoria-nuland'],
    ['victoria nuland', 'PERSON:victoria-nuland'],
    ['MNLA', 'ORGANIZATION:azawad-national-liberation-movement'],
    ['Keita', null],
  ])('findEntityByMention(%s)', (surface, id) => {
    expect(findEntityByMention(entities, surface)?.id ?? null).toBe(id);
  });

  it.each([
    [text.indexOf('Nuland'), 'PERSON:victoria-nuland'],
    [text.indexOf('MNLA') + 1, 'ORGANIZATION:azawad-national-liberation-movement'],
    [text.indexOf('officials'), null],
  ])('entityAt(%i)', (offset, id) => {
    expect(entityAt(entities, offset)?.id ?? null).toBe(id);
  });
});
