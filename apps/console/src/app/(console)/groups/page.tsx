import type { Metadata } from 'next';
import { GroupListView } from '../../../features/groups/list/group-list-view';
import { groupListInput, parseGroupListParams } from '../../../features/groups/url-state';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Consumer groups' };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseGroupListParams(await searchParams);
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.groups.list.queryOptions(groupListInput(params)))]);
  return (
    <Hydrate>
      <GroupListView />
    </Hydrate>
  );
}
