/**
 * The child side of the throughput passes of `bench/throughput.ts`: a process forked by the bench that prepares its
 * corpus from the parent's first message, then runs one pass at a time when the parent asks and reports the CPU and
 * wall time of that pass, measured in its own process. Imports nothing but Node, so each child loads only its own
 * side's code (`throughput-pipeline.ts`: the Annotator pipeline; `throughput-peer.ts`: compromise).
 */

/** CPU time used by this process so far, in ms (user + system, every thread of the process). */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface PassTime {
  /** CPU ms of the process during the pass. */
  cpu: number;
  /** Wall-clock ms of the pass. */
  wall: number;
}

export function timed(fn: () => void): PassTime {
  const wall = performance.now();
  const cpu = cpuNow();
  fn();
  return { cpu: cpuNow() - cpu, wall: performance.now() - wall };
}

/** Parent → child. */
export type ToChild = { kind: 'init'; payload: unknown } | { kind: 'pass'; pass: string };
/** Child → parent. */
export type FromChild =
  | { kind: 'ready'; passes: string[] }
  | ({ kind: 'done'; pass: string } & PassTime)
  | { kind: 'failed'; message: string };

/**
 * Serves passes over IPC until the parent disconnects. `setup` receives the `init` payload and returns the passes by
 * name; each `pass` message runs one of them, timed in this process.
 */
export function servePasses<Payload>(setup: (payload: Payload) => Record<string, () => void>): void {
  const send = (message: FromChild) => {
    process.send?.(message);
  };
  let passes: Record<string, () => void> = {};
  process.on('message', (message: ToChild) => {
    try {
      if (message.kind === 'init') {
        passes = setup(message.payload as Payload);
        send({ kind: 'ready', passes: Object.keys(passes) });
        return;
      }
      const pass = passes[message.pass];
      if (!pass) throw new Error(`no pass named ${JSON.stringify(message.pass)}`);
      send({ kind: 'done', pass: message.pass, ...timed(pass) });
    } catch (error) {
      send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
