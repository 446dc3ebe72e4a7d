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
  /** Self time by project source file or npm package (node internals and natives apart). */
  byFile: { file: string; selfMs: number; selfPercent: number }[];
  profileFile: string;
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
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
  return analyseProfile(profDir, bundle, options.top ?? 15);
}

/**
 * CPU profile of a fresh process importing a Lambda bundle (module-level init: parse/compile, SDK clients, model
 * load), mapped through the bundle's source map. `env` is the function's environment.
 */
export async function profileImport(options: {
  bundle: string;
  env: NodeJS.ProcessEnv;
  workDir: string;
  top?: number;
}): Promise<ProfileResult> {
  const dir = join(options.workDir, `import-profile-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'import.mjs');
  writeFileSync(script, `await import(${JSON.stringify(pathToFileURL(options.bundle).href)});\n`);
  await run(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', script], {
    env: options.env,
    timeout: 120_000,
  });
  return analyseProfile(dir, options.bundle, options.top ?? 12);
}

/** Self/total time per function of the `.cpuprofile` in `profDir`, positions mapped through `bundle`'s map. */
function analyseProfile(profDir: string, bundle: string, top: number): ProfileResult {
  const profileName = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!profileName) throw new Error('node --cpu-prof wrote no profile');
  const profileFile = join(profDir, profileName);
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  return { ...analyseCpuProfile(profile, bundle, top), profileFile };
}

/** Self/total time per function of a V8 CPU profile; positions in `bundle` (if given) are mapped through its map. */
export function analyseCpuProfile(profile: CpuProfile, bundle: string | undefined, top: number): ProfileResult {
  const map = bundle ? new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))) : undefined;
  const bundleUrl = bundle ? pathToFileURL(bundle).href : undefined;

  const locate = (frame: CpuProfileNode['callFrame']): string => {
    if (map && frame.url === bundleUrl) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
        originalSource?: string;
        originalLine?: number;
      };
      if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
        const source = entry.originalSource.startsWith('file:')
          ? fileURLToPath(entry.originalSource)
          : resolve(dirname(bundle ?? REPO_ROOT), entry.originalSource);
        return `${relative(REPO_ROOT, source)}:${entry.originalLine + 1}`;
      }
      return '(bundle, unmapped: module top level)';
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
    // Natives (RegExp, JSON, sort…) and node internals count for the first project/npm frame that called them.
    let file = '';
    for (let at: number | undefined = id; at !== undefined && !file; at = parent.get(at)) {
      const group = fileGroup((nodeKey.get(at)?.split('\u0000')[1] ?? '').replace(/:\d+$/, ''));
      if (group && !group.startsWith('node:')) file = group;
    }
    if (!file) file = fileGroup((key.split('\u0000')[1] ?? '').replace(/:\d+$/, '')) || '(native/other)';
    if (name !== '(garbage collector)') fileSelf.set(file, (fileSelf.get(file) ?? 0) + ms);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(nodeKey.get(at) ?? '');
    for (const k of onStack) total.set(k, (total.get(k) ?? 0) + ms);
  });
  void idle;
  const percent = (ms: number) => (sampled > 0 ? (100 * ms) / sampled : 0);
  const hotSpots = [...self]
    .filter(([key]) => !key.startsWith('(garbage collector)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
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
    .filter(([file]) => file !== '')
    .sort((a, b) => b[1] - a[1])
    .map(([file, ms]) => ({ file, selfMs: ms, selfPercent: percent(ms) }));
  return { sampledMs: sampled, gcPercent: percent(gc), hotSpots, byFile, profileFile: '' };
}

/** `shared/…/x.ts` as is; `node_modules/@scope/pkg/…` → `npm:@scope/pkg`; node internals → `node:…`; else ''. */
function fileGroup(location: string): string {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(location);
  if (npm) return `npm:${npm[1]}`;
  const path = location.replace(/^\//, '');
  if (/^(shared|functions|scripts|bench)\//.test(path)) return path;
  const node = /^node:(?:internal\/)?([a-z_]+)/.exec(location);
  if (node) return `node:${node[1]}`;
  return '';
}
