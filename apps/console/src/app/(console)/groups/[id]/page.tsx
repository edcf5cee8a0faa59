import type { Metadata } from 'next';
import { GroupView } from '../../../../features/groups/detail/group-view';
import { parseGroupParams } from '../../../../features/groups/url-state';
import { routeParam } from '../../../../lib/url-state';
import { Hydrate, prefetch } from '../../../../trpc/server';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).id) };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const groupId = routeParam((await params).id);
  const input = { groupId };
  const { tab } = parseGroupParams(await searchParams);
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.groups.get.queryOptions(input)),
    qc.fetchQuery(trpc.groups.lagHistory.queryOptions(input)),
    qc.fetchQuery(trpc.groups.rebalances.queryOptions(input)),
    ...(tab === 'access' ? [qc.fetchQuery(trpc.acls.effective.queryOptions({ resourceType: 'GROUP', name: groupId }))] : []),
  ]);
  return (
    <Hydrate>
      <GroupView groupId={groupId} />
    </Hydrate>
  );
}
