import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../../shared/config.ts';
import { articleIdForKey, isArticleId, normalizeName } from '../../shared/ids.ts';
import { InvalidCursorError } from '../../shared/store/article-store.ts';
import { decodeCursor, encodeCursor } from '../../shared/store/cursor.ts';

describe('articleIdForKey', () => {
  it('is stable per key and differs between keys', () => {
    expect(articleIdForKey('raw/a.txt')).toBe(articleIdForKey('raw/a.txt'));
    expect(articleIdForKey('raw/a.txt')).not.toBe(articleIdForKey('raw/b.txt'));
    expect(isArticleId(articleIdForKey('raw/ünïcødé name.txt'))).toBe(true);
  });
});

describe('normalizeName', () => {
  it.each([
    ['Touré', 'toure'],
    ['  Victoria   NULAND ', 'victoria nuland'],
    ["Mali's", 'mali'],
    ['al-Qaida in the Islamic Maghreb', 'al qaida in the islamic maghreb'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig('clean', { BUCKET_NAME: 'b', MAX_INPUT_BYTES: '1000' });
    expect(config).toEqual({
      BUCKET_NAME: 'b',
      RAW_PREFIX: 'raw/',
      CLEANED_PREFIX: 'cleaned/',
      MAX_INPUT_BYTES: 1000,
      MAX_RECEIVE_COUNT: 5,
    });
  });

  it.each([
    ['annotate', {}, /TABLE_NAME/],
    ['clean', { BUCKET_NAME: 'b', RAW_PREFIX: 'raw' }, /RAW_PREFIX/],
    ['clean', { BUCKET_NAME: 'b', MAX_INPUT_BYTES: '-1' }, /MAX_INPUT_BYTES/],
  ] as const)('fails fast naming the variable (%s)', (name, env, message) => {
    expect(() => loadConfig(name, env)).toThrow(ConfigError);
    expect(() => loadConfig(name, env)).toThrow(message);
  });
});

describe('cursors', () => {
  const schema = z.object({ pk: z.string(), sk: z.string() });
  it('round-trip', () => {
    const cursor = encodeCursor({ pk: 'A#1', sk: 'META' });
    expect(decodeCursor(cursor, schema)).toEqual({ pk: 'A#1', sk: 'META' });
  });
  it.each([['!!!'], ['e30'], [Buffer.from('{"pk":1}').toString('base64url')], ['a'.repeat(3000)]])(
    'reject tampered cursor %#',
    (cursor) => {
      expect(() => decodeCursor(cursor, schema)).toThrow(InvalidCursorError);
    },
  );
});
