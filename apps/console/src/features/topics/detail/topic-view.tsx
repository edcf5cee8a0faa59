'use client';
import { useCallback, useMemo, useState } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, EmptyState, formatBytes, formatNumber, PageHeader, Skeleton, TabPanel, Tabs, type TabItem } from '@tarn/ui';
import { parseTopicParams, type TopicParams, type TopicTab } from '../url-state';
import { useUrlState } from '../../../lib/use-url-state';
import { kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { AccessSection } from '../../acls/access-section';
import { QueryError } from '../../common/query-error';
import { ConfigTab } from './config-tab';
import { DeleteTopicDialog } from './delete-topic-dialog';
import { MessagesTab } from './messages-tab';
import { PartitionsTab } from './partitions-tab';
import { ProduceTab } from './produce-tab';
import { SegmentsTab } from './segments-tab';
import { TailTab } from './tail-tab';

const TABS: ReadonlyArray<TabItem<TopicTab>> = [
  { id: 'partitions', label: 'Partitions' },
  { id: 'segments', label: 'Segments' },
  { id: 'messages', label: 'Messages' },
  { id: 'tail', label: 'Live tail' },
  { id: 'produce', label: 'Produce' },
  { id: 'config', label: 'Config' },
  { id: 'access', label: 'Access' },
];

export function TopicView({ name }: { name: string }) {
  const trpc = useTRPC();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseTopicParams(new URLSearchParams(key)), [key]);
  const topic = useQuery(trpc.topics.get.queryOptions({ name }, { refetchInterval: 5000 }));
  const [deleting, setDeleting] = useState(false);

  const change = useCallback(
    (c: Partial<TopicParams>, mode: 'push' | 'replace' = 'replace') => {
      const out: Record<string, string | number | null> = {};
      if ('tab' in c) out.tab = c.tab === 'partitions' ? null : (c.tab ?? null);
      if ('partition' in c) out.partition = c.partition ?? null;
      if ('seek' in c) out.seek = c.seek === 'newest' ? null : (c.seek ?? null);
      if ('offset' in c) out.offset = c.offset ?? null;
      if ('ts' in c) out.ts = c.ts === null || c.ts === undefined ? null : new Date(c.ts).toISOString();
      if ('limit' in c) out.limit = c.limit === 50 ? null : (c.limit ?? null);
      if ('filter' in c) out.filter = c.filter ?? null;
      setUrl(out, mode);
    },
    [setUrl],
  );

  const t = topic.data;
  if (t === undefined) {
    if (topic.isError) {
      return (
        <div className="t-stack">
          <PageHeader title={name} breadcrumbs={<Link href="/topics">Topics</Link>} />
          {kafkaErrorName(topic.error) === 'UNKNOWN_TOPIC_OR_PARTITION' ? (
            <EmptyState icon="?" title={`There is no topic “${name}”`} action={<Link href="/topics">Back to the topics</Link>}>
              It may have been deleted, or the name is mistyped. Topic names are case-sensitive.
            </EmptyState>
          ) : (
            <QueryError title="Could not load the topic" error={topic.error} retry={() => void topic.refetch()} />
          )}
        </div>
      );
    }
    return (
      <div className="t-stack">
        <Skeleton width={260} height={30} />
        <Skeleton height={40} />
        <Skeleton height={320} />
      </div>
    );
  }

  const partitionCount = t.partitions.length;
  const partition = params.partition !== null && params.partition < partitionCount ? params.partition : null;
  return (
    <div>
      <PageHeader
        breadcrumbs={
          <>
            <Link href="/topics">Topics</Link>
            <span aria-hidden="true">/</span>
          </>
        }
        title={
          <span className="t-row" style={{ gap: 10 }}>
            <span className="t-mono" style={{ fontSize: 22, fontFamily: 'var(--t-mono)' }}>
              {t.name}
            </span>
            {t.internal ? <Badge>internal</Badge> : null}
            {t.underReplicated > 0 ? <Badge tone="warning">{t.underReplicated} under-replicated</Badge> : null}
          </span>
        }
        description={
          <span className="t-num">
            {formatNumber(partitionCount)} partitions · replication factor {t.replicationFactor} · {formatNumber(t.messages)} messages ·{' '}
            {formatBytes(t.sizeBytes)} · id <span className="t-mono">{t.topicId}</span>
          </span>
        }
        actions={
          <Button
            variant="danger"
            onClick={() => setDeleting(true)}
            disabled={t.internal}
            title={t.internal ? 'Internal topics cannot be deleted' : undefined}
          >
            Delete topic
          </Button>
        }
      />
      <Tabs idPrefix="topic" label={`Topic ${t.name}`} items={TABS} value={params.tab} onChange={(tab) => change({ tab }, 'push')} />
      <TabPanel idPrefix="topic" id={params.tab}>
        {params.tab === 'partitions' ? (
          <PartitionsTab topic={t} onOpenSegments={(p) => change({ tab: 'segments', partition: p }, 'push')} />
        ) : null}
        {params.tab === 'segments' ? (
          <SegmentsTab key={partition ?? 0} topic={t} partition={partition ?? 0} onPartition={(p) => change({ partition: p })} />
        ) : null}
        {params.tab === 'messages' ? <MessagesTab topic={t} params={{ ...params, partition }} onChange={(c) => change(c)} /> : null}
        {params.tab === 'tail' ? <TailTab topic={t} partition={partition} filter={params.filter} onChange={change} /> : null}
        {params.tab === 'produce' ? <ProduceTab topic={t} /> : null}
        {params.tab === 'config' ? <ConfigTab topic={t} /> : null}
        {params.tab === 'access' ? <AccessSection resourceType="TOPIC" name={t.name} /> : null}
      </TabPanel>
      <DeleteTopicDialog topic={t} open={deleting} onClose={() => setDeleting(false)} />
    </div>
  );
}
