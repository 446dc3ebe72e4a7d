import { describe, expect, it } from 'vitest';
import { isJsSpace, LETTER, latinClass, MARK, NUMBER, UNKNOWN } from '../../shared/pipeline/clean-chars.ts';
import {
  collapse,
  detectDateline,
  keyOf,
  looksLikeBio,
  parseAuthors,
  parseDate,
  phraseReason,
  wordCount,
} from '../../shared/pipeline/clean-common.ts';
import { prepareHtml } from '../../shared/pipeline/clean-html.ts';
import { detectLanguage, functionWordCounts, STOPWORDS, words } from '../../shared/pipeline/language.ts';

describe('phraseReason: boilerplate blocks and their reasons', () => {
  const ROWS: Array<[string, string | null]> = [
    ['author picture', 'author-picture'],
    ['Share | Tweet | Email', 'share-bar'],
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Sign up to receive a daily email of the top stories from the Courier.', 'newsletter'],
    ['Sign Up for Morning Headlines', 'newsletter'],
    ['Read more: The long road to the new harbour', 'related'],
    ['Related: Council approves the budget', 'related'],
    ['© 2024 The Riverside Courier. All rights reserved.', 'copyright'],
    ['Photo: Kim Osei', 'photo-credit'],
    ['Kim Osei/Riverside Courier/Northwire Images', 'photo-credit'],
    ['The mayor opens the bridge on Thursday. (Kim Osei/Northwire)', 'caption'],
    ['Image 1 of 12', 'gallery'],
    ['Updated Nov 19, 6:55 AM', 'date'],
    ['18 November 2024', 'date'],
    ['By Dana Whitfield', 'byline'],
    ['Dana Whitfield, Staff Writer', 'byline'],
    ['Tags: transport, bridges', 'tags'],
    ['Lesezeit: 3 Minuten', 'navigation'],
    // Rules that search the whole block (tested through their union first).
    ['Jane Doe contributed reporting from Harbourton.', 'credits'],
    ['Start your free trial today and read without limits.', 'promo'],
    ['This article is subject to copyright.', 'copyright'],
    ['Enter your email address to get the morning briefing.', 'newsletter'],
    // Captions: a bracketed credit at the end, or a last sentence that is a credit.
    ['Crowds on the new bridge [Photo: Kim Osei].', 'caption'],
    ['Boats at the quay on Monday. Photo: Jane Doe / Agency', 'caption'],
    ['Boats at the quay (on Monday)', null],
    ['Sign the petition to save the harbour library', null],
    // Rules tested only after a cheap prefilter (a literal part they require): each still fires.
    ['Follow Dana Whitfield on Instagram', 'social'],
    ['Like us on Facebook', 'social'],
    ['Email the reporter at dana@courier.example', 'contact'],
    ['dana.whitfield@courier.example', 'contact'],
    ['twitter.com/danawhitfield', 'contact'],
    ['AP Photo/Kim Osei', 'photo-credit'],
    ['More great travel stories', 'related'],
    ['Recommended for you', 'related'],
    ['(Additional reporting by Lee Park; Editing by Sam Ortiz)', 'credits'],
    ['Use the promo code HARBOUR for a discount', 'promo'],
    ['Alle Rechte vorbehalten', 'copyright'],
    ['Subscribe to our daily briefing', 'newsletter'],
    ['Posted on March 3, 2024 by Dana Whitfield', 'byline'],
    ['Von Jürgen Albers', 'byline'],
    ['Kim Osei | Riverside Courier', 'photo-credit'],
    ['Dana Whitfield, Harbour Correspondent', 'byline'],
    // Body text must survive.
    ['Dana Whitfield, who covers the council, said the vote was close.', null],
    ['Follow the money, the auditor said.', null],
    ['The code was published on the council website.', null],
    ['The council voted 7-2 to approve the plan on Tuesday.', null],
    ['“Sign up now or miss out,” the mayor joked as she opened the registration desk for the marathon.', null],
    ['By Monday, the city had restored power to most homes.', null],
    ['Call 02-751-1500 for tickets.', null],
    ['Published in 1921, the guide is still in print.', null],
  ];
  it.each(ROWS)('%s → %s', (text, want) => {
    expect(phraseReason(text)).toBe(want);
  });
});

describe('detectDateline', () => {
  const ROWS: Array<[string, string | null]> = [
    ['STUTTGART, Germany — Regional leaders met on Tuesday.', 'STUTTGART, Germany'],
    ['WASHINGTON (Reuters) - The Senate voted on Friday.', 'WASHINGTON'],
    ['NEW YORK — Stocks rose.', 'NEW YORK'],
    ['PARIS, March 3 (AFP) – Strikes continued.', 'PARIS'],
    ['SAINT-RÉMY, France — The owners of eleven cafés won.', 'SAINT-RÉMY, France'],
    ['The mayor — who took office in May — spoke.', null],
    ['US officials said the talks would resume.', null],
    ['Police said the road — closed since May — would reopen.', null],
  ];
  it.each(ROWS)('%s', (text, want) => {
    expect(detectDateline(text)).toBe(want);
  });
});

