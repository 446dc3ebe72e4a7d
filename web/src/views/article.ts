/**
 * One article: cleaned text with quotes highlighted in their speaker's colour (hover or focus shows speaker, verb
 * and type), entity mentions underlined by type, a side panel of speakers and entities, removed boilerplate.
 */
import { type ArticleDetail, api, type Entity, type Quote } from '../api.ts';
import { type Child, h, replaceChildren } from '../dom.ts';
import { formatTime, href, plural, TYPE_LABEL } from '../format.ts';
import { type Inline, layoutText } from '../layout.ts';
import { heading, statusBadge, time, truncate, type View } from './common.ts';

/** Distinct speaker colours (classes spk-0 … spk-9 in app.css); beyond that they repeat. */
const PALETTE_SIZE = 10;

export interface SpeakerGroup {
  /** Display name; null for unattributed quotes. */
  name: string | null;
  colour: string;
  quotes: number[];
}

/** Groups quotes by speaker (the resolved entity when there is one), most quoted first, unattributed last. */
export function speakerGroups(quotes: readonly Quote[], entities: readonly Entity[]): SpeakerGroup[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = new Map<string, { name: string | null; quotes: number[] }>();
  quotes.forEach((quote, index) => {
    const entity = quote.speakerEntityId ? byId.get(quote.speakerEntityId) : undefined;
    const name = entity?.name ?? quote.speaker ?? null;
    const key = name === null ? '\u0000' : name.toLocaleLowerCase();
    const group = groups.get(key) ?? { name, quotes: [] };
    group.quotes.push(index);
    groups.set(key, group);
  });
  const ordered = [...groups.values()].sort(
    (a, b) =>
      Number(a.name === null) - Number(b.name === null) ||
      b.quotes.length - a.quotes.length ||
      (a.quotes[0] ?? 0) - (b.quotes[0] ?? 0),
  );
  let next = 0;
  return ordered.map((g) => ({ ...g, colour: g.name === null ? 'spk-none' : `spk-${next++ % PALETTE_SIZE}` }));
}

export async function articleView(id: string): Promise<View> {
  const article = await api.article(id);
  const title = article.title?.trim() || '(untitled)';
  const nodes: Child[] = [
    h(
      'nav',
      { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: href.articles() }, 'Articles'),
      ' › ',
      h('span', { 'aria-current': 'page' }, truncate(title, 60)),
    ),
    heading(title, article.byline ?? (article.authors.length ? `By ${article.authors.join(', ')}` : null)),
    metadata(article),
  ];
  if (article.status !== 'PROCESSED') {
    nodes.push(
      h(
        'div',
        { class: `notice notice-${article.status.toLowerCase()}`, role: 'note' },
        h('strong', {}, `This article was ${article.status === 'REJECTED' ? 'rejected' : 'not processed'}: `),
        article.reason ?? article.reasonCode ?? 'no reason given.',
        article.reasonCode ? h('span', { class: 'code' }, ` (${article.reasonCode})`) : null,
      ),
    );
  }
  if (article.warnings.length) {
    nodes.push(
      h(
        'ul',
        { class: 'warnings', 'aria-label': 'Warnings' },
        article.warnings.map((w) => h('li', {}, w)),
      ),
    );
  }
  if (article.status === 'PROCESSED' || article.text) nodes.push(annotated(article));
  return { title, nodes };
}

function metadata(article: ArticleDetail): HTMLElement {
  const rows: Array<[string, Child]> = [
    ['Status', statusBadge(article.status)],
    ['Source', h('code', {}, article.sourceKey)],
    ['Published', article.publishedAt ? time(article.publishedAt, formatTime(article.publishedAt)) : null],
    ['Dateline', article.dateline],
    ['Processed', time(article.processedAt, formatTime(article.processedAt))],
    ['Words', article.wordCount],
    ['URL', article.url ? h('span', { class: 'url' }, article.url) : null],
  ];
  return h(
    'dl',
    { class: 'meta' },
    rows
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))),
  );
}

