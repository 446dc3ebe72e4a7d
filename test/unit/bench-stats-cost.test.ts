/** The bench's pure helpers: statistics and the cost model (no timing is measured or asserted here). */
import { describe, expect, it } from 'vitest';
import {
  comprehendCost,
  comprehendUnits,
  costPer1000,
  cpuShareFactor,
  dynamoItemBytes,
  ioMsFor,
  PRICES,
  readUnits,
  writeUnits,
} from '../../bench/cost.ts';
import { fmtUsd, markdownTable, median, quantile, summarize } from '../../bench/stats.ts';
import { syntheticArticle } from '../../bench/synthetic.ts';

describe('quantile', () => {
  it.each([
    [[5], 0.5, 5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 1, 7, 3, 5], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95, 20],
    [[1, 2], 0.95, 1.95],
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 1, 3],
  ])('%j at %s → %s', (values, q, expected) => {
    // Act
    const result = quantile(values, q);
    // Assess
    expect(result).toBeCloseTo(expected, 10);
  });

  it('is NaN for no values and refuses a quantile outside 0..1', () => {
    expect(median([])).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    // Prepare
    const values = [3, 1, 2];
    // Act
    summarize(values);
    // Assess
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('gives n, min, median, p95, max and mean', () => {
    const summary = summarize([4, 1, 3, 2]);
    expect(summary).toMatchObject({ n: 4, min: 1, median: 2.5, max: 4, mean: 2.5 });
    expect(summary.p95).toBeCloseTo(3.85, 10);
  });
});

describe('formatting', () => {
  it.each([
    [0, '$0'],
    [0.0029012, '$0.00290'],
    [3.7812, '$3.78'],
  ])('fmtUsd(%s) → %s', (value, expected) => {
    expect(fmtUsd(value)).toBe(expected);
  });

  it('escapes pipes in Markdown table cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'z']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | z |');
  });
});

describe('Comprehend units', () => {
  it.each([
    [0, 3],
    [150, 3],
    [300, 3],
    [301, 4],
    [5_000, 50],
    [5_001, 51],
  ])('%s characters → %s units', (chars, units) => {
    expect(comprehendUnits(chars)).toBe(units);
  });

  it('bills each document separately, with its own minimum', () => {
    // 2 short documents (3 units each) + one of 1,000 characters (10 units) = 16 units
    expect(comprehendCost([10, 20, 1000])).toBeCloseTo(16 * PRICES.comprehendPerUnit, 12);
  });
});

describe('DynamoDB capacity units', () => {
  it.each([
    [{ pk: 'A#1' }, 2 + 3],
    [{ pk: 'A#1', n: 12345 }, 5 + 1 + 4],
    [{ ok: true, none: null }, 2 + 1 + 4 + 1],
    [{ list: ['ab', 'c'] }, 4 + 3 + (1 + 2) + (1 + 1)],
    [{ map: { k: 'vv' } }, 3 + 3 + (1 + 1 + 2)],
    [{ name: 'Touré' }, 4 + 6],
  ])('item %j is %s bytes', (item, bytes) => {
    expect(dynamoItemBytes(item)).toBe(bytes);
  });

  it.each([
    [0, 1],
    [1024, 1],
    [1025, 2],
    [10_000, 10],
  ])('writing %s bytes costs %s write units', (bytes, units) => {
    expect(writeUnits(bytes)).toBe(units);
  });

  it.each([
    [100, true, 1],
    [4097, true, 2],
    [4097, false, 1],
    [100, false, 0.5],
  ])('reading %s bytes (consistent: %s) costs %s read units', (bytes, consistent, units) => {
    expect(readUnits(bytes, consistent)).toBe(units);
  });
});

describe('costPer1000', () => {
  it('scales CPU time by the memory’s CPU share, adds I/O wait, and prices GB-seconds and requests', () => {
    // Prepare: 10 ms of CPU at 1024 MB (×1769/1024), 0 I/O, one article per invocation; nothing else.
    const inputs = {
      functions: [
        { name: 'annotate', memoryMb: 1024, cpuMsPerArticle: 10, ioMsPerArticle: 0, articlesPerInvocation: 1 },
      ],
      requests: {
        s3Get: 0,
        s3Put: 0,
        s3Head: 0,
        s3Delete: 0,
        dynamoReadUnits: 0,
        dynamoWriteUnits: 0,
        dynamoCalls: {},
        sqs: 0,
      },
      charsPerArticle: [500],
    };
    // Act
    const cost = costPer1000(inputs);
    // Assess
    const billedMs = 10 * (1769 / 1024);
    expect(cost.lambdaComputeByFunction.annotate?.billedMs).toBeCloseTo(billedMs, 6);
    expect(cost.lambdaCompute).toBeCloseTo(1000 * (billedMs / 1000) * 1 * PRICES.lambdaArmPerGbSecond, 12);
    expect(cost.lambdaRequests).toBeCloseTo(1000 * PRICES.lambdaPerRequest, 12);
    expect(cost.total).toBeCloseTo(cost.lambdaCompute + cost.lambdaRequests, 12);
    expect(cost.comprehend).toBeCloseTo(1000 * 5 * PRICES.comprehendPerUnit, 12);
  });

  it('prices S3, SQS and DynamoDB requests per article', () => {
    const cost = costPer1000({
      functions: [],
      requests: {
        s3Get: 2,
        s3Put: 1,
        s3Head: 1,
        s3Delete: 0,
        dynamoReadUnits: 4,
        dynamoWriteUnits: 100,
        dynamoCalls: {},
        sqs: 2.4,
      },
      charsPerArticle: [],
    });
    expect(cost.s3).toBeCloseTo((1000 * (3 * 0.0004 + 0.005)) / 1000, 12);
    expect(cost.sqs).toBeCloseTo((1000 * 2.4 * 0.4) / 1e6, 12);
    expect(cost.dynamo).toBeCloseTo((1000 * (4 * 0.125 + 100 * 0.625)) / 1e6, 12);
    expect(cost.comprehend).toBeNaN();
  });

  it.each([
    [512, 1769 / 512],
    [1024, 1769 / 1024],
    [1769, 1],
    [3008, 1],
  ])('CPU share factor at %s MB is %s', (memory, factor) => {
    expect(cpuShareFactor(memory)).toBeCloseTo(factor, 10);
  });

  it('estimates I/O wait from the calls of a function', () => {
    expect(ioMsFor({ 'S3 GetObject': 2, 'S3 PutObject': 1, 'DynamoDB Query': 0.5 })).toBe(3 * 20 + 0.5 * 6);
  });
});

describe('syntheticArticle', () => {
  it('is deterministic per index and varies between indices and formats', () => {
    expect(syntheticArticle(7)).toEqual(syntheticArticle(7));
    expect(syntheticArticle(7).body).not.toBe(syntheticArticle(8).body);
    expect([0, 3, 4].map((i) => syntheticArticle(i).contentType.split(';')[0])).toEqual([
      'text/plain',
      'text/html',
      'text/markdown',
    ]);
  });
});
