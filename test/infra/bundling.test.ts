/**
 * Real bundling, as `npx cdk synth` / `cdk deploy` does it: local esbuild (no Docker), one ESM file per function
 * with the createRequire banner and a source map shipped next to it but not linked (Node must not load it at cold
 * start). The bundles must load as modules (with the functions' NODE_OPTIONS) and the api bundle must answer
 * requests that need no AWS call.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/create-app.ts';
import { ESM_REQUIRE_BANNER, LAMBDA_NODE_OPTIONS } from '../../infra/node-function.ts';

const CDK_JSON_CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<
  string,
  unknown
>;

describe('bundling with local esbuild', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'annotator-cdk-bundle-'));
  const bundles: Record<'clean' | 'annotate' | 'api', string> = { clean: '', annotate: '', api: '' };

  beforeAll(() => {
    // Prepare: the same context as cdk.json (+ asset metadata, as the CLI sets it), bundling on for every stack.
    const { stack } = createApp({ outdir, context: { ...CDK_JSON_CONTEXT, 'aws:cdk:enable-asset-metadata': true } });
    const template = Template.fromStack(stack);
    const resources = template.toJSON().Resources;
    for (const name of ['clean', 'annotate', 'api'] as const) {
      const fn = { clean: stack.cleanFunction, annotate: stack.annotateFunction, api: stack.apiFunction }[name];
      const logicalId = stack.getLogicalId(fn.function.node.defaultChild as never);
      bundles[name] = join(outdir, resources[logicalId].Metadata['aws:asset:path'], 'index.mjs');
    }
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it.each(['clean', 'annotate', 'api'] as const)('%s is one minified ESM file with a source map', (name) => {
    const file = bundles[name];
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.map`)).toBe(true);
    expect(readFileSync(file, 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    // Lambda's limit is 250 MB unzipped; a bundle anywhere near 50 MB means something is wrong (e.g. data inlined twice).
    expect(statSync(file).size).toBeLessThan(50 * 1024 * 1024);
  });

  it.each(['clean', 'annotate', 'api'] as const)(
    '%s ships an unlinked source map that maps back to our sources',
    (name) => {
      // Prepare: the position of a string literal of the handler module in the minified bundle.
      const code = readFileSync(bundles[name], 'utf8');
      const literal = { clean: '"annotator-clean"', annotate: '"annotator-annotate"', api: '"Unhandled API error"' }[
        name
      ];
      const offset = code.indexOf(literal);
      const before = code.slice(0, offset).split('\n');
      const map = new SourceMap(JSON.parse(readFileSync(`${bundles[name]}.map`, 'utf8')));

      // Act: what an operator does with a logged `index.mjs:LINE:COLUMN`.
      const entry = map.findEntry(before.length - 1, (before.at(-1) ?? '').length) as { originalSource?: string };

      // Assess: no sourceMappingURL comment (so --enable-source-maps does not load the map at start-up), and the
      // shipped map still resolves bundle positions to the TypeScript sources.
      expect(offset).toBeGreaterThan(0);
      expect(code).not.toMatch(/\/\/# sourceMappingURL=/);
      expect(entry.originalSource).toMatch(new RegExp(`functions/${name}\\.ts$`));
    },
  );

  it.each(['clean', 'annotate', 'api'] as const)('%s loads as an ES module and exports handler', (name) => {
    const result = inNode(bundles[name], 'return typeof mod.handler;');
    expect(result).toBe('function');
  });

  it('the bundled api answers /health and 404s an unknown path without touching AWS', () => {
    const result = inNode(
      bundles.api,
      `const request = (path) => ({
        version: '2.0', routeKey: 'GET /{proxy+}', rawPath: path, rawQueryString: '', headers: {}, isBase64Encoded: false,
        requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
      });
      return { health: await mod.handler(request('/health')), missing: await mod.handler(request('/no-such-route')) };`,
    ) as { health: { statusCode: number; body: string }; missing: { statusCode: number; body: string } };

    expect(result.health.statusCode).toBe(200);
    expect(JSON.parse(result.health.body)).toMatchObject({ status: 'ok' });
    expect(result.missing.statusCode).toBe(404);
    expect(result.missing.body).not.toMatch(/at .*\.mjs/);
  });
});

/**
 * Imports a bundle in a plain Node process (as Lambda does: no vitest transform), with the environment the
 * stack gives the functions, runs `body` (an async function body that sees `mod`) and returns its JSON result.
 */
function inNode(bundle: string, body: string): unknown {
  const script = `const mod = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const result = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify(result));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      ...process.env,
      NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
      BUCKET_NAME: 'articles',
      TABLE_NAME: 'annotations',
      AWS_REGION: 'us-east-1',
      NODE_NO_WARNINGS: '1',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}
