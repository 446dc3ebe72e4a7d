import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../../web/src/api.ts';
import { speakerGroups } from '../../web/src/views/article.ts';

const quote = (speaker: string | null, speakerEntityId: string | null = null): Quote => ({
  articleId: 'a',
  index: 0,
  text: 'x',
  start: 0,
  end: 1,
  speaker,
  speakerMention: null,
  speakerEntityId,
  speakerType: speaker ? 'person' : 'unknown',
  verb: 'say',
  type: 'direct',
  confidence: 1,
});
const entity = (id: string, name: string): Entity => ({
  articleId: 'a',
  id,
  name,
  type: 'PERSON',
  aliases: [],
  mentions: [],
  count: 1,
  firstStart: 0,
  salience: 1,
});

describe('speakerGroups', () => {
  it.each([
    [
      'groups by the resolved entity, most quoted first, unattributed last',
      [quote('Ada Osei'), quote(null), quote('Ben Mraz'), quote('Osei', 'PERSON:ada-osei'), quote('Ben Mraz')],
      [entity('PERSON:ada-osei', 'Ada Osei')],
      [
        ['Ada Osei', [0, 3], 'spk-0'],
        ['Ben Mraz', [2, 4], 'spk-1'],
        [null, [1], 'spk-none'],
      ],
    ],
    ['ignores case when grouping names', [quote('ada osei'), quote('Ada Osei')], [], [['ada osei', [0, 1], 'spk-0']]],
    ['has no groups without quotes', [], [], []],
  ] as const)('%s', (_name, quotes, entities, expected) => {
    // Act
    const groups = speakerGroups(quotes, entities);
    // Assess
    expect(groups.map((g) => [g.name, g.quotes, g.colour])).toEqual(expected);
  });

  it('repeats the ten colours beyond ten speakers', () => {
    const quotes = Array.from({ length: 12 }, (_, i) => quote(`Speaker ${i}`));
    expect(speakerGroups(quotes, []).map((g) => g.colour)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `spk-${i}`),
      'spk-0',
      'spk-1',
    ]);
  });
});
