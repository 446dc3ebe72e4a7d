/**
 * S3 events are at-least-once and unordered. Replaying every real event of a key's history (create, re-create,
 * delete, re-create), shuffled and duplicated, through the real queues and handlers must converge to the newest
 * state, with one version of the records and nothing stale.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { startTestStack } from '../support/stack.ts';

const KEY = 'raw/convergence/ferry timetable.txt';
const ID = articleIdForKey(KEY);
const version = (n: number) =>
  `Ferry timetable, version ${n}\n\nVALDERHOLM, Norway — The ferry company changed its timetable again.\n\n` +
  `“This is timetable number ${n},” said harbour master Liv Asheim.`;

let stack: LocalStack;
const captured: Array<{ queue: 'clean' | 'annotate'; body: string }> = [];

beforeAll(async () => {
  stack = await startTestStack();
  for (const name of ['clean', 'annotate'] as const) {
    const queue = stack.queues[name];
    const send = queue.send.bind(queue);
    queue.send = (body: string) => {
      if (!body.includes('s3:TestEvent')) captured.push({ queue: name, body });
      return send(body);
    };
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function put(n: number) {
  await stack.s3.send(
    new PutObjectCommand({ Bucket: stack.bucket, Key: KEY, Body: version(n), ContentType: 'text/plain' }),
  );
  await stack.idle();
}

async function remove() {
  await stack.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: KEY }));
  await stack.idle();
}

/** Every captured event twice, in a seeded random order, through the real queues. */
async function replayShuffled(seed: number) {
  const events = [...captured, ...captured];
  let state = seed;
  for (let i = events.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  for (const { queue, body } of events) stack.queues[queue].send(body);
  await stack.idle();
}

async function items() {
  const out = await stack.doc.send(
    new QueryCommand({
      TableName: stack.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${ID}` },
    }),
  );
  return out.Items ?? [];
}

async function article() {
  const res = await fetch(`${stack.apiUrl}/articles/${ID}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe('a shuffled, duplicated event history converges to the newest state', () => {
  it('ends on the last upload after create, re-create, delete, re-create', async () => {
    // Prepare: the real history of one key.
    await put(1);
    await put(2);
    await remove();
    await put(3);
    expect(captured.filter((e) => e.queue === 'clean').length).toBeGreaterThanOrEqual(4);
    // Act
    await replayShuffled(7);
    await replayShuffled(42);
    // Assess
    const { status, body } = await article();
    expect(status).toBe(200);
    expect(body.title ?? body.text).toContain('version 3');
    expect(body.quotes.map((q: any) => q.text)).toEqual(['This is timetable number 3,']);
    const all = await items();
    expect(all.filter((i) => i.sk === 'META')).toHaveLength(1);
    const versions = new Set(all.filter((i) => i.sk !== 'META').map((i) => String(i.sk).split('#')[1]));
    expect(versions.size).toBe(1);
  });

  it('ends deleted, with no record left, when the last event of the history is a delete', async () => {
    // Act
    await remove();
    await replayShuffled(99);
    // Assess
    expect((await article()).status).toBe(404);
    expect(await items()).toEqual([]);
  });
});
