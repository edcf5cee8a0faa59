'use client';
import { useEffect, useMemo, useState } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, DataTable, EmptyState, formatDuration, formatNumber, LagStatusBadge, PageHeader, Button, TextInput } from '@tarn/ui';
import type { GroupSummary } from '../../../lib/types';
import { PAGE_SIZES } from '../../../lib/url-state';
import { groupHref, groupListInput, parseGroupListParams, type GroupListParams } from '../url-state';
import { useUrlState } from '../../../lib/use-url-state';
import { useTRPC } from '../../../trpc/provider';
import { GroupStatePill } from '../../common/group-state-pill';
import { QueryError } from '../../common/query-error';
import { useBootstrap } from '../../common/use-bootstrap';

export function GroupListView() {
  const trpc = useTRPC();
  const bootstrap = useBootstrap();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseGroupListParams(new URLSearchParams(key)), [key]);
  const groups = useQuery(trpc.groups.list.queryOptions(groupListInput(params), { placeholderData: keepPreviousData, refetchInterval: 5_000 }));
  const [draft, setDraft] = useState(params.q);

  useEffect(() => {
    if (draft === params.q) return;
    const t = setTimeout(() => setUrl({ q: draft, page: null }), 250);
    return () => clearTimeout(t);
  }, [draft, params.q, setUrl]);

  const update = (p: Partial<GroupListParams>) =>
    setUrl({
      q: p.q ?? params.q,
      page: (p.page ?? params.page) > 0 ? (p.page ?? params.page) + 1 : null,
      size: (p.size ?? params.size) === 50 ? null : (p.size ?? params.size),
    });

  const data = groups.data;
  return (
    <div className="t-stack">
      <PageHeader title="Consumer groups" description="Every consumer group the coordinator knows: state, members and how far behind each one is, updating every few seconds." />
      <Card flush>
        <div className="c-toolbar">
          <div className="t-field" style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <label className="t-visually-hidden" htmlFor="group-search">
              Search groups
            </label>
            <TextInput id="group-search" type="search" placeholder="Search groups by id…" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
          </div>
          <span className="t-spacer" />
          {data !== undefined ? (
            <span className="t-muted t-num" aria-live="polite">
              {formatNumber(data.total)} {data.total === 1 ? 'group' : 'groups'}
              {params.q !== '' ? ` matching “${params.q}”` : ''}
            </span>
          ) : null}
        </div>
        {groups.isError && data === undefined ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <QueryError title="Could not list consumer groups" error={groups.error} retry={() => void groups.refetch()} />
          </div>
        ) : (
          <DataTable<GroupSummary>
            caption="Consumer groups"
            rows={data?.items ?? []}
            loading={data === undefined}
            rowKey={(g) => g.groupId}
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
                <EmptyState icon="⌕" title={`No group matches “${params.q}”`} action={<Button onClick={() => setDraft('')}>Clear the search</Button>}>
                  Search looks for the text anywhere in a group&apos;s id.
                </EmptyState>
              ) : (
                <EmptyState icon="⚇" title="No consumer groups yet">
                  A group appears here as soon as a consumer joins it or commits offsets for it — any Kafka client with a <code>group.id</code>, e.g.{' '}
                  <code>kcat -b {bootstrap} -G my-group my-topic</code> or <code>kafka-console-consumer.sh --bootstrap-server {bootstrap} --group my-group --topic my-topic</code>.
                </EmptyState>
              )
            }
            columns={[
              {
                key: 'id',
                header: 'Group',
                render: (g) => (
                  <span className="t-row">
                    <Link href={groupHref(g.groupId)} style={{ fontWeight: 600 }} className="t-mono">
                      {g.groupId}
                    </Link>
                    {g.protocolType !== '' && g.protocolType !== 'consumer' ? <Badge>{g.protocolType}</Badge> : null}
                  </span>
                ),
              },
              { key: 'state', header: 'State', render: (g) => <GroupStatePill state={g.state} /> },
              { key: 'members', header: 'Members', align: 'right', render: (g) => formatNumber(g.members) },
              { key: 'generation', header: 'Generation', align: 'right', render: (g) => (g.generationId < 0 ? '—' : formatNumber(g.generationId)) },
              { key: 'lag', header: 'Total lag', align: 'right', render: (g) => <span className="t-num">{formatNumber(g.totalLag)}</span> },
              { key: 'lagMs', header: 'Max lag time', align: 'right', render: (g) => (g.maxLagMs > 0 ? formatDuration(g.maxLagMs) : <span className="t-faint">—</span>) },
              { key: 'status', header: 'Lag status', render: (g) => <LagStatusBadge status={g.status} /> },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