describe('parseDate', () => {
  const ROWS: Array<[string, string | null]> = [
    ['2024-05-02T08:30:00Z', '2024-05-02T08:30:00Z'],
    ['2024-05-02T08:30:00+0200', '2024-05-02T08:30:00+02:00'],
    ['2024-05-02', '2024-05-02'],
    ['Published May 2, 2024', '2024-05-02'],
    ['2 May 2024', '2024-05-02'],
    ['Sept. 14, 2023', '2023-09-14'],
    ['yesterday', null],
    ['2024-13-40', null],
  ];
  it.each(ROWS)('%s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });
});

describe('parseAuthors and looksLikeBio', () => {
  it.each([
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['By Amira Solberg, Staff Writer', ['Amira Solberg']],
    ['Noor Haddad', ['Noor Haddad']],
  ])('%s', (byline, want) => {
    expect(parseAuthors(byline)).toEqual(want);
  });

  it.each([
    ['Tomas Berger covers trade and shipping for the Baltic Ledger. He previously worked in Kiel.', true],
    ['Dana Whitfield is a staff reporter covering transport. She previously worked for the Herald.', true],
    ['Mike Hale writes about science. Follow him on Twitter.', true],
    ['Lena Fischer joined the Courier in 2019. She is a graduate of Kiel University.', true],
    ['The plan is a compromise, the mayor said. She previously worked on the harbour deal.', false],
    ['Mayor Lena Fischer thanked residents for their patience during the works.', false],
    ['Marquardt said the union would keep the picket lines in place until a written offer arrives.', false],
  ])('%s → %s', (text, want) => {
    expect(looksLikeBio(text)).toBe(want);
  });
});

describe('detectLanguage', () => {
  const ROWS: Array<[string, string | null]> = [
    ['The council said on Tuesday that the new bridge would open in the spring of next year.', 'en'],
    ['Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr eröffnet wird.', 'de'],
    ['Le conseil municipal a décidé mardi que le nouveau pont sera ouvert au printemps prochain.', 'fr'],
    ['El ayuntamiento decidió el martes que el nuevo puente se abrirá en la primavera del próximo año.', 'es'],
    ['O conselho decidiu na terça-feira que a nova ponte será aberta na primavera do próximo ano.', 'pt'],
    ['Il consiglio comunale ha deciso martedì che il nuovo ponte sarà aperto in primavera.', 'it'],
    ['Городской совет во вторник решил, что новый мост откроется весной следующего года.', 'ru'],
    ['市议会周二决定，新桥将于明年春天开放，这是当地居民期待已久的消息。', 'zh'],
    ['市議会は火曜日に、新しい橋を来年の春に開通させることを決めました。', 'ja'],
    ['12 34 56', null],
  ];
  it.each(ROWS)('%s → %s', (text, want) => {
    expect(detectLanguage(text)).toBe(want);
  });
});

describe('wordCount: spaced and unspaced scripts', () => {
  const ROWS: Array<[string, number]> = [
    ['The council voted on Tuesday.', 5],
    ['“It’s done,” she said — finally.', 6],
    ['Le maire a inauguré le pont.', 6],
    ['Мэр открыл мост', 3],
    // Scripts without spaces: the run counts as one word plus one per two characters.
    ['市议会周二批准了新桥', 6],
    ['東京都は火曜日に発表した', 7],
    ['สภาเมืองอนุมัติสะพาน', 15],
    ['', 0],
  ];
  it.each(ROWS)('%s → %i', (text, want) => {
    expect(wordCount(text)).toBe(want);
  });
});

describe('character scanners: the same answers as the Unicode regexes they replace', () => {
  it('classifies every code unit it knows exactly as \\p{L}, \\p{N} and \\p{M} do, and \\s as /\\s/ does', () => {
    // Prepare
    const wrong: string[] = [];
    let known = 0;
    // Act
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const want = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{M}/u.test(ch) ? MARK : 0);
      const got = latinClass(c);
      if (got !== UNKNOWN) known++;
      if (got !== UNKNOWN && got !== want) wrong.push(`U+${c.toString(16)} class`);
      if (isJsSpace(c) !== /\s/.test(ch)) wrong.push(`U+${c.toString(16)} space`);
    }
    // Assess
    expect(wrong).toEqual([]);
    expect(known).toBeGreaterThan(900);
  });

  const KEYS: Array<[string, string]> = [
    ['It’s the Mayor’s “new” bridge — 2024!', 'itsthemayorsnewbridge2024'],
    ['Ça coûte 12 €', 'çacoûte12'],
    ['Мэр открыл мост', 'мэроткрылмост'],
    ['  ', ''],
  ];
  it.each(KEYS)('keyOf(%s) → %s', (text, want) => {
    expect(keyOf(text)).toBe(want);
  });

  const WORDS: Array<[string, string[]]> = [
    ['It’s the Mayor’s “new” bridge — 2024!', ['it’s', 'the', 'mayor’s', 'new', 'bridge']],
    ["O'Neil's  dog", ["o'neil", 's', 'dog']],
    ['Мэр открыл мост', ['мэр', 'открыл', 'мост']],
    ['e\u0301te\u0301 à Paris', ['e\u0301te\u0301', 'à', 'paris']],
  ];
  it.each(WORDS)('words(%s)', (text, want) => {
    expect(words(text)).toEqual(want);
  });

  it('counts function words as words() and the STOPWORDS sets do, on 5,000 generated texts', () => {
    // Prepare: function words of every language (any case), other words, apostrophes, marks, digits, punctuation
    // and now and then a character of another script (the regular-expression path)
    const langs = Object.keys(STOPWORDS);
    const pool = [
      ...langs.flatMap((lang) => [...STOPWORDS[lang]!].slice(0, 25)),
      ...`Bridge MAYOR été e\u0301te\u0301 o'neil it’s x 2024 , . — “ ’ ' мост 市`.split(' '),
      ' ',
      '\n',
    ];
    let seed = 3;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const texts = Array.from({ length: 5000 }, () => {
      const parts = Array.from({ length: next(30) }, () => pool[next(pool.length)]!);
      return parts.map((w) => (next(5) === 0 ? w.toUpperCase() : w)).join(next(3) === 0 ? '' : ' ');
    });
    const reference = (text: string) => {
      const ws = words(text);
      return { words: ws.length, hits: langs.map((lang) => ws.filter((w) => STOPWORDS[lang]!.has(w)).length) };
    };

    // Act + Assess
    for (const text of texts) {
      const got = functionWordCounts(text);
      expect([text, { words: got.words, hits: [...got.hits] }]).toEqual([text, reference(text)]);
    }
  });

  const COLLAPSED: Array<[string, string]> = [
    ['one two', 'one two'],
    [' one  two\n', 'one two'],
    ['one\u00a0two\u200b', 'one two'],
    ['so\u00adft', 'soft'],
  ];
  it.each(COLLAPSED)('collapse(%j) → %j', (text, want) => {
    expect(collapse(text)).toBe(want);
  });
});

