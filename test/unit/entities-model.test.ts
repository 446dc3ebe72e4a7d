import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../shared/pipeline/annotate.ts';
import { extractEntities, MODEL_VERSION, tagMentions } from '../../shared/pipeline/entities/index.ts';
import { MODEL } from '../../shared/pipeline/entities/model.ts';
import type { CleanArticle } from '../../shared/pipeline/types.ts';

// A news paragraph written for this test (invented people and events).
const ARTICLE = `BAMAKO, Mali — Capt. Amadou Touré, a spokesman for the army, said on Tuesday that troops had retaken the northern town of Kidal from the Azawad National Liberation Movement, known by its French acronym MNLA.

The Economic Community of West African States (ECOWAS) will meet in Abuja next week, said Victoria Nuland, a spokeswoman for the State Department. "We are watching closely," Nuland told reporters in Washington.

Touré said the MNLA had lost much of its support in Gao and Timbuktu. ECOWAS officials declined to comment on Mali's plans, and President Ibrahim Keita's office in Bamako was silent.`;

describe('shipped entity model', () => {
  it('loads and exposes its version', () => {
    // Assess
    expect(MODEL_VERSION).toMatch(/^ner-\d+-/);
    expect(MODEL.header.version).toBe(MODEL_VERSION);
    expect(MODEL.rows.size).toBeGreaterThan(1000);
    expect(MODEL.gazetteer.size).toBeGreaterThan(1000);
  });

  it('records the model version on every annotated article', () => {
    // Prepare
    const article: CleanArticle = {
      text: 'Victoria Nuland, a State Department spokeswoman, arrived in Bamako on Monday.',
      paragraphs: [{ start: 0, end: 77, kind: 'body' }],
      title: null,
      byline: null,
      authors: [],
      dateline: null,
      publishedAt: null,
      url: null,
      language: 'en',
      format: 'text',
      boilerplate: [],
      warnings: [],
    };

    // Act
    const annotated = annotateArticle(article);

    // Assess
    expect(annotated.modelVersion).toBe(MODEL_VERSION);
    expect(annotated.entities.map((e) => e.name)).toEqual(['Victoria Nuland', 'State Department', 'Bamako']);
  });

  it.each([
    ['Amadou Touré', 'PERSON'],
    ['Victoria Nuland', 'PERSON'],
    ['Nuland', 'PERSON'],
    ['Ibrahim Keita', 'PERSON'],
    ['Azawad National Liberation Movement', 'ORGANIZATION'],
    ['Economic Community of West African States', 'ORGANIZATION'],
    ['State Department', 'ORGANIZATION'],
    ['Kidal', 'LOCATION'],
    ['Abuja', 'LOCATION'],
    ['Washington', 'LOCATION'],
    ['Gao', 'LOCATION'],
    ['Timbuktu', 'LOCATION'],
    ['Bamako', 'LOCATION'],
  ])('tags %s as %s', (surface, type) => {
    // Act
    const mentions = tagMentions(ARTICLE);

    // Assess
    expect(mentions.filter((m) => m.text === surface).map((m) => m.type)).toContain(type);
  });

  it.each([
    ['', []],
    ['   \n\n  ', []],
    ['!!! ... ---', []],
    ['the cat sat on the mat.', []],
  ])('finds no entity in %j', (text, expected) => {
    expect(tagMentions(text)).toEqual(expected);
    expect(extractEntities(text)).toEqual(expected);
  });

  it('keeps exact offsets around characters outside the BMP', () => {
    // Prepare
    const text = '🎉🎉 Victoria Nuland, a State Department spokeswoman, arrived in Bamako 🇲🇱 on Monday.';

    // Act
    const mentions = tagMentions(text);

    // Assess
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Victoria Nuland', 'State Department', 'Bamako']);
  });

  it('tags a very long document in chunks without losing mentions', () => {
    // Prepare: ~60k tokens, above MAX_CHUNK_TOKENS
    const para = 'Victoria Nuland, a State Department spokeswoman, arrived in Bamako on Monday.';
    const text = Array.from({ length: 4500 }, () => para).join('\n\n');

    // Act
    const mentions = tagMentions(text);

    // Assess
    expect(mentions.filter((m) => m.text === 'Bamako')).toHaveLength(4500);
  });

  it('keeps titles and possessives out of the spans, with exact offsets', () => {
    // Act
    const mentions = tagMentions(ARTICLE);

    // Assess
    for (const m of mentions) {
      expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
      expect(m.text).not.toMatch(/^(Capt\.|President|spokeswoman)\s|['’]s$/);
    }
    expect(mentions.map((m) => m.text)).toContain('Mali');
  });

  it('resolves the article into one entity per thing, acronyms and surnames merged', () => {
    // Act
    const entities = extractEntities(ARTICLE);
    const byName = new Map(entities.map((e) => [e.name, e]));

    // Assess
    expect(byName.get('Victoria Nuland')).toMatchObject({
      id: 'PERSON:victoria-nuland',
      type: 'PERSON',
      aliases: ['Nuland'],
      count: 2,
    });
    expect(byName.get('Amadou Touré')).toMatchObject({ type: 'PERSON', aliases: ['Touré'], count: 2 });
    expect(byName.get('Azawad National Liberation Movement')).toMatchObject({
      type: 'ORGANIZATION',
      aliases: ['MNLA'],
      count: 3,
    });
    expect(byName.get('Economic Community of West African States')).toMatchObject({
      type: 'ORGANIZATION',
      aliases: ['ECOWAS'],
      count: 3,
    });
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    for (const e of entities) expect(e.salience).toBeGreaterThan(0);
  });
});
