'use client';
/**
 * The state a list page keeps in its URL: its params, parsed as the route parsed them to prefetch;
 * the search box's draft, which reaches the URL (back on the first page) after a short pause; and
 * the table's paging, which writes page and size back. `toUrl` turns params into URL changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PagerProps } from '@tarn/ui';
import { PAGE_SIZES, type ListParams, type ParamSource } from '../../lib/url-state';
import { useUrlState } from '../../lib/use-url-state';

export function useListParams<P extends ListParams>(
  parse: (src: ParamSource) => P,
  toUrl: (p: P) => Record<string, string | number | boolean | null>,
) {
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parse(new URLSearchParams(key)), [parse, key]);
  const [draft, setDraft] = useState(params.q);

  // typing filters after a short pause; the search goes in the URL and resets the page
  useEffect(() => {
    if (draft === params.q) return;
    const t = setTimeout(() => setUrl({ q: draft, page: null }), 250);
    return () => clearTimeout(t);
  }, [draft, params.q, setUrl]);

  const update = (p: Partial<P>) => setUrl(toUrl({ ...params, ...p }));
  const paging = (total: number): PagerProps => ({
    page: params.page,
    pageSize: params.size,
    total,
    onPageChange: (page) => setUrl(toUrl({ ...params, page })),
    pageSizes: PAGE_SIZES,
    onPageSizeChange: (size) => setUrl(toUrl({ ...params, size, page: 0 })),
  });
  return { search, params, draft, setDraft, update, paging };
}
