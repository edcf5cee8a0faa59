'use client';
import { useState } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, DataTable, EmptyState, formatBytes, formatNumber, ListPage, NoMatches } from '@tarn/ui';
import type { TopicSummary } from '../../../lib/types';
import { useTRPC } from '../../../trpc/provider';
import { QueryError } from '../../common/query-error';
import { useListParams } from '../../common/use-list-params';
import { parseTopicListParams, topicListChanges, topicListInput, type TopicListParams } from '../url-state';
import { CreateTopicDialog } from './create-topic-dialog';

export function TopicListView() {
  const trpc = useTRPC();
  const { search, params, draft, setDraft, update, paging } = useListParams(parseTopicListParams, topicListChanges);
  const topics = useQuery(
    trpc.topics.list.queryOptions(topicListInput(params), { placeholderData: keepPreviousData, refetchInterval: 10_000 }),
  );
  const [creating, setCreating] = useState(search.get('create') === '1');

  const data = topics.data;
  return (
    <ListPage
      title="Topics"
      description="Every topic on the cluster: search, sort, open one to see its partitions, segments and messages."
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          + Create topic
        </Button>
      }
      search={{ id: 'topic-search', label: 'Search topics', placeholder: 'Search topics by name…', value: draft, onChange: setDraft }}
      filters={
        <label className="t-check">
          <input type="checkbox" checked={params.internal} onChange={(e) => update({ internal: e.target.checked, page: 0 })} />
          Show internal topics
        </label>
      }
      count={data !== undefined ? { total: data.total, singular: 'topic', plural: 'topics', query: params.q } : undefined}
      error={
        topics.isError && data === undefined ? (
          <QueryError title="Could not list topics" error={topics.error} retry={() => void topics.refetch()} />
        ) : null
      }
      dialogs={<CreateTopicDialog open={creating} onClose={() => setCreating(false)} />}
    >
      <DataTable<TopicSummary>
        caption="Topics"
        rows={data?.items ?? []}
        loading={data === undefined}
        rowKey={(t) => t.name}
        sort={{ key: params.sort, direction: params.dir }}
        onSortChange={(sort, dir) => update({ sort: sort as TopicListParams['sort'], dir, page: 0 })}
        paging={paging(data?.total ?? 0)}
        empty={
          params.q !== '' ? (
            <NoMatches noun="topic" query={params.q} onClear={() => setDraft('')}>
              Search looks for the text anywhere in a topic&apos;s name.
            </NoMatches>
          ) : (
            <EmptyState
              icon="≡"
              title="No topics yet"
              action={
                <Button variant="primary" onClick={() => setCreating(true)}>
                  Create a topic
                </Button>
              }
            >
              Create one here, or just produce to a new name: the broker creates topics on first use (auto.create.topics.enable).
            </EmptyState>
          )
        }
        columns={[
          {
            key: 'name',
            header: 'Name',
            sortable: true,
            render: (t) => (
              <span className="t-row">
                <Link href={`/topics/${encodeURIComponent(t.name)}`} style={{ fontWeight: 600 }}>
                  {t.name}
                </Link>
                {t.internal ? <Badge>internal</Badge> : null}
              </span>
            ),
          },
          { key: 'partitions', header: 'Partitions', sortable: true, align: 'right', render: (t) => formatNumber(t.partitions) },
          { key: 'rf', header: 'Replication', align: 'right', render: (t) => formatNumber(t.replicationFactor) },
          { key: 'messages', header: 'Messages', sortable: true, align: 'right', render: (t) => formatNumber(t.messages) },
          { key: 'size', header: 'Size', sortable: true, align: 'right', render: (t) => formatBytes(t.sizeBytes) },
          {
            key: 'health',
            header: 'Replicas',
            render: (t) =>
              t.underReplicated > 0 ? (
                <Badge tone="warning">{t.underReplicated} under-replicated</Badge>
              ) : (
                <Badge tone="success">in sync</Badge>
              ),
          },
        ]}
      />
    </ListPage>
  );
}
