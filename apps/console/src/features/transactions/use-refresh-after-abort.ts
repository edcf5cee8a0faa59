'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/provider';

/** After an abort: the overview, and the topic and group views that show LSOs, are fetched again. */
export function useRefreshAfterAbort(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.transactions.overview.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.topics.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.groups.get.queryKey() }),
    ]);
  };
}
