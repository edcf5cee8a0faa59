import type { Metadata } from 'next';
import { TopicView } from '../../../../features/topics/detail/topic-view';
import { browseInput, parseTopicParams, segmentsInput } from '../../../../features/topics/url-state';
import { Hydrate, prefetch } from '../../../../trpc/server';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const p = parseTopicParams(await searchParams);
  await prefetch((trpc, qc) => [
    qc.fetchQuery(trpc.topics.get.queryOptions({ name })),
    ...(p.tab === 'segments' ? [qc.fetchQuery(trpc.topics.segments.queryOptions(segmentsInput(name, p)))] : []),
    ...(p.tab === 'messages' ? [qc.fetchQuery(trpc.messages.browse.queryOptions(browseInput(name, p)))] : []),
    ...(p.tab === 'access' ? [qc.fetchQuery(trpc.acls.effective.queryOptions({ resourceType: 'TOPIC', name }))] : []),
  ]);
  return (
    <Hydrate>
      <TopicView name={name} />
    </Hydrate>
  );
}
