'use client';
import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs`; null during server rendering and the first client
 * render, so time-dependent text never differs between the two (no hydration mismatch).
 */
export function useNow(intervalMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
