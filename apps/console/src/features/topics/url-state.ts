/** The URL state of /topics and /topics/[name], parsed alike by the routes and the views (see lib/url-state). */
import { get, int, listParamChanges, oneOf, parseListParams, type ListParams, type ParamSource } from '../../lib/url-state';

// ---------------------------------------------------------------- /topics

export const TOPIC_SORTS = ['name', 'partitions', 'size', 'messages'] as const;

export interface TopicListParams extends ListParams {
  sort: (typeof TOPIC_SORTS)[number];
  dir: 'asc' | 'desc';
  internal: boolean;
}

export function parseTopicListParams(src: ParamSource): TopicListParams {
  return {
    ...parseListParams(src),
    sort: oneOf(src, 'sort', TOPIC_SORTS, 'name'),
    dir: oneOf(src, 'dir', ['asc', 'desc'] as const, 'asc'),
    internal: get(src, 'internal') === '1',
  };
}

/** The URL changes that give `p`; defaults leave the URL. */
export function topicListChanges(p: TopicListParams): Record<string, string | number | boolean | null> {
  return { ...listParamChanges(p), sort: p.sort === 'name' ? null : p.sort, dir: p.dir === 'asc' ? null : p.dir, internal: p.internal };
}

export function topicListInput(p: TopicListParams) {
  return { page: p.page, pageSize: p.size, sort: p.sort, direction: p.dir, search: p.q, includeInternal: p.internal };
}

// ---------------------------------------------------------------- /topics/[name]

export const TOPIC_TABS = ['partitions', 'segments', 'messages', 'tail', 'produce', 'config', 'access'] as const;
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
