import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/gen-given-names.ts';
import { givenNameGender, isGivenName } from '../../shared/pipeline/given-names.ts';

describe('givenNameGender', () => {
  it.each([
    // [word, expected gender]
    ['Mary', 'female'],
    ['JOHN', 'male'],
    ['leslie', 'female'],
    ['Aabriella', 'female'], // first name of the list
    ['Zyshawn', 'male'], // last name of the list
    ['Jo', 'female'], // shortest names
    ['Ab', 'male'],
    ['Maximiliano', 'male'],
    ['Christopherjame', 'male'], // the only name of 15 letters
    ['Xqzt', undefined],
    ['Marys', undefined],
    ['Qq', undefined],
    ['Mary-Jane', undefined],
    ['', undefined],
    ['A', undefined],
    ['Christopherjames', undefined], // longer than any listed name
    ['Lucía', 'female'], // accented: looked up without the accents
    ['José', 'male'],
    ['Zoë', 'female'],
    ['Xqzé', undefined],
  ])('%s → %s', (word, expected) => {
    // Act
    const gender = givenNameGender(word);
    const known = isGivenName(word);

    // Assess
    expect(gender).toBe(expected);
    expect(known).toBe(expected !== undefined);
  });
});

describe('given-names-data.ts', () => {
  it('holds exactly the names and genders of the npm package (regenerate with scripts/gen-given-names.ts)', () => {
    // Prepare
    const committed = readFileSync(new URL('../../shared/pipeline/given-names-data.ts', import.meta.url), 'utf8');

    // Act
    const generated = generate();

    // Assess
    expect(committed).toBe(generated);
  });
});
