/** Lambda events as AWS delivers them: SQS records carrying S3 notifications, and HTTP API (2.0) requests. */
import { randomUUID } from 'node:crypto';
import { encodeS3Key } from '../shared/events/s3-records.ts';

export function s3Notification(options: {
  bucket: string;
  key: string;
  size: number;
  eTag: string;
  sequencer: string;
  eventName?: string;
}): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName: options.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:BENCH' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'BENCH', 'x-amz-id-2': 'BENCH' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'bench',
          bucket: {
            name: options.bucket,
            ownerIdentity: { principalId: 'BENCH' },
            arn: `arn:aws:s3:::${options.bucket}`,
          },
          object: {
            key: encodeS3Key(options.key),
            size: options.size,
            eTag: options.eTag.replace(/"/g, ''),
            sequencer: options.sequencer,
          },
        },
      },
    ],
  });
}

export function sqsEvent(bodies: readonly string[], queue: string) {
  const now = String(Date.now());
  return {
    Records: bodies.map((body) => ({
      messageId: randomUUID(),
      receiptHandle: 'bench',
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: now,
        SenderId: 'BENCH',
        ApproximateFirstReceiveTimestamp: now,
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queue}`,
      awsRegion: 'us-east-1',
    })),
  };
}

export function httpEvent(path: string) {
  return {
    version: '2.0',
    routeKey: 'GET /{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { accept: 'application/json' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: 'GET /{proxy+}',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

let lastSequencer = 0n;
/** Strictly increasing upper-case hex sequencers, as S3 issues per key. */
export function nextSequencer(): string {
  const fromClock = BigInt(Date.now()) << 16n;
  lastSequencer = fromClock > lastSequencer ? fromClock : lastSequencer + 1n;
  return lastSequencer.toString(16).toUpperCase().padStart(18, '0');
}
