/**
 * Page state that lives in the URL (so a link shows what its sender saw): parsed the same way by
 * the server route, which prefetches with it, and by the client component, which renders with it —
 * so both build identical query inputs and therefore identical query keys.
 */

export type ParamSource = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function get(src: ParamSource, key: string): string | undefined {
  if (src instanceof URLSearchParams) return src.get(key) ?? undefined;
  const v = src[key];
  return Array.isArray(v) ? v[0] : v;
}

function int(src: ParamSource, key: string, min: number, max: number): number | null {
  const raw = get(src, key);
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

function oneOf<T extends string>(src: ParamSource, key: string, values: readonly T[], fallback: T): T {
  const raw = get(src, key);
  return values.includes(raw as T) ? (raw as T) : fallback;
}

/** A query string with `changes` applied; null, '' and undefined remove a key. */
export function withParams(current: URLSearchParams | string, changes: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '' || v === false) next.delete(k);
    else next.set(k, v === true ? '1' : String(v));
  }
  return next.toString();
}

// ---------------------------------------------------------------- /topics

export const TOPIC_SORTS = ['name', 'partitions', 'size', 'messages'] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

export interface TopicListParams {
  q: string;
  page: number;
  size: number;
  sort: (typeof TOPIC_SORTS)[number];
  dir: 'asc' | 'desc';
  internal: boolean;
}

export function parseTopicListParams(src: ParamSource): TopicListParams {
  const size = int(src, 'size', 1, 500);
  return {
    q: (get(src, 'q') ?? '').slice(0, 249),
    page: int(src, 'page', 1, 1_000_000) !== null ? int(src, 'page', 1, 1_000_000)! - 1 : 0,
    size: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
    sort: oneOf(src, 'sort', TOPIC_SORTS, 'name'),
    dir: oneOf(src, 'dir', ['asc', 'desc'] as const, 'asc'),
    internal: get(src, 'internal') === '1',
  };
}

export function topicListInput(p: TopicListParams) {
  return { page: p.page, pageSize: p.size, sort: p.sort, direction: p.dir, search: p.q, includeInternal: p.internal };
}

// ---------------------------------------------------------------- /topics/[name]

export const TOPIC_TABS = ['partitions', 'segments', 'messages', 'tail', 'produce', 'config'] as const;
export type TopicTab = (typeof TOPIC_TABS)[number];
export const SEEK_TYPES = ['newest', 'offset', 'timestamp'] as const;
export type SeekType = (typeof SEEK_TYPES)[number];
export const MESSAGE_LIMITS = [20, 50, 100, 200, 500] as const;

export interface TopicParams {
  tab: TopicTab;
  /** Chosen partition; null = every partition (messages, tail) or the first (segments). */
  partition: number | null;
  seek: SeekType;
  offset: number | null;
  /** Epoch milliseconds. */
  ts: number | null;
  limit: number;
  /** Live tail substring filter. */
  filter: string;
}

export function parseTopicParams(src: ParamSource): TopicParams {
  const rawTs = get(src, 'ts');
  let ts: number | null = null;
  if (rawTs !== undefined && rawTs !== '') {
    const n = /^\d+$/.test(rawTs) ? Number(rawTs) : Date.parse(rawTs);
    ts = Number.isFinite(n) && n >= 0 ? n : null;
  }
  const limit = int(src, 'limit', 1, 500);
  return {
    tab: oneOf(src, 'tab', TOPIC_TABS, 'partitions'),
    partition: int(src, 'partition', 0, 100_000),
    seek: oneOf(src, 'seek', SEEK_TYPES, 'newest'),
    offset: int(src, 'offset', 0, Number.MAX_SAFE_INTEGER),
    ts,
    limit: limit !== null && (MESSAGE_LIMITS as readonly number[]).includes(limit) ? limit : 50,
    filter: (get(src, 'filter') ?? '').slice(0, 200),
  };
}

export function segmentsInput(topic: string, p: TopicParams) {
  return { topic, partition: p.partition ?? 0 };
}

export type BrowseSeek = { type: 'offset'; offset: number } | { type: 'timestamp'; timestamp: number } | { type: 'newest' };

export function browseSeek(p: TopicParams): BrowseSeek {
  if (p.seek === 'offset' && p.offset !== null) return { type: 'offset', offset: p.offset };
  if (p.seek === 'timestamp' && p.ts !== null) return { type: 'timestamp', timestamp: p.ts };
  return { type: 'newest' };
}

export function browseInput(topic: string, p: TopicParams) {
  return { topic, partition: p.partition, seek: browseSeek(p), limit: p.limit };
}

// ---------------------------------------------------------------- /isr

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

// ---------------------------------------------------------------- /groups

export interface GroupListParams {
  q: string;
  page: number;
  size: number;
}

export function parseGroupListParams(src: ParamSource): GroupListParams {
  const size = int(src, 'size', 1, 500);
  const page = int(src, 'page', 1, 1_000_000);
  return {
    q: (get(src, 'q') ?? '').slice(0, 249),
    page: page !== null ? page - 1 : 0,
    size: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
}

export function groupListInput(p: GroupListParams) {
  return { search: p.q, page: p.page, pageSize: p.size };
}

/** Every group (up to the admin API's page limit), for the overview's summary by lag status. */
export const ALL_GROUPS_INPUT = { search: '', page: 0, pageSize: 500 } as const;

// ---------------------------------------------------------------- /groups/[id]

export const GROUP_TABS = ['lag', 'members', 'rebalances', 'reset'] as const;
export type GroupTab = (typeof GROUP_TABS)[number];

export interface GroupParams {
  tab: GroupTab;
}

export function parseGroupParams(src: ParamSource): GroupParams {
  return { tab: oneOf(src, 'tab', GROUP_TABS, 'lag') };
}

/**
 * A dynamic route segment as the user typed it. Group ids may hold any character; a malformed
 * escape (a lone '%') is kept as it is rather than failing the page.
 */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function groupHref(groupId: string, tab?: GroupTab): string {
  return `/groups/${encodeURIComponent(groupId)}${tab !== undefined && tab !== 'lag' ? `?tab=${tab}` : ''}`;
}
