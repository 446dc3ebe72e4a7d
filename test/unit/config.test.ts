/**
 * Environment configuration of the functions (`shared/config.ts`): defaults, coercion, and a start-up failure that
 * names every wrong variable (a misconfigured stack must not start processing articles).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config.ts';

describe('loadConfig reads the environment', () => {
  it.each([
    [
      'annotate',
      { BUCKET_NAME: 'articles', TABLE_NAME: 'annotations' },
      { BUCKET_NAME: 'articles', CLEANED_PREFIX: 'cleaned/', TABLE_NAME: 'annotations', MAX_RECEIVE_COUNT: 5 },
    ],
    [
      'annotate',
      { BUCKET_NAME: 'a', TABLE_NAME: 't', CLEANED_PREFIX: 'out/clean/', MAX_RECEIVE_COUNT: ' 7 ', OTHER: 'x' },
      { BUCKET_NAME: 'a', CLEANED_PREFIX: 'out/clean/', TABLE_NAME: 't', MAX_RECEIVE_COUNT: 7 },
    ],
    ['api', { TABLE_NAME: 'annotations' }, { TABLE_NAME: 'annotations' }],
    ['clients', {}, { S3_FORCE_PATH_STYLE: false }],
    ['clients', { S3_FORCE_PATH_STYLE: 'true' }, { S3_FORCE_PATH_STYLE: true }],
    ['clients', { S3_FORCE_PATH_STYLE: 'false' }, { S3_FORCE_PATH_STYLE: false }],
  ] as const)('%s with %j → %j', (name, env, expected) => {
    // Act
    const config = loadConfig(name, env);
    // Assess
    expect(config).toEqual(expected);
  });
});

describe('loadConfig fails at start-up on a wrong environment', () => {
  it.each([
    ['api', {}, ['TABLE_NAME:']],
    ['api', { TABLE_NAME: '' }, ['TABLE_NAME:']],
    ['clean', { BUCKET_NAME: 'b', CLEANED_PREFIX: '' }, ['CLEANED_PREFIX:']],
    ['clean', { BUCKET_NAME: 'b', MAX_INPUT_BYTES: '0' }, ['MAX_INPUT_BYTES:']],
    ['clean', { BUCKET_NAME: 'b', MAX_INPUT_BYTES: '1.5' }, ['MAX_INPUT_BYTES:']],
    ['clean', { BUCKET_NAME: 'b', MAX_INPUT_BYTES: 'lots' }, ['MAX_INPUT_BYTES:']],
    ['clean', { BUCKET_NAME: 'b', MAX_RECEIVE_COUNT: '' }, ['MAX_RECEIVE_COUNT:']],
    ['clients', { S3_FORCE_PATH_STYLE: 'yes' }, ['S3_FORCE_PATH_STYLE:']],
    // Every problem at once, so one failed deployment tells the whole story.
    [
      'annotate',
      { CLEANED_PREFIX: 'cleaned', MAX_RECEIVE_COUNT: '-2' },
      ['BUCKET_NAME:', 'CLEANED_PREFIX: must end with "/"', 'TABLE_NAME:', 'MAX_RECEIVE_COUNT:'],
    ],
  ] as const)('%s with %j names %j', (name, env, problems) => {
    // Act
    const load = () => loadConfig(name, env);
    // Assess
    expect(load).toThrow(ConfigError);
    for (const problem of problems) expect(load).toThrow(problem);
  });
});
