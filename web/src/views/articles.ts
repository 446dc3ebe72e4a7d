/** The articles list: newest first, filter by status, cursor paging. */
import { type Article, api, STATUSES, type Status } from '../api.ts';
import { h } from '../dom.ts';
import { formatTime, href, STATUS_LABEL } from '../format.ts';
import { heading, statusBadge, time, type View } from './common.ts';

const DEFAULT_PAGE_SIZE = 20;
/** next cursor → the cursor of the page that linked to it ('' for the first page), for "Newer" links. */
const previous = new Map<string, string>();

export async function articlesView(query: URLSearchParams): Promise<View> {
  const requested = query.get('status');
  const status = STATUSES.find((s) => s === requested);
  const cursor = query.get('cursor') ?? undefined;
  const asked = Number(query.get('limit'));
  const limit = Number.isInteger(asked) && asked >= 1 && asked <= 100 ? asked : undefined;
  const page = await api.articles({ limit: limit ?? DEFAULT_PAGE_SIZE, status, cursor });
  if (page.nextCursor) previous.set(page.nextCursor, cursor ?? '');

  const filter = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter articles' },
    h('label', { for: 'status-filter' }, 'Status'),
    h(
      'select',
      { id: 'status-filter', name: 'status' },
      h('option', { value: '', selected: !status }, 'All'),
      STATUSES.map((s) => h('option', { value: s, selected: s === status }, STATUS_LABEL[s])),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Show'),
  );
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (filter.querySelector('select') as HTMLSelectElement).value as Status | '';
    location.hash = href.articles({ status: value || undefined, limit });
  });

  const title = status ? `${STATUS_LABEL[status]} articles` : 'Articles';
  const body =
    page.items.length === 0
      ? h(
          'p',
          { class: 'empty' },
          cursor ? 'No more articles.' : 'No articles yet. Drop files into the bucket’s raw/ prefix to add some.',
        )
      : h(
          'table',
          { class: 'articles' },
          h('caption', { class: 'visually-hidden' }, `${title}, newest first`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Title', 'Source', 'Status', 'Quotes', 'Speakers', 'Entities', 'Processed'].map((label) =>
                h(
                  'th',
                  { scope: 'col', class: ['Quotes', 'Speakers', 'Entities'].includes(label) ? 'num' : '' },
                  label,
                ),
              ),
            ),
          ),
          h('tbody', {}, page.items.map(row)),
        );

  const back = cursor !== undefined ? previous.get(cursor) : undefined;
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Article pages' },
    cursor
      ? h('a', { href: href.articles({ status, limit, cursor: back || undefined }), rel: 'prev' }, '← Newer')
      : null,
    cursor && back ? h('a', { href: href.articles({ status, limit }) }, 'Newest') : null,
    page.nextCursor
      ? h('a', { href: href.articles({ status, limit, cursor: page.nextCursor }), rel: 'next' }, 'Older →')
      : null,
  );

  return { title, nodes: [heading(title, 'Newest first.'), filter, body, pager] };
}

function row(article: Article): HTMLElement {
  const reason = article.status === 'PROCESSED' ? null : (article.reason ?? article.reasonCode);
  return h(
    'tr',
    {},
    h('td', { class: 'title' }, h('a', { href: href.article(article.id) }, article.title?.trim() || '(untitled)')),
    h('td', { class: 'source' }, h('code', {}, breakable(article.sourceKey))),
    h('td', { class: 'status' }, statusBadge(article.status), reason ? h('span', { class: 'reason' }, reason) : null),
    h('td', { class: 'num' }, article.counts.quotes),
    h('td', { class: 'num' }, article.counts.speakers),
    h('td', { class: 'num' }, article.counts.entities),
    h('td', { class: 'time' }, time(article.processedAt, formatTime(article.processedAt))),
  );
}

/** The key with a line-break opportunity after each `/` (and no change to its text). */
function breakable(key: string): Array<string | HTMLElement> {
  return key.split(/(?<=\/)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}
