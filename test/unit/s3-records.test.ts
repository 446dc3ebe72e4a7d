import { describe, expect, it } from 'vitest';
import {
  compareSequencers,
  decodeS3Key,
  encodeS3Key,
  MalformedEventError,
  parseS3Notification,
} from '../../shared/events/s3-records.ts';

const notification = (eventName: string, key: string, sequencer = '0055AED6DCD90281E5') =>
  JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName,
        eventTime: '2026-11-27T10:00:00.000Z',
        s3: { bucket: { name: 'articles' }, object: { key, size: 12, eTag: 'abc', sequencer } },
      },
    ],
  });

describe('S3 keys as notifications carry them', () => {
  it.each([
    ['raw/my+article.txt', 'raw/my article.txt'],
    ['raw/a%2Bb.txt', 'raw/a+b.txt'],
    ['raw/100%25+sure.md', 'raw/100% sure.md'],
    ['raw/Tour%C3%A9+interview.html', 'raw/Touré interview.html'],
    ['raw/plain.txt', 'raw/plain.txt'],
  ])('decodes %s to %s, and encodes it back', (encoded, decoded) => {
    // Act
    const key = decodeS3Key(encoded);
    // Assess
    expect(key).toBe(decoded);
    expect(decodeS3Key(encodeS3Key(key))).toBe(decoded);
  });
});

describe('parseS3Notification', () => {
  it('turns created and removed events into object events with decoded keys', () => {
    // Act
    const [created] = parseS3Notification(notification('ObjectCreated:Put', 'raw/a+b%2Bc.txt'));
    const [removed] = parseS3Notification(notification('ObjectRemoved:Delete', 'raw/x.txt'));
    // Assess
    expect(created).toMatchObject({ kind: 'created', key: 'raw/a b+c.txt', bucket: 'articles', size: 12 });
    expect(removed).toMatchObject({ kind: 'removed', key: 'raw/x.txt' });
  });

  it('ignores the s3:TestEvent S3 sends when notifications are configured', () => {
    expect(parseS3Notification(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }))).toEqual([]);
  });

  it.each([['not json'], ['{"Records":[{"eventName":"ObjectCreated:Put"}]}'], ['{"hello":1}']])(
    'rejects a body that is not an S3 notification: %s',
    (body) => {
      expect(() => parseS3Notification(body)).toThrow(MalformedEventError);
    },
  );
});

describe('compareSequencers', () => {
  it.each([
    ['0055AED6DCD90281E5', '0055AED6DCD90281E6', -1],
    ['0055AED6DCD90281E6', '0055AED6DCD90281E5', 1],
    ['0055AED6DCD90281E5', '0055AED6DCD90281E5', 0],
    // Different lengths: the shorter is right-padded with zeros (AWS's rule).
    ['0055AED6DCD90281E5', '0055AED6DCD90281E500', 0],
    ['0055AED6DCD90281E5', '0055AED6DCD90281E501', -1],
    ['0055aed6dcd90281e6', '0055AED6DCD90281E5', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(compareSequencers(a, b))).toBe(expected);
  });
});
