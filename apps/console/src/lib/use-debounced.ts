'use client';
import { useEffect, useState } from 'react';

/** The value after `ms` without changes, so typing does not ask the broker once per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
