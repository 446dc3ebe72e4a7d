/**
 * The drop folder: every regular file put (or changed) in `inbox/` is uploaded to `raw/<file name>`. Polling, not
 * fs.watch: it behaves the same on every OS and file system, and a file is uploaded only once its size and mtime
 * have stayed the same for one poll (so half-copied files are not picked up). Files are never deleted from S3 when
 * removed from the folder.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface InboxOptions {
  dir: string;
  /** Uploads one file; `name` is the bare file name. */
  upload: (name: string, body: Buffer, contentType: string) => Promise<void>;
  /** For files present at start: true when they were already uploaded (e.g. the raw object is newer). */
  alreadyUploaded?: (name: string, mtimeMs: number) => Promise<boolean>;
  pollMs?: number;
  log?: (message: string) => void;
}

export interface InboxHandle {
  dir: string;
  /** Resolves when no file is waiting to settle or being uploaded. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.text': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
};

/** The Content-Type local uploads carry, from the file extension. */
export function contentTypeFor(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Editor swap files, hidden files and partial downloads are never uploaded. */
export function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|part|crdownload)$/i.test(name);
}

interface Seen {
  signature: string;
  uploaded: string | undefined;
}

export function watchInbox(options: InboxOptions): InboxHandle {
  const pollMs = options.pollMs ?? 500;
  const log = options.log ?? ((message: string) => console.log(message));
  mkdirSync(options.dir, { recursive: true });
  const seen = new Map<string, Seen>();
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  let pending = 0;
  let waiters: (() => void)[] = [];
  let first = true;

  const scan = async () => {
    let names: string[];
    try {
      names = readdirSync(options.dir);
    } catch {
      return;
    }
    pending = 0;
    for (const name of names) {
      if (isIgnored(name)) continue;
      const path = join(options.dir, name);
      let signature: string;
      let mtimeMs: number;
      try {
        const stat = statSync(path);
        if (!stat.isFile()) continue;
        mtimeMs = stat.mtimeMs;
        signature = `${stat.size}:${stat.mtimeMs}`;
      } catch {
        continue;
      }
      const entry = seen.get(name);
      if (first && !entry) {
        const skip = options.alreadyUploaded ? await options.alreadyUploaded(name, mtimeMs).catch(() => false) : false;
        seen.set(name, { signature, uploaded: skip ? signature : undefined });
        if (!skip) pending += 1;
        continue;
      }
      if (!entry || entry.signature !== signature) {
        // New or still changing: wait one more poll for it to settle.
        seen.set(name, { signature, uploaded: entry?.uploaded });
        pending += 1;
        continue;
      }
      if (entry.uploaded === signature) continue;
      try {
        await options.upload(name, readFileSync(path), contentTypeFor(name));
        entry.uploaded = signature;
        log(`inbox: uploaded ${name}`);
      } catch (error) {
        pending += 1;
        log(`inbox: upload of ${name} failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    first = false;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolveIdle of ready) resolveIdle();
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    busy = scan().finally(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  };
  tick();

  return {
    dir: options.dir,
    idle() {
      return new Promise((resolveIdle) => {
        // Settle after a full scan that found nothing to do.
        waiters.push(resolveIdle);
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await busy;
      const ready = waiters;
      waiters = [];
      for (const resolveIdle of ready) resolveIdle();
    },
  };
}
