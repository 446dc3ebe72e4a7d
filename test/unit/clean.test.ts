import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../shared/pipeline/clean.ts';
import type { CleanArticle, CleanOptions } from '../../shared/pipeline/types.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/clean');
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

interface Expected {
  format: CleanArticle['format'];
  title: string | null;
  authors?: string[];
  dateline: string | null;
  publishedAt?: string | null;
  url?: string | null;
  language: string | null;
  paragraphs: number;
  /** Text of the first kept paragraph (start). */
  startsWith: string;
  /** Each must appear in the text. */
  contains: string[];
  /** None may appear in the text. */
  excludes: string[];
  /** [reason, a fragment of the removed block] pairs that must be reported. */
  removed: Array<[string, string]>;
}

const CAFE_TITLE = 'Café owners in Saint-Rémy win fight over terrace fees';
const cafe: Omit<Expected, 'format' | 'title' | 'removed'> = {
  dateline: 'SAINT-RÉMY, France',
  language: 'en',
  paragraphs: 3,
  startsWith: 'SAINT-RÉMY, France — The owners of eleven cafés',
  contains: [
    '“We were told to pay double',
    'Zoë Marchand',
    'The council’s finance officer, Étienne Roux',
    '40,000 euros — a sum',
  ],
  excludes: ['â€', '\uFFFD', '\u0093', '\u0097'],
};

const bridge: Omit<Expected, 'format'> = {
  title: 'Bridge reopens after two-year repair',
  authors: ['Dana Whitfield'],
  dateline: 'MILLBROOK',
  publishedAt: '2024-05-02T08:30:00Z',
  url: 'https://courier.example.com/news/bridge-reopens',
  language: 'en',
  paragraphs: 4,
  startsWith: 'MILLBROOK — The Alder Street bridge reopened',
  contains: ['“I have my mornings back,” said Priya Raman', 'Mayor Lena Fischer thanked residents'],
  excludes: [
    'Home',
    'Related stories',
    'Detour traffic doubles',
    'Sign up',
    'staff reporter',
    'All rights reserved',
    'Photo: Kim Osei',
    'Tweet',
  ],
  removed: [
    ['byline', 'By Dana Whitfield'],
    ['caption', 'Photo: Kim Osei'],
    ['newsletter', 'Sign up for our daily newsletter'],
    ['author-bio', 'Dana Whitfield is a staff reporter'],
  ],
};

const CASES: Array<[string, string, CleanOptions, Expected]> = [
  [
    'seed-like plain text: caption, credit, dateline, author picture, bio, newsletter',
    'seed-like.txt',
    { key: 'raw/port-strike.txt', contentType: 'text/plain' },
    {
      format: 'text',
      title: null,
      dateline: 'HAMBURG, Germany',
      language: 'en',
      paragraphs: 7,
      startsWith: 'HAMBURG, Germany — Port operators across northern Europe',
      contains: [
        'The union says its members have gone three years without a pay rise',
        '“We are not asking for a miracle, we are asking for what the work is worth,” union chairwoman Ilse Marquardt',
        'The Northern Carriers Association estimated',
        '“Nobody wins a long strike,” Rennert said. “The ships simply go somewhere else.”',
        'Some smaller traders have already rerouted perishable goods',
        'ready to stay out “for as long as it takes.”',
      ],
      excludes: ['Dock workers unload', 'Nordic Wire', 'author picture', 'Tomas Berger', 'Sign Up', 'daily email'],
      removed: [
        ['caption', 'Dock workers unload grain sacks'],
        ['photo-credit', '(Marta Lindqvist/Nordic Wire)'],
        ['author-picture', 'author picture'],
        ['author-bio', 'Tomas Berger covers trade and shipping'],
        ['newsletter', 'Sign Up for Morning Headlines'],
        ['newsletter', 'Sign up to receive a daily email'],
        ['newsletter', 'Sign Up Now'],
      ],
    },
  ],
  [
    'UTF-16 LE with BOM',
    'utf16le.txt',
    { key: 'raw/cafes.txt' },
    { format: 'text', title: CAFE_TITLE, removed: [['title', CAFE_TITLE]], ...cafe },
  ],
  [
    'UTF-16 BE with BOM',
    'utf16be.txt',
    { key: 'raw/cafes.txt' },
    { format: 'text', title: CAFE_TITLE, removed: [['title', CAFE_TITLE]], ...cafe },
  ],
  [
    'windows-1252 bytes (invalid UTF-8)',
    'windows-1252.txt',
    { key: 'raw/cafes.txt' },
    { format: 'text', title: CAFE_TITLE, removed: [['title', CAFE_TITLE]], ...cafe },
  ],
  [
    'HTML with <meta> charset iso-8859-1',
    'latin1-meta.html',
    { key: 'raw/fete.html' },
    { format: 'html', title: 'Fête du village', removed: [], ...cafe },
  ],
  ['HTML page', 'page.html', { key: 'raw/bridge.html', contentType: 'text/html' }, { format: 'html', ...bridge }],
  [
    'HTML saved as .txt (sniffed)',
    'page-in-txt.txt',
    { key: 'raw/bridge.txt', contentType: 'text/plain' },
    { format: 'html', ...bridge },
  ],
  ['gzip by magic bytes and .gz key', 'page.html.gz', { key: 'raw/bridge.html.gz' }, { format: 'html', ...bridge }],
  [
    'gzip by Content-Encoding',
    'page.html.gz',
    { key: 'raw/bridge', contentEncoding: 'gzip' },
    { format: 'html', ...bridge },
  ],
  [
    'JSON article',
    'article.json',
    { key: 'raw/library.json', contentType: 'application/json' },
    {
      format: 'json',
      title: 'Library extends opening hours for exam season',
      authors: ['Noor Haddad'],
      dateline: 'GREENFORD',
      publishedAt: '2024-06-10',
      url: 'https://news.example.org/library-hours',
      language: 'en',
      paragraphs: 4,
      startsWith: 'GREENFORD — The central library will stay open until midnight',
      contains: ['“We simply run out of quiet places to work,” said Tariq Bell', 'reviewed in July.'],
      excludes: ['Advertisement'],
      removed: [['advertisement', 'Advertisement']],
    },
  ],
  [
    'Markdown with front matter',
    'article.md',
    { key: 'raw/ferry.md' },
    {
      format: 'markdown',
      title: 'Lakeside Town Votes to Restore Its Century-Old Ferry',
      authors: ['Amira Solberg'],
      dateline: 'OSTBY, Norway',
      publishedAt: '2024-04-18',
      language: 'en',
      paragraphs: 6,
      startsWith:
        'OSTBY, Norway — The town council of Ostby voted on Thursday to spend 2.4 million kroner restoring the Marta,',
      contains: [
        'said council member Henrik Aas, who proposed',
        'What happens next',
        'The hull will be rebuilt with local pine.',
      ],
      excludes: ['**', '](', '![', 'https://example.org', '# ', 'Share on Facebook'],
      removed: [
        ['image', 'The ferry Marta at the Ostby pier'],
        ['title', 'Lakeside Town Votes'],
        ['share-bar', 'Share on Facebook'],
      ],
    },
  ],
];

