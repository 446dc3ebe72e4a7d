/** The viewer's entry point: a hash router over the views. */
import { ApiCallError } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { articleView } from './views/article.ts';
import { articlesView } from './views/articles.ts';
import type { View } from './views/common.ts';
import { entitiesDirectory, entityView, speakersDirectory, speakerView } from './views/people.ts';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

/** `#/speakers/Ren%C3%A9e?x=1` → { path: ['speakers', 'Renée'], query: x=1 }. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const at = raw.indexOf('?');
  const pathPart = at === -1 ? raw : raw.slice(0, at);
  const query = new URLSearchParams(at === -1 ? '' : raw.slice(at + 1));
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return { path, query };
}

function resolve({ path, query }: Route): { section: string; load: () => Promise<View> } {
  const [first, second, third] = path;
  if (!first) return { section: 'articles', load: () => articlesView(query) };
  if (first === 'articles' && second && path.length === 2)
    return { section: 'articles', load: () => articleView(second) };
  if (first === 'speakers' && !second) return { section: 'speakers', load: () => speakersDirectory(query) };
  if (first === 'speakers' && second && path.length === 2)
    return { section: 'speakers', load: () => speakerView(second) };
  if (first === 'entities' && !second) return { section: 'entities', load: () => entitiesDirectory(query) };
  if (first === 'entities' && second && third && path.length === 3)
    return { section: 'entities', load: () => entityView(second, third) };
  return {
    section: '',
    load: async () => ({
      title: 'Not found',
      nodes: [
        h('h1', { tabindex: -1 }, 'Not found'),
        h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'See all articles.')),
      ],
    }),
  };
}

function start(): void {
  const main = document.getElementById('main');
  const status = document.getElementById('status');
  if (!main || !status) return;
  let generation = 0;

  const navigate = async (moveFocus: boolean) => {
    const current = ++generation;
    const { section, load } = resolve(parseHash(location.hash));
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
      if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    main.setAttribute('aria-busy', 'true');
    status.textContent = 'Loading…';
    let view: View;
    try {
      view = await load();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const notFound = error instanceof ApiCallError && error.status === 404;
      view = {
        title: notFound ? 'Not found' : 'Error',
        nodes: [
          h('h1', { tabindex: -1 }, notFound ? 'Not found' : 'Something went wrong'),
          h('p', { class: 'notice notice-failed', role: 'alert' }, message),
          h('p', {}, h('a', { href: '#/' }, 'Back to the articles')),
        ],
      };
    }
    if (current !== generation) return;
    replaceChildren(main, view.nodes);
    main.removeAttribute('aria-busy');
    document.title = `${view.title} · Annotator`;
    status.textContent = `${view.title} loaded.`;
    if (moveFocus) main.querySelector<HTMLElement>('h1')?.focus();
    else window.scrollTo(0, 0);
  };

  // In-page anchors (not `#/…` routes) keep the current view.
  window.addEventListener('hashchange', () => {
    if (location.hash === '' || location.hash.startsWith('#/')) void navigate(true);
  });
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  void navigate(false);
}

start();
