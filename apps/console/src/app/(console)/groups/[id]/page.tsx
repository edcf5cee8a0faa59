import type { Metadata } from 'next';
import { GroupView } from '../../../../features/groups/detail/group-view';
import { routeParam } from '../../../../lib/url-state';
import { Hydrate, prefetch } from '../../../../trpc/server';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).id) };
}

export default async function GroupPage({ params }: Props) {
  const groupId = routeParam((await params).id);
  const input = { groupId };
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.groups.get.queryOptions(input)), qc.fetchQuery(trpc.groups.lagHistory.queryOptions(input)), qc.fetchQuery(trpc.groups.rebalances.queryOptions(input))]);
  return (
    <Hydrate>
      <GroupView groupId={groupId} />
    </Hydrate>
  );
}
