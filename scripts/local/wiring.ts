/**
 * S3 event notifications, local edition: turns s3rver's `event` emissions into the S3 notification bodies AWS
 * puts on an SQS queue, and routes them by key prefix (raw/ → clean-queue, cleaned/ → annotate-queue).
 *
 * s3rver's events differ from AWS's in ways handlers notice, so they are normalised here:
 * - keys: AWS sends them form-urlencoded (space → `+`, `+` → `%2B`, non-ASCII → UTF-8 percent escapes, `/` kept);
 *   s3rver sends them raw;
 * - sequencer: AWS sends a fixed-width hex string that grows per key; s3rver sends a millisecond timestamp, which
 *   ties within a millisecond. Here it is a process-wide strictly increasing counter;
 * - eventVersion 2.1 and a real bucket ARN. (ObjectRemoved for multi-object deletes: see servers.ts.)
 */
import { randomBytes } from 'node:crypto';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type S3rver from 's3rver';
import { encodeS3Key } from '../../shared/events/s3-records.ts';
import type { LocalQueue } from './queues.ts';

const SEQUENCER_WIDTH = 18;
let lastSequencer = 0n;

/**
 * A process-wide, strictly increasing, fixed-width upper-case hex sequencer (compare as strings, as AWS advises:
 * pad to equal length, then compare). Seeded from the clock so it also grows across restarts.
 */
export function nextSequencer(): string {
  const fromClock = BigInt(Date.now()) << 16n;
  lastSequencer = fromClock > lastSequencer ? fromClock : lastSequencer + 1n;
  return lastSequencer.toString(16).toUpperCase().padStart(SEQUENCER_WIDTH, '0');
}

/** The shape s3rver 3.x emits (one record per event). */
export interface S3rverEvent {
  Records: {
    eventName: string;
    eventTime: string;
    awsRegion?: string;
    requestParameters?: { sourceIPAddress?: string };
    responseElements?: Record<string, string>;
    userIdentity?: { principalId?: string };
    s3: {
      bucket: { name: string };
      object: { key: string; size?: number; eTag?: string; sequencer?: string };
    };
  }[];
}

export interface NormaliseOptions {
  region?: string;
  /** Notification configuration id (AWS: the id of the notification rule). */
  configurationId?: string;
}

/** Converts one s3rver event into the exact body AWS would deliver to SQS. */
export function toAwsS3Event(event: S3rverEvent, options: NormaliseOptions = {}): S3Event {
  const region = options.region ?? 'us-east-1';
  return {
    Records: event.Records.map((record): S3EventRecord => {
      const object = record.s3.object;
      const created = record.eventName.startsWith('ObjectCreated:');
      return {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: record.eventTime,
        eventName: record.eventName,
        userIdentity: { principalId: record.userIdentity?.principalId ?? 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: record.requestParameters?.sourceIPAddress ?? '127.0.0.1' },
        responseElements: {
          'x-amz-request-id': record.responseElements?.['x-amz-request-id'] ?? randomHex(8),
          'x-amz-id-2': record.responseElements?.['x-amz-id-2'] ?? randomHex(32),
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: options.configurationId ?? 'local-notification',
          bucket: {
            name: record.s3.bucket.name,
            ownerIdentity: { principalId: 'LOCALOWNER' },
            arn: `arn:aws:s3:::${record.s3.bucket.name}`,
          },
          object: {
            key: encodeS3Key(object.key),
            // ObjectRemoved events carry neither size nor eTag in AWS.
            ...(created ? { size: object.size ?? 0 } : {}),
            ...(created && object.eTag ? { eTag: object.eTag } : {}),
            sequencer: nextSequencer(),
          },
        },
      } as S3EventRecord;
    }),
  };
}

/** The body S3 sends once when a notification configuration is set (handlers must ignore it). */
export function s3TestEvent(bucket: string): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: new Date().toISOString(),
    Bucket: bucket,
    RequestId: randomHex(8),
    HostId: randomHex(32),
  });
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

export interface NotificationRule {
  /** Decoded key prefix, e.g. `raw/`. */
  prefix: string;
  /** Event families to send, e.g. `['ObjectCreated', 'ObjectRemoved']`. */
  events: ('ObjectCreated' | 'ObjectRemoved')[];
  queue: LocalQueue;
  id?: string;
}

export interface WiringOptions {
  bucket: string;
  rules: NotificationRule[];
  region?: string;
  /** Send `s3:TestEvent` to every rule's queue once, as S3 does when notifications are configured. */
  sendTestEvent?: boolean;
}

/**
 * Subscribes to s3rver's events and sends AWS-shaped notification bodies to the matching queues (one record per
 * message, as S3 does). Returns an unsubscribe function.
 */
export function wireNotifications(server: S3rver, options: WiringOptions): () => void {
  const listener = (event: S3rverEvent) => {
    for (const record of event.Records) {
      if (record.s3.bucket.name !== options.bucket) continue;
      const family = record.eventName.split(':')[0];
      const body = toAwsS3Event({ Records: [record] }, { region: options.region });
      const awsRecord = body.Records[0];
      for (const rule of options.rules) {
        if (!record.s3.object.key.startsWith(rule.prefix)) continue;
        if (!rule.events.some((e) => e === family)) continue;
        if (awsRecord) awsRecord.s3.configurationId = rule.id ?? `${rule.queue.name}-notification`;
        rule.queue.send(JSON.stringify(body));
      }
    }
  };
  server.on('event', listener);
  if (options.sendTestEvent) {
    for (const rule of new Set(options.rules.map((r) => r.queue))) rule.send(s3TestEvent(options.bucket));
  }
  return () => server.removeListener('event', listener);
}
