import type { Metadata } from 'next';
import { TransactionsView } from '../../../features/transactions/transactions-view';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Transactions' };

export default async function TransactionsPage() {
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.transactions.overview.queryOptions())]);
  return (
    <Hydrate>
      <TransactionsView />
    </Hydrate>
  );
}
