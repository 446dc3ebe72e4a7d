/** Pieces shared by the views. */
import type { Status } from '../api.ts';
import { type Child, h } from '../dom.ts';
import { STATUS_LABEL } from '../format.ts';

export interface View {
  /** Document title (without the app name). */
  title: string;
  nodes: Child[];
}

export function heading(text: string, sub?: Child | Child[]): HTMLElement {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: -1 }, text), sub ? h('p', { class: 'lede' }, sub) : null);
}

export function statusBadge(status: Status): HTMLElement {
  return h('span', { class: `badge badge-${status.toLowerCase()}` }, STATUS_LABEL[status]);
}

export function time(iso: string | null | undefined, text: string): Child {
  return iso ? h('time', { datetime: iso }, text) : text;
}

/** A "Load more" button for cursor paging: appends each next page to `list`, announcing it politely. */
export function loadMore<T>(
  list: HTMLElement,
  first: { nextCursor: string | null },
  fetchPage: (cursor: string) => Promise<{ items: T[]; nextCursor: string | null }>,
  renderItem: (item: T) => HTMLElement,
  noun: string,
): HTMLElement {
  const announce = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let cursor = first.nextCursor;
  const button = h('button', { type: 'button', class: 'button' }, `Load more ${noun}`);
  const wrap = h('div', { class: 'more' }, button, announce);
  button.hidden = !cursor;
  button.addEventListener('click', async () => {
    if (!cursor) return;
    button.disabled = true;
    try {
      const page = await fetchPage(cursor);
      for (const item of page.items) list.appendChild(renderItem(item));
      cursor = page.nextCursor;
      announce.textContent = `${page.items.length} more ${noun} loaded.`;
    } catch (error) {
      announce.textContent = `Could not load more ${noun}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
      button.hidden = !cursor;
    }
  });
  return wrap;
}

export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
