'use client';
import { useEffect, useMemo, useState } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, DataTable, EmptyState, formatBytes, formatNumber, PageHeader, TextInput } from '@tarn/ui';
import type { TopicSummary } from '../../../lib/types';
import { PAGE_SIZES } from '../../../lib/url-state';
import { parseTopicListParams, topicListInput, type TopicListParams } from '../url-state';
import { useUrlState } from '../../../lib/use-url-state';
import { useTRPC } from '../../../trpc/provider';
import { QueryError } from '../../common/query-error';
import { CreateTopicDialog } from './create-topic-dialog';

export function TopicListView() {
  const trpc = useTRPC();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseTopicListParams(new URLSearchParams(key)), [key]);
  const topics = useQuery(trpc.topics.list.queryOptions(topicListInput(params), { placeholderData: keepPreviousData, refetchInterval: 10_000 }));
  const [draft, setDraft] = useState(params.q);
  const [creating, setCreating] = useState(search.get('create') === '1');

  // typing filters after a short pause; the search goes in the URL and resets the page
  useEffect(() => {
    if (draft === params.q) return;
    const t = setTimeout(() => setUrl({ q: draft, page: null }), 250);
    return () => clearTimeout(t);
  }, [draft, params.q, setUrl]);

  const update = (p: Partial<TopicListParams>) =>
    setUrl({
      q: p.q ?? params.q,
      page: (p.page ?? params.page) > 0 ? (p.page ?? params.page) + 1 : null,
      size: (p.size ?? params.size) === 50 ? null : (p.size ?? params.size),
      sort: (p.sort ?? params.sort) === 'name' ? null : (p.sort ?? params.sort),
      dir: (p.dir ?? params.dir) === 'asc' ? null : (p.dir ?? params.dir),
      internal: p.internal ?? params.internal,
    });

  const data = topics.data;
  return (
    <div className="t-stack">
      <PageHeader
        title="Topics"
        description="Every topic on the cluster: search, sort, open one to see its partitions, segments and messages."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            + Create topic
          </Button>
        }
      />
      <Card flush>
        <div className="c-toolbar">
          <div className="t-field" style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <label className="t-visually-hidden" htmlFor="topic-search">
              Search topics
            </label>
            <TextInput id="topic-search" type="search" placeholder="Search topics by name…" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
          </div>
          <label className="t-check">
            <input type="checkbox" checked={params.internal} onChange={(e) => update({ internal: e.target.checked, page: 0 })} />
            Show internal topics
          </label>
          <span className="t-spacer" />
          {data !== undefined ? (
            <span className="t-muted t-num" aria-live="polite">
              {formatNumber(data.total)} {data.total === 1 ? 'topic' : 'topics'}
              {params.q !== '' ? ` matching “${params.q}”` : ''}
            </span>
          ) : null}
        </div>
        {topics.isError && data === undefined ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <QueryError title="Could not list topics" error={topics.error} retry={() => void topics.refetch()} />
          </div>
        ) : (
          <DataTable<TopicSummary>
            caption="Topics"
            rows={data?.items ?? []}
            loading={data === undefined}
            rowKey={(t) => t.name}
            sort={{ key: params.sort, direction: params.dir }}
            onSortChange={(sort, dir) => update({ sort: sort as TopicListParams['sort'], dir, page: 0 })}
            paging={{
              page: params.page,
              pageSize: params.size,
              total: data?.total ?? 0,
              onPageChange: (page) => update({ page }),
              pageSizes: PAGE_SIZES,
              onPageSizeChange: (size) => update({ size, page: 0 }),
            }}
            empty={
              params.q !== '' ? (
                <EmptyState icon="⌕" title={`No topic matches “${params.q}”`} action={<Button onClick={() => setDraft('')}>Clear the search</Button>}>
                  Search looks for the text anywhere in a topic&apos;s name.
                </EmptyState>
              ) : (
                <EmptyState icon="≡" title="No topics yet" action={<Button variant="primary" onClick={() => setCreating(true)}>Create a topic</Button>}>
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
        )}
      </Card>
      <CreateTopicDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
