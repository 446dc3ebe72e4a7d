/**
 * The web viewer in a real browser: the local stack (real handlers, s3rver, DynamoDB Local, the local HTTP API)
 * serves the page; headless Chromium (Debian's `chromium`, driven by playwright-core) uses it like a reader would.
 * Screenshots go to test-results/ (git-ignored); docs/viewer.png is written when missing or with UPDATE_SCREENSHOTS=1.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { startTestStack } from '../support/stack.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Two articles written for this test (invented people and places), and one the cleaner rejects. */
const BRIDGE = {
  key: 'raw/brackenford/bridge.json',
  title: 'Brackenford approves new harbour bridge',
  body: JSON.stringify({
    title: 'Brackenford approves new harbour bridge',
    published: '2026-04-02T09:00:00Z',
    body: [
      'BRACKENFORD — The city council of Brackenford voted on Tuesday to build a new bridge across the harbour, ending a decade of debate.',
      '“This bridge will connect families who have been cut off for far too long,” said Marisol Okafor, the mayor of Brackenford.',
      'Tobias Lindqvist, chief executive of Northwind Ferries, was less enthusiastic. “Our ferries carry four thousand people a day, and nobody asked us,” he said.',
      'Okafor added that construction would begin in the spring. “We will listen to every business on the waterfront,” she said.',
      'Photo: City of Brackenford',
    ].join('\n\n'),
  }),
};
const FERRIES = {
  key: 'raw/brackenford/ferries.json',
  title: 'Northwind Ferries cuts winter timetable',
  body: JSON.stringify({
    title: 'Northwind Ferries cuts winter timetable',
    published: '2026-04-09T07:30:00Z',
    body: [
      'PORT ELLERY — Northwind Ferries will run fewer crossings this winter, the company announced on Monday.',
      '“Fuel costs have doubled, and we cannot pretend otherwise,” said Tobias Lindqvist, the company’s chief executive.',
      'Marisol Okafor, the mayor of Brackenford, called the decision short-sighted. “People rely on these boats to get to work,” Okafor told reporters.',
    ].join('\n\n'),
  }),
};
const EMPTY = { key: 'raw/brackenford/empty.txt', body: '   \n\n  ' };

let stack: LocalStack;
let origin: string;
let context: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];
const foreignRequests: string[] = [];

interface ApiQuote {
  text: string;
  speaker: string | null;
  verb: string | null;
  type: string;
}
interface ApiEntity {
  name: string;
  type: string;
  salience: number;
}
async function apiArticle(key: string): Promise<{ quotes: ApiQuote[]; entities: ApiEntity[]; boilerplate: unknown[] }> {
  const response = await fetch(`${origin}/articles/${articleIdForKey(key)}`);
  return response.json() as never;
}

function screenshotPaths(name: string): string[] {
  mkdirSync('test-results', { recursive: true });
  const paths = [join('test-results', `${name}.png`)];
  if (name === 'viewer-article' && (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync('docs/viewer.png'))) {
    paths.push('docs/viewer.png');
  }
  return paths;
}

async function screenshot(name: string): Promise<void> {
  const image = await page.screenshot({ fullPage: true });
  for (const path of screenshotPaths(name)) writeFileSync(path, image);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** axe-core's WCAG 2.1 A/AA and best-practice checks on the current page: `rule: help (targets)` per violation. */
async function accessibilityViolations(): Promise<{ violations: string[]; passes: number }> {
  await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return { violations: results.violations, passes: results.passes.length };
  });
  return {
    violations: violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    ),
    passes,
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  origin = new URL(stack.apiUrl).origin;
  // One at a time, so "newest first" (by processing time) is a known order: empty, ferries, bridge.
  for (const { key, body } of [BRIDGE, FERRIES, EMPTY]) {
    await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body }));
    await stack.idle();
  }
  profile = mkdtempSync(join(tmpdir(), 'annotator-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) foreignRequests.push(request.url());
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await stack?.stop();
});

