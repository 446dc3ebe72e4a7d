/**
 * Inside a handler worker (see workers.ts): one "Lambda instance" of a function. Loaded once with the function's
 * environment, it imports the handler module (which reads its config and creates its clients at module load, as in
 * Lambda), then handles one invocation at a time for the main thread's queue emulation.
 *
 * Everything the main thread must see in order goes through one port: log output (the handler's stdout/stderr
 * writes), record failures (their reasons end up in dead-letter files), then the invocation's result. So when a
 * batch's result arrives, its log lines and failure reasons have already been delivered.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Context, SQSEvent } from 'aws-lambda';
import { onRecordFailure, type RecordFailure } from '../../shared/events/s3-batch.ts';

/** What the pool passes as `workerData`. */
export interface WorkerInit {
  /** Absolute path of the handler module (exports `handler`). */
  handlerFile: string;
}

/** The serialisable part of a Lambda context; the remaining time is computed from `deadline` (epoch ms). */
export type InvocationContext = Omit<
  Context,
  'getRemainingTimeInMillis' | 'done' | 'fail' | 'succeed' | 'callbackWaitsForEmptyEventLoop'
> & { deadline: number };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ToWorker = { type: 'invoke'; id: number; event: SQSEvent; context: InvocationContext };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: SerializedError }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'failure'; failure: RecordFailure }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

const port = parentPort;
if (!port) throw new Error('handler-worker.ts runs inside a worker thread (see workers.ts)');
const post = (message: FromWorker) => port.postMessage(message);

// The handler's log lines go to the main thread through the port, so they keep their order with the results.
for (const stream of ['stdout', 'stderr'] as const) {
  process[stream].write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    post({ type: 'output', stream, text });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof process.stdout.write;
}

onRecordFailure((failure) => post({ type: 'failure', failure }));

type Handler = (event: SQSEvent, context: Context) => Promise<unknown>;

async function load(): Promise<Handler> {
  const { handlerFile } = workerData as WorkerInit;
  const module = (await import(pathToFileURL(handlerFile).href)) as { handler?: Handler };
  if (typeof module.handler !== 'function') throw new Error(`${handlerFile} does not export a function named handler`);
  return module.handler;
}

load().then(
  (handler) => {
    port.on('message', (message: ToWorker) => {
      if (message.type !== 'invoke') return;
      const { deadline, ...fields } = message.context;
      const context: Context = {
        ...fields,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
      };
      Promise.resolve()
        .then(() => handler(message.event, context))
        .then(
          (result) => post({ type: 'result', id: message.id, result }),
          (error: unknown) => post({ type: 'error', id: message.id, error: serializeError(error) }),
        );
    });
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'fatal', error: serializeError(error) }),
);