function annotated(article: ArticleDetail): HTMLElement {
  const { text, quotes, entities } = article;
  const groups = speakerGroups(quotes, entities);
  const groupOf = new Map<number, SpeakerGroup>();
  for (const group of groups) for (const q of group.quotes) groupOf.set(q, group);

  const mentions = entities.flatMap((entity, index) => entity.mentions.map((m) => ({ ...m, entity: index })));
  const blocks = layoutText(text, quotes, mentions);

  const tooltip = h('div', { class: 'tooltip', 'aria-hidden': 'true', hidden: true });
  const descriptions = h('div', { hidden: true });
  quotes.forEach((quote, index) => {
    descriptions.appendChild(h('span', { id: `quote-desc-${index}` }, describe(quote, groupOf.get(index))));
  });

  const inline = (piece: Inline): Child => {
    if (piece.kind === 'text') return piece.text;
    const entity = entities[piece.entity];
    if (!entity) return piece.text;
    return h(
      'span',
      { class: `ent ent-${entity.type.toLowerCase()}`, title: `${TYPE_LABEL[entity.type]}: ${entity.name}` },
      piece.text,
    );
  };

  const body = h(
    'div',
    { class: 'article-text' },
    blocks.map((block) =>
      h(
        'p',
        {},
        block.pieces.map((piece) => {
          if (piece.kind !== 'quote') return inline(piece);
          const quote = quotes[piece.quote];
          const group = groupOf.get(piece.quote);
          return h(
            'mark',
            {
              class: `quote ${group?.colour ?? 'spk-none'} quote-${quote?.type ?? 'direct'}`,
              tabindex: 0,
              'data-quote': piece.quote,
              'data-first': piece.first,
              'data-speaker': group?.name ?? '',
              'aria-describedby': `quote-desc-${piece.quote}`,
            },
            piece.children.map(inline),
          );
        }),
      ),
    ),
  );
  wireTooltip(body, tooltip, quotes, groupOf);

  const removed = article.boilerplate.length
    ? h(
        'details',
        { class: 'boilerplate' },
        h('summary', {}, `Removed boilerplate (${article.boilerplate.length})`),
        h(
          'ul',
          {},
          article.boilerplate.map((block) =>
            h('li', {}, h('span', { class: 'reason-tag' }, block.reason), ' ', block.text),
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'No boilerplate was removed.');

  return h(
    'div',
    { class: 'article-layout' },
    h(
      'section',
      { class: 'article-main', 'aria-labelledby': 'text-heading' },
      h('h2', { id: 'text-heading', class: 'visually-hidden' }, 'Article text'),
      legend(),
      text ? body : h('p', { class: 'muted' }, 'No text.'),
      removed,
      descriptions,
      tooltip,
    ),
    h(
      'aside',
      { class: 'panel', 'aria-label': 'Speakers and entities' },
      speakersPanel(groups, quotes),
      entitiesPanel(entities),
    ),
  );
}

function describe(quote: Quote, group: SpeakerGroup | undefined): string {
  const speaker = group?.name ?? quote.speaker ?? 'Unattributed';
  const as =
    quote.speakerMention && quote.speakerMention.text !== speaker ? ` (written as “${quote.speakerMention.text}”)` : '';
  return `${speaker}${as}; verb: ${quote.verb ?? 'none'}; ${quote.type} quote`;
}

function legend(): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    h(
      'p',
      {},
      'Entity underlines: ',
      (['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const).map((type) =>
        h('span', { class: `ent ent-${type.toLowerCase()}` }, TYPE_LABEL[type]),
      ),
    ),
    h('p', { class: 'muted' }, 'Quotes are highlighted in their speaker’s colour; hover or focus one for details.'),
  );
}

function wireTooltip(
  body: HTMLElement,
  tooltip: HTMLElement,
  quotes: readonly Quote[],
  groupOf: Map<number, SpeakerGroup>,
): void {
  let current: HTMLElement | null = null;
  const show = (mark: HTMLElement) => {
    const index = Number(mark.dataset.quote);
    const quote = quotes[index];
    if (!quote) return;
    const group = groupOf.get(index);
    current = mark;
    replaceChildren(
      tooltip,
      h('strong', {}, group?.name ?? quote.speaker ?? 'Unattributed'),
      quote.speakerMention && quote.speakerMention.text !== (group?.name ?? quote.speaker)
        ? h('span', {}, ` as “${quote.speakerMention.text}”`)
        : null,
      h('br'),
      `verb: ${quote.verb ?? '—'} · ${quote.type} quote`,
    );
    tooltip.hidden = false;
    // Above the quote's first line when there is room in the viewport, else below it. (CSSOM, allowed by the CSP.)
    const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const container = tooltip.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const above = rect.top - tooltip.offsetHeight - 6 >= 0;
    tooltip.style.left = `${Math.max(0, rect.left - container.left)}px`;
    tooltip.style.top = `${above ? rect.top - container.top - tooltip.offsetHeight - 6 : rect.bottom - container.top + 6}px`;
  };
  const hide = () => {
    current = null;
    tooltip.hidden = true;
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? (target.closest('mark.quote') as HTMLElement | null) : null;
  body.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark && mark !== current) show(mark);
  });
  body.addEventListener('mouseleave', hide);
  body.addEventListener('mouseout', (event) => {
    if (markOf(event.target) && !markOf(event.relatedTarget)) hide();
  });
  body.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  body.addEventListener('focusout', hide);
  if (!hideTooltip) {
    // Escape hides the tooltip of the article on screen: one listener for the app's lifetime.
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hideTooltip?.();
    });
  }
  hideTooltip = hide;
}

