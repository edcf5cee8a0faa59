/**
 * Page state that lives in the URL (so a link shows what its sender saw): parsed the same way by
 * the server route, which prefetches with it, and by the client component, which renders with it —
 * so both build identical query inputs and therefore identical query keys. Each feature keeps its
 * own pages' state beside it (`features/<feature>/url-state.ts`); the parsing helpers they share,
 * and the search and paging every list page has, live here.
 */

export type ParamSource = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

export function get(src: ParamSource, key: string): string | undefined {
  if (src instanceof URLSearchParams) return src.get(key) ?? undefined;
  const v = src[key];
  return Array.isArray(v) ? v[0] : v;
}

export function int(src: ParamSource, key: string, min: number, max: number): number | null {
  const raw = get(src, key);
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export function oneOf<T extends string>(src: ParamSource, key: string, values: readonly T[], fallback: T): T {
  const raw = get(src, key);
  return values.includes(raw as T) ? (raw as T) : fallback;
}

/** A query string with `changes` applied; null, '' and undefined remove a key. */
export function withParams(
  current: URLSearchParams | string,
  changes: Readonly<Record<string, string | number | boolean | null | undefined>>,
): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '' || v === false) next.delete(k);
    else next.set(k, v === true ? '1' : String(v));
  }
  return next.toString();
}

// ---------------------------------------------------------------- list pages

export const PAGE_SIZES = [25, 50, 100] as const;

/** The search and paging of a list page (/topics, /groups). */
export interface ListParams {
  q: string;
  /** 0-based here, 1-based in the URL. */
  page: number;
  size: number;
}

export function parseListParams(src: ParamSource): ListParams {
  const size = int(src, 'size', 1, 500);
  const page = int(src, 'page', 1, 1_000_000);
  return {
    q: (get(src, 'q') ?? '').slice(0, 249),
    page: page !== null ? page - 1 : 0,
    size: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
}

/** The URL changes that give `p`: what is at its default leaves the URL. */
export function listParamChanges(p: ListParams): Record<string, string | number | null> {
  return { q: p.q, page: p.page > 0 ? p.page + 1 : null, size: p.size === 50 ? null : p.size };
}

// ---------------------------------------------------------------- dynamic route segments

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
