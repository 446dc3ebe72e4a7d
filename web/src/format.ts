/** Display helpers: labels, dates (UTC, locale-independent), plurals, routes. */
import type { EntityType, Status } from './api.ts';

export const STATUS_LABEL: Record<Status, string> = {
  PROCESSED: 'Processed',
  REJECTED: 'Rejected',
  FAILED: 'Failed',
};

export const TYPE_LABEL: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organisation',
  LOCATION: 'Place',
  MISC: 'Other',
};

/** `2026-04-02T09:00:00.000Z` → `2026-04-02 09:00 UTC`; date-only values stay as they are. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const href = {
  articles: (q: { status?: string | undefined; cursor?: string | undefined; limit?: number | undefined } = {}) => {
    const params = new URLSearchParams();
    if (q.status) params.set('status', q.status);
    if (q.limit) params.set('limit', String(q.limit));
    if (q.cursor) params.set('cursor', q.cursor);
    const search = params.toString();
    return `#/${search ? `?${search}` : ''}`;
  },
  article: (id: string) => `#/articles/${encodeURIComponent(id)}`,
  speakers: () => '#/speakers',
  speaker: (name: string) => `#/speakers/${encodeURIComponent(name)}`,
  entities: () => '#/entities',
  entity: (type: string, name: string) => `#/entities/${encodeURIComponent(type)}/${encodeURIComponent(name)}`,
};
