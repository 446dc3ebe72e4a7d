/**
 * Builds the three Lambda bundles exactly as the CDK stack does: the `BUNDLING` options of
 * `infra/node-function.ts` turned into the esbuild flags aws-lambda-nodejs passes (bundle, platform node, ESM
 * `index.mjs`, target, main fields, banner, minify, source map, externals).
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
  "const { BUNDLING } = await import('./infra/node-function.ts'); process.stdout.write(JSON.stringify(BUNDLING));";

export const FUNCTIONS = ['clean', 'annotate', 'api'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface BuiltBundle {
  name: FunctionName;
  file: string;
  bytes: number;
  mapBytes: number;
}

/** esbuild options equivalent to what CDK runs for `BUNDLING` (read from infra at bench time). */
export async function cdkEsbuildOptions(): Promise<BuildOptions> {
  // Read in a child process: importing aws-cdk-lib here would leave it loaded (and hooked in) for later measures.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SNIPPET], {
    cwd: REPO_ROOT,
    maxBuffer: 1024 * 1024,
  });
  const BUNDLING = JSON.parse(stdout) as BundlingOptions;
  const external = [...(BUNDLING.externalModules ?? (BUNDLING.bundleAwsSDK ? [] : ['@aws-sdk/*']))];
  return {
    bundle: true,
    platform: 'node',
    format: BUNDLING.format === 'esm' ? 'esm' : 'cjs',
    target: BUNDLING.target ?? 'node22',
    ...(BUNDLING.minify ? { minify: true } : {}),
    ...(BUNDLING.sourceMap || BUNDLING.sourceMapMode ? { sourcemap: true } : {}),
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
      mapBytes: options.sourcemap ? statSync(`${file}.map`).size : 0,
    });
  }
  return bundles;
}