describe('articles list', () => {
  it('shows every article newest first with its status, and the page has a strict CSP', async () => {
    // Act
    const response = await page.goto(`${origin}/`);
    const rows = page.locator('table.articles tbody tr');
    await rows.first().waitFor();
    // Assess
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('h1').textContent()).toBe('Articles');
    expect(await rows.locator('td.title').allTextContents()).toEqual(['(untitled)', FERRIES.title, BRIDGE.title]);
    expect(await rows.locator('td.status .badge').allTextContents()).toEqual(['Rejected', 'Processed', 'Processed']);
    expect(await rows.first().locator('td.status .reason').textContent()).toMatch(/no article text/i);
    expect(await rows.nth(1).locator('td.source').textContent()).toBe(FERRIES.key);
  });

  it('filters by status', async () => {
    // Act
    await page.getByLabel('Status').selectOption('REJECTED');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/#\/\?status=REJECTED$/);
    await page.locator('h1', { hasText: 'Rejected articles' }).waitFor();
    // Assess
    expect(await page.locator('table.articles tbody td.source').allTextContents()).toEqual([EMPTY.key]);
  });

  it('pages through the articles, older and back to newer', async () => {
    // Prepare
    const titles = () => page.locator('table.articles tbody td.title').allTextContents();
    await page.goto(`${origin}/#/?limit=2`);
    await page.getByRole('link', { name: 'Older →' }).waitFor();
    const first = await titles();
    // Act
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.locator('td.title', { hasText: BRIDGE.title }).waitFor();
    const second = await titles();
    const olderLinks = await page.getByRole('link', { name: 'Older →' }).count();
    await page.getByRole('link', { name: '← Newer' }).click();
    await page.locator('td.title', { hasText: FERRIES.title }).waitFor();
    // Assess
    expect(first).toEqual(['(untitled)', FERRIES.title]);
    expect(second).toEqual([BRIDGE.title]);
    expect(olderLinks).toBe(0);
    expect(await titles()).toEqual(first);
  });
});

describe('article page', () => {
  it('highlights every quote in its speaker’s colour', async () => {
    // Prepare
    const expected = await apiArticle(BRIDGE.key);
    await page.goto(`${origin}/#/`);
    // Act
    await page.getByRole('link', { name: BRIDGE.title }).click();
    await page.locator('mark.quote').first().waitFor();
    const marks = await page.locator('mark.quote[data-first]').evaluateAll((elements) =>
      elements.map((e) => ({
        text: e.textContent,
        speaker: (e as HTMLElement).dataset.speaker,
        colour: Array.from(e.classList).find((c) => c.startsWith('spk-')),
      })),
    );
    // Assess
    expect(expected.quotes.length).toBeGreaterThanOrEqual(3);
    expect(marks.map((m) => m.text)).toEqual(expected.quotes.map((q) => q.text));
    const colour = (speaker: string) => new Set(marks.filter((m) => m.speaker === speaker).map((m) => m.colour));
    expect(colour('Marisol Okafor').size).toBe(1);
    expect(colour('Tobias Lindqvist').size).toBe(1);
    expect([...colour('Marisol Okafor')][0]).not.toBe([...colour('Tobias Lindqvist')][0]);
    expect(await page.locator('.article-text .ent-person', { hasText: 'Marisol Okafor' }).count()).toBeGreaterThan(0);
  });

  it('shows speaker, verb and type on hover and on keyboard focus', async () => {
    // Prepare
    const lindqvist = page.locator('mark.quote[data-speaker="Tobias Lindqvist"]').first();
    const okafor = page.locator('mark.quote[data-speaker="Marisol Okafor"]').first();
    const tooltip = page.locator('.tooltip');
    // Act
    await lindqvist.hover();
    const onHover = await tooltip.textContent();
    await okafor.focus();
    const onFocus = await tooltip.textContent();
    const description = await okafor.evaluate(
      (e) => document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    await page.keyboard.press('Escape');
    // Assess
    expect(onHover).toMatch(/^Tobias Lindqvist.*verb: say · direct quote$/);
    expect(onFocus).toMatch(/^Marisol Okafor.*verb: say · direct quote$/);
    expect(description).toMatch(/^Marisol Okafor; verb: say; direct quote$/);
    expect(await tooltip.isHidden()).toBe(true);
  });

  it('lists the speakers with their quotes, and entities by salience, in the side panel', async () => {
    // Prepare
    const expected = await apiArticle(BRIDGE.key);
    const panel = page.getByRole('complementary', { name: 'Speakers and entities' });
    // Act
    const speakers = await panel.locator('li.speaker').evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector('.speaker-name')?.textContent,
        quotes: Array.from(li.querySelectorAll('.speaker-quotes li')).map((q) => q.textContent),
      })),
    );
    const entities = await panel.locator('li.entity > a').allTextContents();
    // Assess
    const byName = new Map(speakers.map((s) => [s.name, s.quotes]));
    expect(byName.get('Tobias Lindqvist')).toEqual([
      '“Our ferries carry four thousand people a day, and nobody asked us,”',
    ]);
    expect(byName.get('Marisol Okafor')?.[0]).toBe(
      '“This bridge will connect families who have been cut off for far too long,”',
    );
    const bySalience = [...expected.entities].sort((a, b) => b.salience - a.salience).map((e) => e.name);
    expect(entities).toEqual(bySalience);
  });

  it('keeps the removed boilerplate in a collapsed section', async () => {
    // Prepare
    const expected = await apiArticle(BRIDGE.key);
    const details = page.locator('details.boilerplate');
    // Act
    const openBefore = await details.evaluate((d) => (d as HTMLDetailsElement).open);
    await details.locator('summary').click();
    // Assess
    expect(openBefore).toBe(false);
    expect(await details.locator('summary').textContent()).toBe(`Removed boilerplate (${expected.boilerplate.length})`);
    expect(await details.locator('li').count()).toBe(expected.boilerplate.length);
    await details.locator('summary').click();
    await page.locator('mark.quote[data-speaker="Tobias Lindqvist"]').first().hover();
    await screenshot('viewer-article');
    await page.mouse.move(0, 0);
  });
});

