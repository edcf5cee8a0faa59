import type { Metadata } from 'next';
import { IsrView } from '../../../features/isr/isr-view';
import { ALL_TOPICS_INPUT, defaultIsrTopic, parseIsrParams } from '../../../features/isr/url-state';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Replicas & ISR' };

export default async function IsrPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { topic } = parseIsrParams(await searchParams);
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.cluster.overview.queryOptions()),
    qc.fetchQuery(trpc.topics.list.queryOptions(ALL_TOPICS_INPUT)).then(async (list) => {
      const name = topic ?? defaultIsrTopic(list.items.map((t) => t.name));
      if (name !== null) await qc.fetchQuery(trpc.topics.get.queryOptions({ name }));
    }),
  ]);
  return (
    <Hydrate>
      <IsrView />
    </Hydrate>
  );
}
