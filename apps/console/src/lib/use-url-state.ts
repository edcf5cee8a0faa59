'use client';
import { useCallback } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { withParams } from './url-state';

/**
 * Changes the page's query string without a server round trip: Next.js syncs history.pushState /
 * replaceState with useSearchParams, so client components re-render with the new state and fetch
 * what they need. `push` makes a history entry (tabs); the default replaces (filters, typing).
 */
export function useUrlState(): [
  URLSearchParams,
  (changes: Record<string, string | number | boolean | null | undefined>, mode?: 'push' | 'replace') => void,
] {
  const params = useSearchParams();
  const pathname = usePathname();
  const set = useCallback(
    (changes: Record<string, string | number | boolean | null | undefined>, mode: 'push' | 'replace' = 'replace') => {
      const qs = withParams(new URLSearchParams(window.location.search), changes);
      const url = qs === '' ? pathname : `${pathname}?${qs}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );
  return [new URLSearchParams(params.toString()), set];
}