describe('clean: every input kind and encoding', () => {
  it.each(CASES)('%s', (_name, file, options, want) => {
    // Prepare
    const raw = read(file);
    // Act
    const a = clean(raw, options);
    // Assess: text
    expect(a.format).toBe(want.format);
    expect(a.paragraphs).toHaveLength(want.paragraphs);
    expect(a.text.startsWith(want.startsWith)).toBe(true);
    for (const s of want.contains) expect(a.text).toContain(s);
    for (const s of want.excludes) expect(a.text).not.toContain(s);
    // metadata
    expect(a.title).toBe(want.title);
    expect(a.dateline).toBe(want.dateline);
    expect(a.language).toBe(want.language);
    if (want.authors) expect(a.authors).toEqual(want.authors);
    if (want.publishedAt !== undefined) expect(a.publishedAt).toBe(want.publishedAt);
    if (want.url !== undefined) expect(a.url).toBe(want.url);
    // what was removed, and why
    for (const [reason, fragment] of want.removed) {
      expect(
        a.boilerplate.some((b) => b.reason === reason && b.text.includes(fragment)),
        `${reason}: ${fragment}`,
      ).toBe(true);
    }
  });

  it.each(CASES)('%s: paragraph offsets exactly index the text', (_name, file, options) => {
    const a = clean(read(file), options);
    const rebuilt = a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join('\n\n');
    expect(rebuilt).toBe(a.text);
    for (const p of a.paragraphs) {
      const para = a.text.slice(p.start, p.end);
      expect(para).toBe(para.trim());
      expect(para).not.toMatch(/\s{2,}|\n/);
    }
  });

  it('keeps every body paragraph of the seed-like text, in order, and nothing else', () => {
    const source = readFileSync(join(FIXTURES, 'seed-like.txt'), 'utf8').split('\n\n');
    const body = source.slice(2, 9).map((p) => p.trim());
    const a = clean(read('seed-like.txt'), { key: 'x.txt' });
    expect(a.text.split('\n\n')).toEqual(body);
  });

  it('is deterministic', () => {
    const raw = read('page.html');
    expect(clean(raw, {})).toEqual(clean(raw, {}));
  });

  it('marks sub-headings kept in the body as headings', () => {
    const a = clean(read('article.md'), { key: 'a.md' });
    const heading = a.paragraphs.find((p) => a.text.slice(p.start, p.end) === 'What happens next');
    expect(heading?.kind).toBe('heading');
  });
});

