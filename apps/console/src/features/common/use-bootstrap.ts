'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/provider';

/** host:port of the broker's first Kafka listener, for copy-paste client commands. */
export function useBootstrap(): string {
  const trpc = useTRPC();
  const overview = useQuery(trpc.cluster.overview.queryOptions(undefined, { staleTime: 60_000 }));
  const first = overview.data?.listeners[0];
  return first === undefined ? '127.0.0.1:9092' : first.replace(/^[A-Z_]+:\/\//, '');
}
