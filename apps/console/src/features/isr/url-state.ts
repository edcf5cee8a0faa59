/** The URL state of /isr, parsed alike by the route and the view (see lib/url-state). */
import { get, type ParamSource } from '../../lib/url-state';

export interface IsrParams {
  topic: string | null;
}

export function parseIsrParams(src: ParamSource): IsrParams {
  const t = get(src, 'topic');
  return { topic: t === undefined || t === '' ? null : t.slice(0, 249) };
}

/** Every topic, for pickers: the admin API pages at most 500 at a time. */
export const ALL_TOPICS_INPUT = { page: 0, pageSize: 500, sort: 'name', direction: 'asc', search: '', includeInternal: true } as const;

/** The topic /isr shows when none is chosen: the first non-internal one. */
export function defaultIsrTopic(names: readonly string[]): string | null {
  return names.find((n) => !n.startsWith('__')) ?? names[0] ?? null;
}
