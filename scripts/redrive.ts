/**
 * npm run redrive                                   local: every dead letter of `npm start` back to its queue
 * npm run redrive -- --queue clean-queue            local: one queue only (clean-queue | annotate-queue)
 * npm run redrive -- --data-dir DIR                 local: another data folder (default $DATA_DIR or .local)
 * npm run redrive -- --queue-url DLQ_URL [...]      AWS: move the DLQ's messages back to their source queue
 *                   [--rate N] [--wait]             (SQS StartMessageMoveTask; N messages/s; wait until done)
 *
 * Locally, the dead letters `<dataDir>/dlq/<queue>/*.json` are moved to `<dataDir>/redrive/<queue>/`, which the
 * running `npm start` watches: it sends each message back to its queue (or the next `npm start` does). In AWS, the
 * DLQ URLs are the stack outputs CleanDlqUrl and AnnotateDlqUrl; the caller needs sqs:StartMessageMoveTask,
 * sqs:ListMessageMoveTasks and sqs:GetQueueAttributes on the DLQ, plus sqs:SendMessage on the source queue.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { moveDeadLettersToRedrive } from './local/redrive.ts';

const LOCAL_QUEUES = ['clean-queue', 'annotate-queue'];

const { values } = parseArgs({
  options: {
    'queue-url': { type: 'string', multiple: true },
    queue: { type: 'string', multiple: true },
    'data-dir': { type: 'string' },
    rate: { type: 'string' },
    wait: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run redrive [-- --queue clean-queue|annotate-queue] [--data-dir DIR]\n' +
      '       npm run redrive -- --queue-url DLQ_URL [--queue-url DLQ_URL] [--rate N] [--wait]',
  );
  process.exit(0);
}

async function redriveAws(urls: string[]): Promise<void> {
  const sqs = new SQSClient({});
  const rate = values.rate === undefined ? undefined : Number(values.rate);
  if (rate !== undefined && !(Number.isInteger(rate) && rate >= 1 && rate <= 500)) {
    throw new Error('--rate must be a whole number of messages per second between 1 and 500');
  }
  try {
    for (const url of urls) {
      const attributes = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'],
        }),
      );
      const arn = attributes.Attributes?.QueueArn;
      if (!arn) throw new Error(`No ARN for ${url}`);
      const count = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? '0');
      if (count === 0) {
        console.log(`${url}: empty, nothing to redrive`);
        continue;
      }
      // Without DestinationArn, SQS moves each message back to the queue it was dead-lettered from.
      const task = await sqs.send(
        new StartMessageMoveTaskCommand({
          SourceArn: arn,
          ...(rate ? { MaxNumberOfMessagesPerSecond: rate } : {}),
        }),
      );
      console.log(`${url}: moving about ${count} message(s) back to the source queue (task ${task.TaskHandle})`);
      if (values.wait) await waitForTask(sqs, arn, url);
    }
  } finally {
    sqs.destroy();
  }
}

async function waitForTask(sqs: SQSClient, arn: string, url: string): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5_000));
    const out = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: arn, MaxResults: 1 }));
    const task = out.Results?.[0];
    if (!task) return;
    console.log(
      `${url}: ${task.Status} — ${task.ApproximateNumberOfMessagesMoved ?? 0} of ${task.ApproximateNumberOfMessagesToMove ?? '?'} moved`,
    );
    if (task.Status === 'FAILED') throw new Error(`Move task failed: ${task.FailureReason ?? 'no reason given'}`);
    if (task.Status !== 'RUNNING') return;
  }
}

function redriveLocal(): void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? join(root, '.local'));
  const queues = values.queue;
  for (const queue of queues ?? []) {
    if (!LOCAL_QUEUES.includes(queue)) throw new Error(`--queue must be one of ${LOCAL_QUEUES.join(', ')}`);
  }
  const moved = moveDeadLettersToRedrive(dataDir, queues);
  for (const letter of moved) console.log(`${letter.queue}: ${letter.messageId} (last error: ${letter.lastError})`);
  console.log(
    moved.length === 0
      ? `No dead letters under ${join(dataDir, 'dlq')}.`
      : `Moved ${moved.length} dead letter(s) to ${join(dataDir, 'redrive')}; the running \`npm start\` sends them back to their queue (or the next \`npm start\` will).`,
  );
}

try {
  if (values['queue-url']?.length) await redriveAws(values['queue-url']);
  else redriveLocal();
} catch (error) {
  console.error(`redrive: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
