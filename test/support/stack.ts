/**
 * `startTestStack()`: the local stack for an integration test file. s3rver on a free port with its data in a fresh
 * temporary folder, a table with a unique name in the run's shared DynamoDB Local (see global-setup.ts; without it,
 * a private in-memory DynamoDB Local is started), the queues and wiring with short retry delays, the real handlers
 * (or the overrides given) and the HTTP API on a free port. The handlers read their configuration at module load,
 * so start at most one stack with real handlers per test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../scripts/local/stack.ts';

export type TestStackOptions = Partial<Omit<LocalStackOptions, 'dataDir'>>;

let counter = 0;

export async function startTestStack(options: TestStackOptions = {}): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'annotator-test-'));
  let shared: string | undefined;
  try {
    shared = inject('dynamoEndpoint');
  } catch {
    shared = undefined;
  }
  counter += 1;
  try {
    const stack = await startLocalStack({
      persistent: false,
      table: `annotator-test-${process.pid}-${counter}-${Date.now().toString(36)}`,
      bucket: 'articles',
      ...(shared ? { dynamoEndpoint: shared } : {}),
      sendTestEvent: true,
      logLevel: process.env.LOG_LEVEL ?? 'ERROR',
      // Harness messages (handler errors, dead letters) stay quiet unless LOCAL_STACK_LOG=1.
      log: process.env.LOCAL_STACK_LOG === '1' ? (message) => console.error(message) : () => undefined,
      ...options,
      queue: { batchWindowMs: 20, retryDelayMs: 50, maxRetryDelayMs: 400, ...options.queue },
      dataDir,
    });
    const stop = stack.stop;
    return {
      ...stack,
      async stop() {
        await stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
