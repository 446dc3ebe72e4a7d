import { describe, expect, it } from 'vitest';
import { annotate } from '../../shared/pipeline/annotate.ts';

// Short stories written for this test.
const GERMAN =
  'Nach zwei Jahren Bauzeit hat die Fähre nach Veldhaven am Donnerstag den Betrieb wieder aufgenommen. „Wir sind sehr froh, dass die Verbindung wieder steht“, sagte Bürgermeisterin Ines Halloran bei der Eröffnung. Die Reederei will im Sommer zwei weitere Schiffe einsetzen, und die Preise bleiben nach Angaben der Stadt unverändert.';
const ENGLISH =
  'The ferry to Veldhaven resumed service on Thursday after two years of repairs. “We are very glad the link is back,” said Mayor Ines Halloran at the reopening. The operator plans to add two more boats in the summer, and fares will not change, the town said.';

describe('annotate: the languages the stages are written for', () => {
  it('annotates English text', () => {
    // Act
    const a = annotate(ENGLISH);
    // Assess
    expect(a.article.language).toBe('en');
    expect(a.warnings).toEqual([]);
    expect(a.quotes.map((q) => q.speaker)).toContain('Ines Halloran');
    expect(a.entities.map((e) => e.name)).toContain('Veldhaven');
  });

  it('keeps a German article with no entities or quotes from the English model, and says why', () => {
    // Act
    const a = annotate(GERMAN);
    // Assess
    expect(a.article.language).toBe('de');
    expect(a.article.text).toContain('Fähre nach Veldhaven');
    expect(a.entities).toEqual([]);
    expect(a.quotes).toEqual([]);
    expect(a.warnings).toEqual(["Entities and quotes are extracted from English text only; this article is in 'de'."]);
  });

  it('trusts the text over a page that declares another language', () => {
    // Prepare: an English story on a page template that declares German
    const html = `<html lang="de"><head><title>Ferry</title></head><body><article><p>${ENGLISH}</p></article></body></html>`;
    // Act
    const a = annotate(html);
    // Assess
    expect(a.article.language).toBe('en');
    expect(a.quotes.map((q) => q.speaker)).toContain('Ines Halloran');
  });
});
