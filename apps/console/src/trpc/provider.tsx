'use client';
/**
 * The browser's tRPC client: subscriptions over one WebSocket (`ws(s)://<console>/trpc`, proxied to
 * the broker with the session cookie), queries and mutations batched over HTTP (`/trpc`). Client
 * components get typed query/mutation/subscription options from `useTRPC()`.
 */
import { useState, type FC, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AdminRouter } from '@tarn/broker';
import { makeQueryClient } from './query-client';

const context = createTRPCContext<AdminRouter>();
// spelled out so the declarations name only '@tarn/broker', not the broker's internal modules
const TRPCProvider: FC<{ children: ReactNode; queryClient: QueryClient; trpcClient: TRPCClient<AdminRouter> }> = context.TRPCProvider;
export const useTRPC: () => TRPCOptionsProxy<AdminRouter> = context.useTRPC;
export const useTRPCClient: () => TRPCClient<AdminRouter> = context.useTRPCClient;

let browserQueryClient: QueryClient | undefined;

function toLogin(): void {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

function getQueryClient(): QueryClient {
  // on the server every render gets its own; in the browser one lives as long as the page
  if (typeof window === 'undefined') return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient(toLogin));
}

function links(): TRPCLink<AdminRouter>[] {
  const http = httpBatchLink<AdminRouter>({ url: '/trpc', maxURLLength: 4000 });
  if (typeof window === 'undefined') return [http];
  const ws = createWSClient({
    url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/trpc`,
    // connect when the first subscription starts; keep the socket a while between pages
    lazy: { enabled: true, closeMs: 10_000 },
    retryDelayMs: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
  });
  return [splitLink({ condition: (op) => op.type === 'subscription', true: wsLink<AdminRouter>({ client: ws }), false: http })];
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() => createTRPCClient<AdminRouter>({ links: links() }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
