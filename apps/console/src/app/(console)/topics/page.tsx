import type { Metadata } from 'next';
import { TopicListView } from '../../../features/topics/list/topic-list-view';
import { parseTopicListParams, topicListInput } from '../../../features/topics/url-state';
import { Hydrate, prefetch } from '../../../trpc/server';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseTopicListParams(await searchParams);
  await prefetch((trpc, qc) => [qc.fetchQuery(trpc.topics.list.queryOptions(topicListInput(params)))]);
  return (
    <Hydrate>
      <TopicListView />
    </Hydrate>
  );
}
