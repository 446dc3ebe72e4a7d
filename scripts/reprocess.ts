/**
 * npm run reprocess -- [--local] [--bucket NAME] [--prefix raw/…] [--stage all|annotate] [--dry-run]
 *
 * Re-runs the pipeline on articles already in the bucket (after a model or pipeline upgrade) without re-uploading:
 * each object is copied onto itself, which emits a new ObjectCreated event with a newer sequencer.
 *   --stage all       (default) copies raw/ objects: clean + annotate again.
 *   --stage annotate  copies cleaned/ objects: annotate again (records made by an older pipeline are replaced).
 */

import { parseArgs } from 'node:util';
import { CopyObjectCommand, HeadObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { operatorS3Client } from './lib/s3-client.ts';

const { values } = parseArgs({
  options: {
    local: { type: 'boolean', default: false },
    bucket: { type: 'string' },
    prefix: { type: 'string' },
    stage: { type: 'string', default: 'all' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const bucket =
  values.bucket ?? process.env.BUCKET_NAME ?? (values.local ? (process.env.BUCKET ?? 'articles') : undefined);
if (!bucket) {
  console.error('Give the bucket: --bucket NAME (the stack output BucketName), or --local for npm start’s bucket.');
  process.exit(2);
}
if (values.stage !== 'all' && values.stage !== 'annotate') {
  console.error('--stage must be "all" or "annotate"');
  process.exit(2);
}
const base = values.stage === 'all' ? 'raw/' : 'cleaned/';
const prefix = values.prefix ?? base;
if (!prefix.startsWith(base)) {
  console.error(`--prefix must start with ${base} for --stage ${values.stage}`);
  process.exit(2);
}

const s3 = operatorS3Client(values.local);
let count = 0;
for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
  for (const object of page.Contents ?? []) {
    if (!object.Key || object.Key.endsWith('/')) continue;
    count++;
    if (values['dry-run']) {
      console.log(`would reprocess ${object.Key}`);
      continue;
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: object.Key }));
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: object.Key,
        CopySource: `${bucket}/${object.Key.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'REPLACE',
        ContentType: head.ContentType,
        ContentEncoding: head.ContentEncoding,
        Metadata: { ...head.Metadata, reprocessed: new Date().toISOString() },
      }),
    );
    console.log(`reprocessing ${object.Key}`);
  }
}
console.log(
  `${values['dry-run'] ? 'Would reprocess' : 'Reprocessing'} ${count} object(s) under s3://${bucket}/${prefix}`,
);
s3.destroy();
