/**
 * The throughput measure's process set-up (bench/throughput.ts + bench/child/): the pipeline and the peer run in
 * child processes of their own, driven over IPC. Only the plumbing is checked (counts, which corpus each side got);
 * no timing is asserted beyond being measured.
 */
import { describe, expect, it } from 'vitest';
import { measureThroughput, prepare } from '../../bench/throughput.ts';

const encoder = new TextEncoder();
const article = (key: string, text: string) => ({
  id: key,
  source: 'samples' as const,
  key,
  raw: encoder.encode(text),
});

const CORPUS = [
  article(
    'harbour.txt',
    'The harbour board of Wexmouth met on Tuesday. "We will open the new quay in May," said Orla Brannigan, its chair.\n\nFishermen welcomed the plan.',
  ),
  article(
    'orchard.md',
    '# Orchard prices\n\nApple growers in Callow Vale expect a smaller harvest this year, according to Tomas Ferrante of the Callow Growers Association.',
  ),
  article(
    'library.txt',
    'Residents of Pellingford packed the town hall to oppose the closure of the library. Councillor Ines Mbeki said the decision was not final.',
  ),
];

describe('measureThroughput (pipeline and peer in child processes)', () => {
  const { articles, rejected } = prepare(CORPUS);
  const words = articles.reduce((sum, a) => sum + a.words, 0);

  it.each([
    ['the peer on the same corpus', undefined, 3],
    ['the peer on a reduced corpus (quick mode)', [0], 1],
  ])('%s', async (_, peerIndexes, peerCount) => {
    // Arrange
    const peerArticles = peerIndexes?.map((i) => articles[i]!);
    const peerWords = (peerArticles ?? articles).reduce((sum, a) => sum + a.words, 0);
    // Act
    const result = await measureThroughput(articles, {
      runs: 2,
      warmups: 1,
      ...(peerArticles ? { peerArticles } : {}),
    });
    // Assess
    expect(rejected).toEqual([]);
    expect(result).toMatchObject({ articles: 3, words, runs: 2, peerArticles: peerCount, peerWords });
    for (const list of [result.pipelineRunMs, result.peerRunMs, result.pipelineWallMs, result.peerWallMs]) {
      expect(list).toHaveLength(2);
      for (const ms of list) expect(ms).toBeGreaterThan(0);
    }
    expect(result.ratio).toBeCloseTo(result.pipelineWordsPerSecond / result.peerWordsPerSecond, 10);
    expect(Number.isFinite(result.entitiesWordsPerSecond)).toBe(true);
  });

  it('a pass that throws in a child rejects with the child’s error instead of hanging', async () => {
    // Arrange: an article whose raw bytes clean rejects (empty), with a text so the peer has work.
    const broken = { item: article('empty.txt', ''), text: 'Nothing here.', words: 2 };
    // Act
    const run = measureThroughput([broken], { runs: 1, warmups: 0 });
    // Assess
    await expect(run).rejects.toThrow(/pipeline child: .*InputRejected|pipeline child: .*Empty/);
  });
});
