/** Cross-article pages: a speaker's quotes, the articles mentioning an entity, and the two directories. */
import { api, ENTITY_TYPES, type EntityType } from '../api.ts';
import { h } from '../dom.ts';
import { formatTime, href, plural, TYPE_LABEL } from '../format.ts';
import { heading, loadMore, time, type View } from './common.ts';

const PAGE_SIZE = 20;

type SpeakerQuote = Awaited<ReturnType<typeof api.speakerQuotes>>['items'][number];
type EntityArticle = Awaited<ReturnType<typeof api.entityArticles>>['items'][number];
type NameEntry = Awaited<ReturnType<typeof api.speakers>>['items'][number];

export async function speakerView(name: string): Promise<View> {
  const page = await api.speakerQuotes(name, { limit: PAGE_SIZE });
  const shown = page.items[0]?.speaker ?? name;
  const list = h('ol', { class: 'quote-list' }, page.items.map(speakerQuote));
  return {
    title: shown,
    nodes: [
      crumbs('Speakers', href.speakers(), shown),
      heading(shown, 'Quotes attributed to this speaker across all articles, newest first.'),
      page.items.length ? list : h('p', { class: 'empty' }, 'No quotes by this speaker.'),
      loadMore(list, page, (cursor) => api.speakerQuotes(name, { limit: PAGE_SIZE, cursor }), speakerQuote, 'quotes'),
    ],
  };
}

function speakerQuote(quote: SpeakerQuote): HTMLElement {
  const marks = quote.type === 'indirect' ? ['', ''] : ['“', '”'];
  return h(
    'li',
    { class: `quote-item quote-${quote.type}` },
    h('blockquote', {}, `${marks[0]}${quote.text}${marks[1]}`),
    h(
      'p',
      { class: 'cite' },
      quote.verb ? `verb “${quote.verb}” · ` : '',
      `${quote.type} quote · in `,
      h('a', { href: href.article(quote.articleId) }, quote.articleTitle?.trim() || '(untitled)'),
      ' · ',
      time(quote.articleDate, formatTime(quote.articleDate)),
    ),
  );
}

export async function entityView(typeParam: string, name: string): Promise<View> {
  const type = ENTITY_TYPES.find((t) => t === typeParam.toUpperCase()) ?? 'MISC';
  const page = await api.entityArticles(type, name, { limit: PAGE_SIZE });
  const shown = page.items[0]?.name ?? name;
  const list = h('ol', { class: 'article-list' }, page.items.map(entityArticle));
  return {
    title: shown,
    nodes: [
      crumbs('Entities', href.entities(), shown),
      heading(shown, [
        h('span', { class: `type type-${type.toLowerCase()}` }, TYPE_LABEL[type]),
        ' · articles that mention it, newest first.',
      ]),
      page.items.length ? list : h('p', { class: 'empty' }, 'No articles mention this entity.'),
      loadMore(
        list,
        page,
        (cursor) => api.entityArticles(type, name, { limit: PAGE_SIZE, cursor }),
        entityArticle,
        'articles',
      ),
    ],
  };
}

function entityArticle(item: EntityArticle): HTMLElement {
  return h(
    'li',
    { class: 'article-item' },
    h('a', { href: href.article(item.articleId) }, item.articleTitle?.trim() || '(untitled)'),
    h(
      'span',
      { class: 'count' },
      time(item.articleDate, formatTime(item.articleDate)),
      ` · ${plural(item.count, 'mention')} · salience ${item.salience.toFixed(2)}`,
    ),
  );
}

export async function speakersDirectory(query: URLSearchParams): Promise<View> {
  const prefix = query.get('prefix') ?? '';
  const page = await api.speakers({ prefix, limit: 50 });
  const list = h(
    'ul',
    { class: 'names' },
    page.items.map((entry) => nameItem(entry, href.speaker(entry.name))),
  );
  return {
    title: 'Speakers',
    nodes: [
      heading('Speakers', 'Everyone quoted in any article.'),
      searchForm('speakers', prefix, null),
      page.items.length ? list : h('p', { class: 'empty' }, 'No speakers found.'),
      loadMore(
        list,
        page,
        (cursor) => api.speakers({ prefix, cursor, limit: 50 }),
        (e) => nameItem(e, href.speaker(e.name)),
        'speakers',
      ),
    ],
  };
}

export async function entitiesDirectory(query: URLSearchParams): Promise<View> {
  const prefix = query.get('prefix') ?? '';
  const type = ENTITY_TYPES.find((t) => t === query.get('type'));
  const page = await api.entities({ prefix, type, limit: 50 });
  const item = (entry: NameEntry) => nameItem(entry, href.entity(entry.type ?? type ?? 'MISC', entry.name));
  const list = h('ul', { class: 'names' }, page.items.map(item));
  return {
    title: 'Entities',
    nodes: [
      heading('Entities', 'People, organisations, places and other names found in any article.'),
      searchForm('entities', prefix, type ?? ''),
      page.items.length ? list : h('p', { class: 'empty' }, 'No entities found.'),
      loadMore(list, page, (cursor) => api.entities({ prefix, type, cursor, limit: 50 }), item, 'entities'),
    ],
  };
}

function nameItem(entry: NameEntry, link: string): HTMLElement {
  return h(
    'li',
    {},
    h('a', { href: link }, entry.name),
    entry.type ? [' ', h('span', { class: `type type-${entry.type.toLowerCase()}` }, TYPE_LABEL[entry.type])] : null,
  );
}

function searchForm(kind: 'speakers' | 'entities', prefix: string, type: EntityType | '' | null): HTMLElement {
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': `Find ${kind}` },
    h('label', { for: `${kind}-prefix` }, 'Name starts with'),
    h('input', { id: `${kind}-prefix`, name: 'prefix', type: 'search', value: prefix, autocomplete: 'off' }),
    type !== null
      ? [
          h('label', { for: 'entity-type' }, 'Type'),
          h(
            'select',
            { id: 'entity-type', name: 'type' },
            h('option', { value: '', selected: type === '' }, 'Any'),
            ENTITY_TYPES.map((t) => h('option', { value: t, selected: t === type }, TYPE_LABEL[t])),
          ),
        ]
      : null,
    h('button', { type: 'submit', class: 'button' }, 'Find'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
    const search = params.toString();
    location.hash = `#/${kind}${search ? `?${search}` : ''}`;
  });
  return form;
}

function crumbs(section: string, link: string, current: string): HTMLElement {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('a', { href: link }, section),
    ' › ',
    h('span', { 'aria-current': 'page' }, current),
  );
}
