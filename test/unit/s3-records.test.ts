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

  it.each([
    ['not json', /not JSON/],
    ['{"Records":[{"eventName":"ObjectCreated:Put"}]}', /Records\.0\.s3: Invalid input: expected object/],
    ['{"hello":1}', /Records: Invalid input: expected array/],
    ['[]', /body: Invalid input: expected object/],
    ['{"Records":{"0":{}}}', /Records: Invalid input: expected array/],
    ['{"Records":[null]}', /Records\.0: Invalid input: expected object/],
    [
      notification('ObjectCreated:Put', 'raw/a.txt').replace('"key":"raw/a.txt"', '"key":7'),
      /s3\.object\.key: Invalid input: expected string/,
    ],
    [
      notification('ObjectCreated:Put', 'raw/a.txt').replace('"size":12', '"size":"12"'),
      /s3\.object\.size: Invalid input: expected number/,
    ],
    [
      notification('ObjectCreated:Put', 'raw/a.txt').replace('"name":"articles"', '"name":null'),
      /bucket\.name: Invalid input: expected string/,
    ],
    [
      notification('ObjectCreated:Put', 'raw/a.txt').replace('"eTag":"abc"', '"eTag":["abc"]'),
      /object\.eTag: Invalid input: expected string/,
    ],
    [
      notification('ObjectCreated:Put', 'raw/a.txt').replace('"eventName":"ObjectCreated:Put"', '"eventName":1'),
      /eventName: Invalid input: expected string/,
    ],
    [notification('ObjectRestore:Post', 'raw/a.txt'), /Unsupported S3 event/],
    [notification('ObjectCreated:Put', 'raw/%E0%A4%A.txt'), /Undecodable S3 key/],
  ])('rejects a body that is not an S3 notification it can handle: %s', (body, message) => {
    // Act
    const parse = () => parseS3Notification(body);
    // Assess
    expect(parse).toThrow(MalformedEventError);
    expect(parse).toThrow(message);
  });

  it('reads a delete event, which has no size or eTag, and a versioned object', () => {
    // Prepare
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectRemoved:DeleteMarkerCreated',
          s3: { bucket: { name: 'articles' }, object: { key: 'raw/x.txt', versionId: 'v2', sequencer: '0A' } },
        },
      ],
    });
    // Act
    const [event] = parseS3Notification(body);
    // Assess
    expect(event).toEqual({
      kind: 'removed',
      bucket: 'articles',
      key: 'raw/x.txt',
      size: null,
      eTag: null,
      versionId: 'v2',
      sequencer: '0A',
      eventTime: null,
    });
  });
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
