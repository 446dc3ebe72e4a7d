import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTraining } from '../../scripts/train-ner.ts';
import { loadModelBase64 } from '../../shared/pipeline/entities/model-format.ts';
import { tagWithModel } from '../../shared/pipeline/entities/tagger.ts';

// A synthetic CoNLL-2003-style corpus (raw IOB1 format) generated here: invented names in news-like frames.
const FIRST = ['Amadou', 'Awa', 'Moussa', 'Fatou', 'Ibrahim', 'Mariam', 'Oumar', 'Kadi'];
const LAST = ['Traoré', 'Keita', 'Diarra', 'Sanogo', 'Coulibaly', 'Maiga', 'Toure', 'Dembele'];
const CITIES = ['Bamako', 'Segou', 'Kayes', 'Mopti', 'Sikasso', 'Gao'];
const ORGS = [
  ['Sahel', 'Mining', 'Corp'],
  ['Niger', 'River', 'Authority'],
  ['Bank', 'of', 'Kayes'],
];

function corpus(docs: number, seed: number): string {
  const lines: string[] = [];
  let s = seed;
  const pick = <T>(a: readonly T[]): T => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return a[s % a.length]!;
  };
  const tok = (w: string, tag = 'O') => lines.push(`${w} X X ${tag}`);
  for (let d = 0; d < docs; d++) {
    lines.push('-DOCSTART- -X- -X- O', '');
    for (let k = 0; k < 4; k++) {
      const org = pick(ORGS);
      tok(pick(FIRST), 'I-PER');
      tok(pick(LAST), 'I-PER');
      tok('said');
      tok('in');
      tok(pick(CITIES), 'I-LOC');
      tok('that');
      tok('the');
      for (const w of org) tok(w, 'I-ORG');
      tok('would');
      tok('grow');
      tok('.');
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('train:ner', () => {
  it('is deterministic: the same data gives a byte-identical model module, and the model learns', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ner-train-'));
    const train = join(dir, 'train.txt');
    const dev = join(dir, 'dev.txt');
    writeFileSync(train, corpus(30, 7));
    writeFileSync(dev, corpus(5, 99));
    const args = (out: string) => ['--quick', '--train', train, '--dev', dev, '--out', out];

    // Act
    const a = runTraining(args(join(dir, 'a.ts')), () => {});
    const b = runTraining(args(join(dir, 'b.ts')), () => {});

    // Assess
    const srcA = readFileSync(a.out, 'utf8');
    expect(srcA).toBe(readFileSync(b.out, 'utf8'));
    expect(a.version).toBe(b.version);
    const b64 = /^ {2}'([A-Za-z0-9+/=]+)';$/m.exec(srcA)?.[1] ?? '';
    const model = loadModelBase64(b64);
    expect(model.header.version).toBe(a.version);
    const text = 'Fatou Diarra said in Mopti that the Niger River Authority would grow.';
    expect(tagWithModel(model, text).map((m) => [m.text, m.type])).toEqual([
      ['Fatou Diarra', 'PERSON'],
      ['Mopti', 'LOCATION'],
      ['Niger River Authority', 'ORGANIZATION'],
    ]);
  });
});
