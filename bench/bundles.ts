/**
 * Builds the three Lambda bundles exactly as the CDK stack does: the `BUNDLING` options of
 * `infra/node-function.ts` turned into the esbuild flags aws-lambda-nodejs passes (bundle, platform node, ESM
 * `index.mjs`, target, main fields, banner, minify, source map and its mode, externals, extra esbuild args), and
 * the functions' NODE_OPTIONS, so cold starts run the bundles as Lambda does.
 */

import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build } from 'esbuild';
import { REPO_ROOT } from './corpus.ts';

const run = promisify(execFile);
const SNIPPET =
  "const { BUNDLING, LAMBDA_NODE_OPTIONS } = await import('./infra/node-function.ts'); " +
  'process.stdout.write(JSON.stringify({ bundling: BUNDLING, nodeOptions: LAMBDA_NODE_OPTIONS }));';

export const FUNCTIONS = ['clean', 'annotate', 'api'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface BuiltBundle {
  name: FunctionName;
  file: string;
  bytes: number;
  mapBytes: number;
}

/** The stack's bundling options and NODE_OPTIONS (read from infra at bench time). */
export interface LambdaBuild {
  /** esbuild options equivalent to what CDK runs for `BUNDLING`. */
  esbuild: BuildOptions;
  /** NODE_OPTIONS the functions run with (`LAMBDA_NODE_OPTIONS`). */
  nodeOptions: string;
}

let cached: Promise<LambdaBuild> | undefined;

export function lambdaBuild(): Promise<LambdaBuild> {
  cached ??= readLambdaBuild();
  return cached;
}

/** esbuild options equivalent to what CDK runs for `BUNDLING` (read from infra at bench time). */
export async function cdkEsbuildOptions(): Promise<BuildOptions> {
  return (await lambdaBuild()).esbuild;
}

async function readLambdaBuild(): Promise<LambdaBuild> {
  // Read in a child process: importing aws-cdk-lib here would leave it loaded (and hooked in) for later measures.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SNIPPET], {
    cwd: REPO_ROOT,
    maxBuffer: 1024 * 1024,
  });
  const { bundling: BUNDLING, nodeOptions } = JSON.parse(stdout) as { bundling: BundlingOptions; nodeOptions: string };
  assertNoEsbuildArgs(BUNDLING.esbuildArgs ?? {});
  const external = [...(BUNDLING.externalModules ?? (BUNDLING.bundleAwsSDK ? [] : ['@aws-sdk/*']))];
  const esbuild: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: BUNDLING.format === 'esm' ? 'esm' : 'cjs',
    target: BUNDLING.target ?? 'node22',
    ...(BUNDLING.minify ? { minify: true } : {}),
    ...sourceMapOption(BUNDLING),
    ...(BUNDLING.sourcesContent === false ? { sourcesContent: false } : {}),
    external,
    ...(BUNDLING.loader ? { loader: BUNDLING.loader as BuildOptions['loader'] } : {}),
    ...(BUNDLING.define ? { define: BUNDLING.define } : {}),
    ...(BUNDLING.keepNames ? { keepNames: true } : {}),
    ...(BUNDLING.banner ? { banner: { js: BUNDLING.banner } } : {}),
    ...(BUNDLING.footer ? { footer: { js: BUNDLING.footer } } : {}),
    ...(BUNDLING.mainFields ? { mainFields: [...BUNDLING.mainFields] } : {}),
    ...(BUNDLING.inject ? { inject: [...BUNDLING.inject] } : {}),
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  };
  return { esbuild, nodeOptions };
}

/** `--sourcemap[=mode]` as aws-lambda-nodejs passes it (`sourceMapMode` alone turns maps on too). */
function sourceMapOption(bundling: BundlingOptions): Pick<BuildOptions, 'sourcemap'> {
  if (!(bundling.sourceMap || bundling.sourceMapMode)) return {};
  const mode = bundling.sourceMapMode ?? 'default';
  return { sourcemap: mode === 'default' ? true : (mode as 'external' | 'inline' | 'both') };
}

/** Extra `esbuildArgs` are not mapped to the esbuild API yet: fail rather than bench a different build. */
function assertNoEsbuildArgs(args: NonNullable<BundlingOptions['esbuildArgs']>): void {
  const keys = Object.keys(args);
  if (keys.length > 0) throw new Error(`bench/bundles.ts does not map the esbuild argument(s) ${keys.join(', ')}`);
}

export async function buildBundles(outdir: string): Promise<BuiltBundle[]> {
  const options = await cdkEsbuildOptions();
  const ext = options.format === 'esm' ? 'mjs' : 'js';
  const bundles: BuiltBundle[] = [];
  for (const name of FUNCTIONS) {
    const file = join(outdir, name, `index.${ext}`);
    await build({ ...options, entryPoints: [join(REPO_ROOT, 'functions', `${name}.ts`)], outfile: file });
    bundles.push({
      name,
      file,
      bytes: statSync(file).size,
      mapBytes: options.sourcemap && options.sourcemap !== 'inline' ? statSync(`${file}.map`).size : 0,
    });
  }
  return bundles;
}