describe('prepareHtml: markup removed before parsing', () => {
  const ROWS: Array<[string, string, string[]]> = [
    // [input, markup to parse, JSON-LD scripts]
    ['<p>One</p><!-- a note --><p>Two</p>', '<p>One</p><p>Two</p>', []],
    ['<div data-track="x" class="story" onclick="go()">Text</div>', '<div class="story">Text</div>', []],
    // A link's target matters only as empty, `#fragment` or `javascript:`: any other becomes `#`.
    ['<p><a title="a > b" href="/x">Link</a> text</p>', '<p><a href="#">Link</a> text</p>', []],
    [
      '<p><a href=https://news.test/a class=x>A</a> <a href="#notes">B</a> <a href="javascript:go()">C</a></p>',
      '<p><a href="#" class=x>A</a> <a href="#notes">B</a> <a href="javascript:go()">C</a></p>',
      [],
    ],
    [
      '<p><a href="">A</a> <a href="/a?x=1&amp;y=2">B</a></p>',
      '<p><a href="">A</a> <a href="/a?x=1&amp;y=2">B</a></p>',
      [],
    ],
    ['<script>var s = "</div>";</script><p>Body</p>', '<p>Body</p>', []],
    [
      '<script type="application/ld+json">{"headline":"Bridge"}</script><p>Body</p>',
      '<script type="application/ld+json">{"headline":"Bridge"}</script><p>Body</p>',
      ['{"headline":"Bridge"}'],
    ],
    ['<nav><a href="/">Home</a></nav><p>Body</p><footer>© Courier</footer>', '<p>Body</p>', []],
    ['<STYLE>p { color: red }</STYLE><P>Body</P>', '<P>Body</P>', []],
    [
      '<link rel="stylesheet" href="a.css"><link rel="canonical" href="https://news.test/a">',
      '<link rel="canonical" href="https://news.test/a">',
      [],
    ],
    [
      '<div>\n  <p>One <em>two</em> three</p>\n  <span>four</span>\n</div>',
      '<div><p>One <em>two</em> three</p><span>four</span></div>',
      [],
    ],
    [
      '<img data-id="7" data-src="harbour.jpg" alt="Harbour" width="9"><figure data-src="quay.jpg"></figure>',
      '<img data-src="harbour.jpg"><figure data-src="quay.jpg"></figure>',
      [],
    ],
    [
      '<meta name="viewport" content="width=device-width"><meta property="og:title" content="Bridge opens"><meta charset="utf-8">',
      '<meta property="og:title" content="Bridge opens"><meta charset="utf-8">',
      [],
    ],
    ['<p>3 < 4 and 5 > 2</p>', '<p>3 < 4 and 5 > 2</p>', []],
    // Unclosed constructs are left to the parser (and searched for once, not once per occurrence).
    ['<p>One</p><!-- open <p>Two</p><!-- again', '<p>One</p><!-- open <p>Two</p><!-- again', []],
    ['<p>One</p><select><p>Two</p><select>', '<p>One</p><select><p>Two</p><select>', []],
  ];
  it.each(ROWS)('%s', (html, want, jsonLd) => {
    const got = prepareHtml(html);
    expect(got.html).toBe(want);
    expect(got.jsonLd).toEqual(jsonLd);
  });
});