let hideTooltip: (() => void) | null = null;

function speakersPanel(groups: SpeakerGroup[], quotes: readonly Quote[]): HTMLElement {
  return h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'speakers-heading' },
    h('h2', { id: 'speakers-heading' }, `Speakers (${groups.filter((g) => g.name !== null).length})`),
    groups.length === 0
      ? h('p', { class: 'muted' }, 'No quotes found.')
      : h(
          'ul',
          { class: 'speakers' },
          groups.map((group) =>
            h(
              'li',
              { class: 'speaker', 'data-speaker': group.name ?? '' },
              h(
                'div',
                { class: 'speaker-head' },
                h('span', { class: `swatch ${group.colour}`, 'aria-hidden': 'true' }),
                group.name
                  ? h('a', { href: href.speaker(group.name), class: 'speaker-name' }, group.name)
                  : h('span', { class: 'speaker-name' }, 'Unattributed'),
                h('span', { class: 'count' }, plural(group.quotes.length, 'quote')),
              ),
              h(
                'ol',
                { class: `speaker-quotes ${group.colour}` },
                group.quotes.map((index) => {
                  const quote = quotes[index];
                  return h(
                    'li',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'quote-link',
                        title: 'Show this quote in the text',
                        onclick: () => focusQuote(index),
                      },
                      `“${truncate(quote?.text ?? '', 90)}”`,
                    ),
                  );
                }),
              ),
            ),
          ),
        ),
  );
}

function focusQuote(index: number): void {
  const mark = document.querySelector<HTMLElement>(`mark.quote[data-quote="${index}"][data-first]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}

function entitiesPanel(entities: readonly Entity[]): HTMLElement {
  const sorted = [...entities].sort(
    (a, b) => b.salience - a.salience || b.count - a.count || a.firstStart - b.firstStart,
  );
  return h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'entities-heading' },
    h('h2', { id: 'entities-heading' }, `Entities (${entities.length})`),
    sorted.length === 0
      ? h('p', { class: 'muted' }, 'No entities found.')
      : h(
          'ul',
          { class: 'entities' },
          sorted.map((entity) =>
            h(
              'li',
              { class: 'entity' },
              h(
                'a',
                { href: href.entity(entity.type, entity.name), class: `ent ent-${entity.type.toLowerCase()}` },
                entity.name,
              ),
              ' ',
              h('span', { class: `type type-${entity.type.toLowerCase()}` }, TYPE_LABEL[entity.type]),
              h(
                'span',
                { class: 'count' },
                `${plural(entity.count, 'mention')} · salience ${entity.salience.toFixed(2)}`,
              ),
              entity.aliases.length ? h('span', { class: 'aliases' }, `Also: ${entity.aliases.join(', ')}`) : null,
            ),
          ),
        ),
  );
}
