import { OverviewView } from '../../features/overview/overview-view';
import { Hydrate, prefetch } from '../../trpc/server';

export default async function OverviewPage() {
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.cluster.overview.queryOptions())]);
  return (
    <Hydrate>
      <OverviewView />
    </Hydrate>
  );
}
