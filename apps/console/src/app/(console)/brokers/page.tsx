import type { Metadata } from 'next';
import { BrokersView } from '../../../features/brokers/brokers-view';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage() {
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.cluster.overview.queryOptions())]);
  return (
    <Hydrate>
      <BrokersView />
    </Hydrate>
  );
}
