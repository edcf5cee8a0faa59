import type { Metadata } from 'next';
import { UsersView } from '../../../features/users/users-view';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.users.list.queryOptions())]);
  return (
    <Hydrate>
      <UsersView />
    </Hydrate>
  );
}
