/**
 * CPU profile of the annotate path: the pure pipeline bundled without minification (with a source map), run under
 * `node --cpu-prof` over the corpus; the samples are attributed to functions and mapped back to `file:line` of the
 * TypeScript sources.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { REPO_ROOT } from './corpus.ts';

const run = promisify(execFile);

export interface HotSpot {
  functionName: string;
  /** `shared/pipeline/…/file.ts:line` (1-based), or the bundle/node location when unmapped. */
  location: string;
  selfMs: number;
  selfPercent: number;
  totalMs: number;
  totalPercent: number;
}

export interface ProfileResult {
  sampledMs: number;
  gcPercent: number;
  hotSpots: HotSpot[];
  /** Inclusive time by source file (pipeline files only). */
  byFile: { file: string; selfMs: number; selfPercent: number }[];
  profileFile: string;
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function profileAnnotatePath(options: {
  corpus: readonly { key: string; text: string }[];
  passes: number;
  workDir: string;
  top?: number;
}): Promise<ProfileResult> {
  const dir = join(options.workDir, 'profile');
  mkdirSync(dir, { recursive: true });
  const bundle = join(dir, 'profile-entry.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child/profile-entry.ts', import.meta.url))],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
  const corpusFile = join(dir, 'corpus.json');
  writeFileSync(corpusFile, JSON.stringify(options.corpus));
  const profDir = join(dir, 'cpuprofile');
  await run(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=200', bundle, corpusFile, String(options.passes)],
    { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const profileName = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!profileName) throw new Error('node --cpu-prof wrote no profile');
  const profileFile = join(profDir, profileName);
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  const bundleUrl = pathToFileURL(bundle).href;

  const locate = (frame: CpuProfileNode['callFrame']): string => {
    if (frame.url === bundleUrl) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
        originalSource?: string;
        originalLine?: number;
      };
      if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
        const source = entry.originalSource.startsWith('file:')
          ? fileURLToPath(entry.originalSource)
          : resolve(dirname(bundle), entry.originalSource);
        return `${relative(REPO_ROOT, source)}:${entry.originalLine + 1}`;
      }
    }
    if (!frame.url) return '(native)';
    return `${frame.url.replace(/^file:\/\//, '').replace(`${REPO_ROOT}`, '')}:${frame.lineNumber + 1}`;
  };

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: CpuProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}\u0000${locate(node.callFrame)}`;
  const nodeKey = new Map(profile.nodes.map((n) => [n.id, keyOf(n)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  let sampled = 0;
  let gc = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      idle += ms;
      return;
    }
    sampled += ms;
    if (name === '(garbage collector)') gc += ms;
    const key = nodeKey.get(id) ?? '';
    self.set(key, (self.get(key) ?? 0) + ms);
    const file = (key.split('\u0000')[1] ?? '').replace(/:\d+$/, '');
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + ms);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(nodeKey.get(at) ?? '');
    for (const k of onStack) total.set(k, (total.get(k) ?? 0) + ms);
  });
  void idle;
  const percent = (ms: number) => (sampled > 0 ? (100 * ms) / sampled : 0);
  const hotSpots = [...self]
    .filter(([key]) => !key.startsWith('(garbage collector)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.top ?? 15)
    .map(([key, ms]) => {
      const [functionName = '', location = ''] = key.split('\u0000');
      const inclusive = total.get(key) ?? ms;
      return {
        functionName,
        location,
        selfMs: ms,
        selfPercent: percent(ms),
        totalMs: inclusive,
        totalPercent: percent(inclusive),
      };
    });
  const byFile = [...fileSelf]
    .filter(([file]) => file.startsWith('shared/'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([file, ms]) => ({ file, selfMs: ms, selfPercent: percent(ms) }));
  return { sampledMs: sampled, gcPercent: percent(gc), hotSpots, byFile, profileFile };
}
