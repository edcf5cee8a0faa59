/**
 * tRPC for server components: calls go straight to the broker's admin API (TARN_ADMIN_URL) with the
 * user's session cookie taken from the incoming request; results land in a per-request QueryClient
 * that <Hydrate> hands to the browser. An UNAUTHORIZED answer sends the user to /login.
 */
// a client component that imports this file fails the build instead of shipping the server's calls
import 'server-only';
import { cache, type ReactNode } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { dehydrate, HydrationBoundary, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AdminRouter } from '@tarn/broker';
import type { Me } from '../lib/types';
import { describeError, httpStatusOf, isUnauthorized } from './errors';
import { makeQueryClient } from './query-client';

export const SESSION_COOKIE = 'tarn_session';

export function adminUrl(): string {
  return (process.env.TARN_ADMIN_URL ?? 'http://127.0.0.1:9644').replace(/\/$/, '');
}

export const getQueryClient = cache(() => makeQueryClient());

const sessionCookie = cache(async (): Promise<string | null> => (await cookies()).get(SESSION_COOKIE)?.value ?? null);

export const getTRPC = cache(async (): Promise<TRPCOptionsProxy<AdminRouter>> => {
  const session = await sessionCookie();
  // one client per request and no batching: requests of different users never share a call
  const client = createTRPCClient<AdminRouter>({
    links: [httpLink({ url: `${adminUrl()}/trpc`, headers: session === null ? {} : { cookie: `${SESSION_COOKIE}=${session}` } })],
  });
  return createTRPCOptionsProxy<AdminRouter>({ client, queryClient: getQueryClient });
});

/** Where the request was going (set by server.ts), to come back after logging in. */
async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get('x-tarn-path') ?? '/';
}

export async function toLogin(): Promise<never> {
  const path = await currentPath();
  redirect(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
}

/**
 * Runs the page's queries into the request's QueryClient. Redirects to /login without a session or
 * when the broker refuses it; other failures are left to the client components, which show them.
 */
export async function prefetch(
  run: (trpc: TRPCOptionsProxy<AdminRouter>, queryClient: QueryClient) => Array<Promise<unknown>>,
): Promise<void> {
  if ((await sessionCookie()) === null) await toLogin();
  const trpc = await getTRPC();
  const results = await Promise.allSettled(run(trpc, getQueryClient()));
  if (results.some((r) => r.status === 'rejected' && isUnauthorized(r.reason))) await toLogin();
}

/**
 * The signed-in user for the shell (who, and the Kafka principal it acts as); null with the reason
 * when the broker cannot be asked.
 */
export async function currentUser(): Promise<{ me: Me | null; problem: string | null }> {
  if ((await sessionCookie()) === null) await toLogin();
  const trpc = await getTRPC();
  try {
    const me = await getQueryClient().fetchQuery(trpc.me.queryOptions());
    return { me, problem: null };
  } catch (err) {
    if (isUnauthorized(err)) await toLogin();
    if (httpStatusOf(err) === null) {
      const why = err instanceof Error ? err.message : String(err);
      return { me: null, problem: `The broker's admin API at ${adminUrl()} does not answer (${why}). Is the broker running?` };
    }
    return { me: null, problem: describeError(err).message };
  }
}

/** Hands what the page prefetched to the browser's QueryClient. */
export function Hydrate({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
