/**
 * Handler workers: each function's handler runs like Lambda runs it, in "instances" of its own, here worker threads
 * (one per concurrent invocation, created once and reused), each with the function's environment and its own copy
 * of the handler module (config, SDK clients and models loaded once per instance, at module load). The queue
 * emulation stays in the main thread and hands each batch to an idle instance, so the local stack uses every core
 * instead of one.
 *
 * A pool is an `SqsHandler`: the queues (queues.ts) call it like an in-process handler, with the same semantics
 * (partial batch responses, thrown errors, timeouts that keep the instance busy until the handler really returns).
 * An instance that dies (uncaught exception, out of memory) fails its batch, and the next batch gets a new one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { RecordFailure } from '../../shared/events/s3-batch.ts';
import type { FromWorker, InvocationContext, SerializedError, ToWorker, WorkerInit } from './handler-worker.ts';
import type { SqsHandler } from './queues.ts';

const WORKER_ENTRY = fileURLToPath(new URL('./handler-worker.ts', import.meta.url));
/** tsx's ESM API (`tsx/esm/api`, import condition), resolved through the package's exports map. */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx/esm/api (import) not found in the tsx package');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}
const TSX_API = tsxEsmApi();

/**
 * The worker's first code (CommonJS, evaluated): register tsx's loader in this thread (under vitest the main
 * thread's TypeScript support does not reach workers), then load the TypeScript entry.
 */
const BOOTSTRAP = `
const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(TSX_API)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(WORKER_ENTRY).href)}); })
  .catch((error) => parentPort.postMessage({ type: 'fatal', error: { name: error.name, message: error.message, stack: error.stack } }));
`;

export interface HandlerPoolOptions {
  /** Function name, for messages. */
  name: string;
  /** Absolute path of the handler module. */
  handlerFile: string;
  /** The function's environment (the worker's `process.env`). */
  env: Record<string, string>;
  /** Instances started (and awaited) by `start()`; more are created on demand. */
  size: number;
  /** Record failures reported by the batch loop inside the instances. */
  onRecordFailure?: (failure: RecordFailure) => void;
}

interface Instance {
  worker: Worker;
  busy: boolean;
  ready: Promise<void>;
  pending?: { id: number; resolve: (result: unknown) => void; reject: (error: Error) => void };
  dead: boolean;
}

function toError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

export class HandlerPool {
  private readonly instances = new Set<Instance>();
  private nextId = 0;
  private stopped = false;

  constructor(private readonly options: HandlerPoolOptions) {}

  /** Instances currently alive (busy or idle). */
  get size(): number {
    return this.instances.size;
  }

  /** Starts `size` instances and waits until each has loaded the handler module (throws if it cannot). */
  async start(): Promise<void> {
    const started = Array.from({ length: Math.max(1, this.options.size) }, () => this.spawn());
    await Promise.all(started.map((instance) => instance.ready));
  }

  /** The pool as a queue handler. */
  readonly handler: SqsHandler = (event, context) => this.invoke(event, context);

  async stop(): Promise<void> {
    this.stopped = true;
    const instances = [...this.instances];
    this.instances.clear();
    await Promise.all(instances.map((instance) => instance.worker.terminate().catch(() => undefined)));
  }

  private spawn(): Instance {
    const init: WorkerInit = { handlerFile: this.options.handlerFile };
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: init,
      env: { ...this.options.env },
      // Output arrives as messages (handler-worker.ts), in order with the results.
      stdout: false,
      stderr: false,
    });
    let markReady: () => void = () => undefined;
    let failStart: (error: Error) => void = () => undefined;
    const instance: Instance = {
      worker,
      busy: false,
      dead: false,
      ready: new Promise<void>((resolveReady, rejectReady) => {
        markReady = resolveReady;
        failStart = rejectReady;
      }),
    };
    instance.ready.catch(() => undefined);
    let crash: Error | undefined;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          markReady();
          break;
        case 'fatal':
          failStart(new Error(`${this.options.name}: the handler could not be loaded: ${message.error.message}`));
          void worker.terminate();
          break;
        case 'output':
          process[message.stream].write(message.text);
          break;
        case 'failure':
          this.options.onRecordFailure?.(message.failure);
          break;
        case 'result':
        case 'error': {
          const pending = instance.pending;
          if (!pending || pending.id !== message.id) break;
          instance.pending = undefined;
          instance.busy = false;
          if (message.type === 'result') pending.resolve(message.result);
          else pending.reject(toError(message.error));
          break;
        }
      }
    });
    worker.on('error', (error) => {
      crash = error;
    });
    worker.on('exit', (code) => {
      instance.dead = true;
      this.instances.delete(instance);
      const reason = crash
        ? `${crash.name}: ${crash.message}`
        : this.stopped
          ? 'the local stack stopped'
          : `exit status ${code}`;
      const error = new Error(`Runtime exited with error: ${reason}`);
      error.name = 'Runtime.ExitError';
      failStart(error);
      const pending = instance.pending;
      instance.pending = undefined;
      pending?.reject(error);
    });
    this.instances.add(instance);
    return instance;
  }

  private async acquire(): Promise<Instance> {
    for (const instance of this.instances) {
      if (!instance.busy && !instance.dead) {
        instance.busy = true;
        await instance.ready;
        return instance;
      }
    }
    const instance = this.spawn();
    instance.busy = true;
    await instance.ready;
    return instance;
  }

  private async invoke(event: SQSEvent, context: Context): Promise<SQSBatchResponse | undefined | null> {
    if (this.stopped) throw new Error(`${this.options.name}: the handler pool is stopped`);
    const instance = await this.acquire();
    const id = ++this.nextId;
    const serializable: InvocationContext = {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      deadline: Date.now() + context.getRemainingTimeInMillis(),
    };
    const result = new Promise<unknown>((resolve, reject) => {
      instance.pending = { id, resolve, reject };
    });
    const message: ToWorker = { type: 'invoke', id, event, context: serializable };
    instance.worker.postMessage(message);
    return (await result) as SQSBatchResponse | undefined | null;
  }
}