describe('speaker and entity pages', () => {
  it('clicks through from the panel to the speaker’s quotes across both articles', async () => {
    // Act
    await page.getByRole('complementary').getByRole('link', { name: 'Tobias Lindqvist', exact: true }).first().click();
    await page.waitForURL(/#\/speakers\/Tobias%20Lindqvist$/);
    await page.locator('h1', { hasText: 'Tobias Lindqvist' }).waitFor();
    await page.locator('.quote-list li').first().waitFor();
    const quotes = await page.locator('.quote-list blockquote').allTextContents();
    const sources = await page.locator('.quote-list .cite a').allTextContents();
    // Assess
    expect(quotes).toEqual([
      '“Fuel costs have doubled, and we cannot pretend otherwise,”',
      '“Our ferries carry four thousand people a day, and nobody asked us,”',
    ]);
    expect(sources).toEqual([FERRIES.title, BRIDGE.title]);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await screenshot('viewer-speaker');
  });

  it('lists every article that mentions an entity', async () => {
    // Act
    await page.goto(`${origin}/#/articles/${articleIdForKey(FERRIES.key)}`);
    await page.getByRole('complementary').locator('li.entity > a', { hasText: 'Marisol Okafor' }).click();
    await page.locator('.article-list li').first().waitFor();
    // Assess
    expect(await page.locator('h1').textContent()).toBe('Marisol Okafor');
    expect(await page.locator('.article-list li > a').allTextContents()).toEqual([FERRIES.title, BRIDGE.title]);
  });

  it('reaches the content with the skip link from the keyboard', async () => {
    // Act
    await page.goto(`${origin}/`);
    await page.locator('table.articles').waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    // Assess
    expect(first).toBe('Skip to content');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toBe(`${origin}/`);
  });
});

describe('accessibility', () => {
  it.each([
    ['articles list', '/#/', 'table.articles'],
    ['article page', `/#/articles/${articleIdForKey(BRIDGE.key)}`, 'mark.quote'],
    ['rejected article page', `/#/articles/${articleIdForKey(EMPTY.key)}`, '.notice'],
    ['speaker page', '/#/speakers/Marisol%20Okafor', '.quote-list li'],
    ['entity page', '/#/entities/PERSON/Tobias%20Lindqvist', '.article-list li'],
    ['speaker directory', '/#/speakers', '.names li'],
    ['entity directory', '/#/entities?type=PERSON', '.names li'],
  ])('the %s passes axe-core’s WCAG 2.1 AA checks', async (name, path, ready) => {
    // Act
    await page.goto(`${origin}${path}`);
    await page.locator(ready).first().waitFor();
    const { violations, passes } = await accessibilityViolations();
    if (name === 'articles list') await screenshot('viewer-list');
    // Assess
    expect(violations).toEqual([]);
    expect(passes).toBeGreaterThan(10);
  });
});

describe('hygiene', () => {
  it('logged no errors or warnings and made no requests to other origins', () => {
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
