import type { Metadata } from 'next';
import { UsersPageView } from '../../../features/users/users-page-view';
import { parseUserView } from '../../../features/users/url-state';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = parseUserView(await searchParams);
  // console users are for operators only: a mapped user's refusal is left to the page, which shows it the SCRAM users
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.me.queryOptions()),
    qc.fetchQuery(trpc.users.list.queryOptions()),
    ...(view === 'console' ? [qc.fetchQuery(trpc.consoleUsers.list.queryOptions())] : []),
  ]);
  return (
    <Hydrate>
      <UsersPageView />
    </Hydrate>
  );
}
