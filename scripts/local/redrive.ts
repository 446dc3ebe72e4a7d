/**
 * Local dead-letter redrive, across processes. A dead letter is a file `<dataDir>/dlq/<queue>/<messageId>.json`
 * (written by queues.ts). `npm run redrive` (another process) MOVES such files into `<dataDir>/redrive/<queue>/`;
 * the running local stack polls that folder and sends each message's original body back to its queue, as a new
 * message (receive count 0, like SQS's StartMessageMoveTask), then deletes the file. Moving is a `rename`, so the
 * stack never sees half-written files; files moved while no stack runs are picked up by the next `npm start`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadLetter, LocalQueue } from './queues.ts';

export const dlqDirOf = (dataDir: string) => join(dataDir, 'dlq');
export const redriveDirOf = (dataDir: string) => join(dataDir, 'redrive');

export interface MovedLetter {
  queue: string;
  messageId: string;
  lastError: string;
}

/**
 * Moves dead letters of `queues` (default: every queue folder present) to the redrive folder. Returns what was
 * moved. Safe to run while the stack runs: each file is renamed atomically.
 */
export function moveDeadLettersToRedrive(dataDir: string, queues?: readonly string[]): MovedLetter[] {
  const dlq = dlqDirOf(dataDir);
  if (!existsSync(dlq)) return [];
  const names =
    queues ??
    readdirSync(dlq, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  const moved: MovedLetter[] = [];
  for (const queue of names) {
    const from = join(dlq, queue);
    if (!existsSync(from)) continue;
    const to = join(redriveDirOf(dataDir), queue);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from).filter((f) => f.endsWith('.json'))) {
      let lastError = 'unknown';
      try {
        lastError = (JSON.parse(readFileSync(join(from, file), 'utf8')) as DeadLetter).lastError ?? lastError;
      } catch {
        // Moved anyway: the stack reports files it cannot read.
      }
      try {
        renameSync(join(from, file), join(to, file));
        moved.push({ queue, messageId: file.replace(/\.json$/, ''), lastError });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // moved by someone else meanwhile
      }
    }
  }
  return moved;
}

export interface RedriveWatcher {
  /** Resolves when the redrive folder holds no file (checks now; waits for the next poll otherwise). */
  idle(): Promise<void>;
  stop(): void;
}

/** Polls `<dataDir>/redrive/<queue>/` and re-enqueues every dead letter found there. */
export function watchRedrive(options: {
  dataDir: string;
  queues: readonly LocalQueue[];
  pollMs?: number;
  log?: (message: string) => void;
}): RedriveWatcher {
  const root = redriveDirOf(options.dataDir);
  const log = options.log ?? ((message: string) => console.error(message));
  const pollMs = options.pollMs ?? 500;
  let waiters: (() => void)[] = [];
  let stopped = false;

  const pending = (): number => {
    let n = 0;
    for (const queue of options.queues) {
      const dir = join(root, queue.name);
      if (existsSync(dir)) n += readdirSync(dir).filter((f) => f.endsWith('.json')).length;
    }
    return n;
  };

  const scan = () => {
    for (const queue of options.queues) {
      const dir = join(root, queue.name);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const path = join(dir, file);
        try {
          const letter = JSON.parse(readFileSync(path, 'utf8')) as DeadLetter;
          if (typeof letter.body !== 'string') throw new Error('no "body" string');
          queue.send(letter.body);
          unlinkSync(path);
          log(`[${queue.name}] redriven: dead letter ${file} sent back to the queue`);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          log(`[${queue.name}] cannot redrive ${file}: ${reason}; renamed to ${file}.invalid`);
          try {
            renameSync(path, `${path}.invalid`);
          } catch {
            // gone meanwhile
          }
        }
      }
    }
    if (pending() === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolveIdle of ready) resolveIdle();
    }
  };

  const timer = setInterval(() => {
    if (!stopped) scan();
  }, pollMs);
  timer.unref();
  scan();

  return {
    idle() {
      if (pending() === 0) return Promise.resolve();
      return new Promise((resolveIdle) => waiters.push(resolveIdle));
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      const ready = waiters;
      waiters = [];
      for (const resolveIdle of ready) resolveIdle();
    },
  };
}
