import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '../../features/login/login-form';
import { safeNext } from '../../features/login/safe-next';
import { getQueryClient, getTRPC } from '../../trpc/server';
import { cookies } from 'next/headers';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNext(typeof raw === 'string' ? raw : null);
  // already signed in: go where the user was heading
  if ((await cookies()).has('tarn_session')) {
    const trpc = await getTRPC();
    const me = await getQueryClient()
      .fetchQuery(trpc.me.queryOptions())
      .catch(() => null);
    if (me !== null) redirect(next);
  }
  return <LoginForm next={next} />;
}