const HTML_CASES: Array<[string, string, { contains: string[]; excludes: string[]; reasons?: string[] }]> = [
  [
    'JSON-LD articleBody replaces an extraction that found too little',
    `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Orchard harvest starts early","author":{"@type":"Person","name":"Lio Fontaine"},"datePublished":"2024-09-01T06:00:00+02:00","articleBody":"VALENCE, France — Apple growers in the Drôme valley began picking three weeks early this year after an unusually warm spring.\\nThe regional growers’ cooperative said yields looked normal but the fruit was smaller than usual.\\n“We had to call the pickers back from their holidays,” said grower Claire Besson, who farms forty hectares near Valence. The cooperative expects prices to stay stable through the autumn."}</script></head><body><div id="app"><p>Loading…</p></div></body></html>`,
    { contains: ['VALENCE, France — Apple growers', '“We had to call the pickers back'], excludes: ['Loading'] },
  ],
  [
    'share bar, "Read more" and advertisement inside the body',
    `<html><body><article><h1>Rail link approved</h1>${'<p>The regional assembly approved the long-awaited rail link between Harwick and Dunmore on Friday, ending a decade of debate over the route and its cost to taxpayers.</p>'.repeat(
      3,
    )}<p>Read more: Why the Harwick line took ten years</p><div class="social-share"><a>Facebook</a> <a>Twitter</a></div><p>Advertisement</p><p>Construction is expected to start next spring and to take four years, officials said.</p></article></body></html>`,
    {
      contains: ['Construction is expected to start next spring'],
      excludes: ['Read more', 'Facebook', 'Advertisement'],
      reasons: ['related', 'advertisement'],
    },
  ],
];

HTML_CASES.push([
  'HTML fragment without <html>/<body>, deeply nested',
  `${'<div>x'.repeat(3000)}<p>The ferry company said on Monday that it would add two evening sailings between Ostby and Lillevik from June, after a petition signed by 2,000 commuters.</p>${'</div>'.repeat(3000)}`,
  { contains: ['The ferry company said on Monday'], excludes: [] },
]);

describe('clean: HTML specifics', () => {
  it.each(HTML_CASES)('%s', (_name, html, want) => {
    const a = clean(html, { key: 'page.html' });
    for (const s of want.contains) expect(a.text).toContain(s);
    for (const s of want.excludes) expect(a.text).not.toContain(s);
    for (const r of want.reasons ?? []) expect(a.boilerplate.map((b) => b.reason)).toContain(r);
  });

  it('takes title, authors and date from JSON-LD', () => {
    const a = clean(HTML_CASES[0]![1], {});
    expect(a.title).toBe('Orchard harvest starts early');
    expect(a.authors).toEqual(['Lio Fontaine']);
    expect(a.publishedAt).toBe('2024-09-01T06:00:00+02:00');
    expect(a.dateline).toBe('VALENCE, France');
  });
});

describe('clean: plain-text header zone', () => {
  const TEXT = [
    'Ferry passengers wait at the Ostby pier on Friday. Photo: Ines Korhonen / Lakeside Images',
    'Ferry passengers wait at the Ostby pier on Friday. Photo: Ines Korhonen / Lakeside Images',
    '',
    'Lake ferry returns after a ten-year absence',
    '',
    'By Rasmus Idland · 12 May 2025',
    '',
    'OSTBY, Norway — The restored ferry Marta carried her first passengers across Lake Ringvann on Friday, ten years after she was taken out of service.',
    '',
    '“It feels like the town has its voice back,” said Henrik Aas, who led the restoration campaign.',
    '',
    'Rasmus Idland is a reporter for the Lakeside Post. He previously worked for the Fjord Herald.',
  ].join('\n');

  it.each([
    ['title', (a: CleanArticle) => a.title, 'Lake ferry returns after a ten-year absence'],
    ['authors', (a: CleanArticle) => a.authors, ['Rasmus Idland']],
    ['publishedAt', (a: CleanArticle) => a.publishedAt, '2025-05-12'],
    ['dateline', (a: CleanArticle) => a.dateline, 'OSTBY, Norway'],
    ['paragraph count', (a: CleanArticle) => a.paragraphs.length, 2],
    [
      'removed reasons',
      (a: CleanArticle) => a.boilerplate.map((b) => b.reason).sort(),
      ['author-bio', 'byline', 'caption', 'caption', 'title'],
    ],
  ])('%s', (_name, pick, want) => {
    expect(pick(clean(TEXT, { key: 'ferry.txt' }))).toEqual(want);
  });
});

describe('clean: hard-wrapped plain text', () => {
  const PARAS = [
    'LILLEVIK, Norway — The boatyard that is restoring the ferry Marta said on Tuesday that the new hull planks had arrived from the forest cooperative in Ostby.',
    '“The timber is better than we hoped,” said the yard’s foreman, Britt Olsen, who has built wooden boats on the lake for thirty years.',
    'Work on the engine room will start in August, and the ferry is due back on the water the following spring.',
  ];
  const wrap = (p: string) => p.replace(/(.{1,68})(?:\s+|$)/g, '$1\n').trim();
  it.each([
    ['blank lines between paragraphs', PARAS.map(wrap).join('\n\n')],
    ['no blank lines between paragraphs', PARAS.map(wrap).join('\n')],
  ])('%s: re-joins the wrapped lines into the original paragraphs', (_name, text) => {
    expect(clean(text, { key: 'wrapped.txt' }).text.split('\n\n')).toEqual(PARAS);
  });
});
