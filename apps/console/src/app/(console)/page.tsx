import { OverviewView } from '../../features/overview/overview-view';
import { ALL_GROUPS_INPUT } from '../../features/overview/all-groups-input';
import { Hydrate, prefetch } from '../../trpc/server';

export default async function OverviewPage() {
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.cluster.overview.queryOptions()),
    qc.fetchQuery(trpc.groups.list.queryOptions(ALL_GROUPS_INPUT)),
  ]);
  return (
    <Hydrate>
      <OverviewView />
    </Hydrate>
  );
}
