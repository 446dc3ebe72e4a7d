/**
 * S3 event notifications as they arrive through SQS: parse, decode keys, compare sequencers.
 */
import * as z from 'zod';

const S3EventRecord = z.object({
  eventName: z.string(),
  eventTime: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string(),
      size: z.number().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const S3Notification = z.object({ Records: z.array(S3EventRecord) });
const S3TestEvent = z.looseObject({ Event: z.literal('s3:TestEvent') });

export interface ObjectEvent {
  kind: 'created' | 'removed';
  bucket: string;
  /** Decoded key, exactly as the object is named. */
  key: string;
  size: number | null;
  eTag: string | null;
  versionId: string | null;
  sequencer: string;
  eventTime: string | null;
}

export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

/**
 * Keys in S3 notifications are URL-encoded the way HTML forms are (`+` for space, `%2B` for `+`).
 */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** Characters S3 leaves as they are in notification keys (java.net.URLEncoder's set, plus `/`). */
const UNRESERVED = /[A-Za-z0-9.\-_*/]/;

/** The inverse of `decodeS3Key`: keys as S3 notifications carry them (`application/x-www-form-urlencoded`). */
export function encodeS3Key(key: string): string {
  let out = '';
  for (const char of key) {
    if (char === ' ') out += '+';
    else if (UNRESERVED.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Parse one SQS message body into object events (an `s3:TestEvent` yields none). */
export function parseS3Notification(body: string): ObjectEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedEventError('SQS message body is not JSON');
  }
  if (S3TestEvent.safeParse(json).success) return [];
  const parsed = S3Notification.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'body';
    throw new MalformedEventError(`Not an S3 event notification: ${where}: ${issue?.message}`);
  }
  return parsed.data.Records.map((r) => {
    const kind = r.eventName.startsWith('ObjectCreated')
      ? 'created'
      : r.eventName.startsWith('ObjectRemoved')
        ? 'removed'
        : null;
    if (!kind) throw new MalformedEventError(`Unsupported S3 event ${r.eventName}`);
    let key: string;
    try {
      key = decodeS3Key(r.s3.object.key);
    } catch {
      throw new MalformedEventError(`Undecodable S3 key ${r.s3.object.key}`);
    }
    return {
      kind,
      bucket: r.s3.bucket.name,
      key,
      size: r.s3.object.size ?? null,
      eTag: r.s3.object.eTag ?? null,
      versionId: r.s3.object.versionId ?? null,
      sequencer: r.s3.object.sequencer ?? '0',
      eventTime: r.eventTime ?? null,
    };
  });
}

/**
 * Compare two S3 sequencers of the same key. They are hex strings of possibly different lengths; AWS says to
 * right-pad the shorter with zeros, then compare lexicographically.
 */
export function compareSequencers(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  const pa = a.toUpperCase().padEnd(len, '0');
  const pb = b.toUpperCase().padEnd(len, '0');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
