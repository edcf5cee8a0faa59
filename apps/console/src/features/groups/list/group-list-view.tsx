'use client';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, DataTable, EmptyState, formatDuration, formatNumber, LagStatusBadge, ListPage, NoMatches } from '@tarn/ui';
import type { GroupSummary } from '../../../lib/types';
import { listParamChanges } from '../../../lib/url-state';
import { useTRPC } from '../../../trpc/provider';
import { GroupStatePill } from '../../common/group-state-pill';
import { QueryError } from '../../common/query-error';
import { useBootstrap } from '../../common/use-bootstrap';
import { useListParams } from '../../common/use-list-params';
import { groupHref, groupListInput, parseGroupListParams } from '../url-state';

export function GroupListView() {
  const trpc = useTRPC();
  const bootstrap = useBootstrap();
  const { params, draft, setDraft, paging } = useListParams(parseGroupListParams, listParamChanges);
  const groups = useQuery(
    trpc.groups.list.queryOptions(groupListInput(params), { placeholderData: keepPreviousData, refetchInterval: 5_000 }),
  );

  const data = groups.data;
  return (
    <ListPage
      title="Consumer groups"
      description="Every consumer group the coordinator knows: state, members and how far behind each one is, updating every few seconds."
      search={{ id: 'group-search', label: 'Search groups', placeholder: 'Search groups by id…', value: draft, onChange: setDraft }}
      count={data !== undefined ? { total: data.total, singular: 'group', plural: 'groups', query: params.q } : undefined}
      error={
        groups.isError && data === undefined ? (
          <QueryError title="Could not list consumer groups" error={groups.error} retry={() => void groups.refetch()} />
        ) : null
      }
    >
      <DataTable<GroupSummary>
        caption="Consumer groups"
        rows={data?.items ?? []}
        loading={data === undefined}
        rowKey={(g) => g.groupId}
        paging={paging(data?.total ?? 0)}
        empty={
          params.q !== '' ? (
            <NoMatches noun="group" query={params.q} onClear={() => setDraft('')}>
              Search looks for the text anywhere in a group&apos;s id.
            </NoMatches>
          ) : (
            <EmptyState icon="⚇" title="No consumer groups yet">
              A group appears here as soon as a consumer joins it or commits offsets for it — any Kafka client with a <code>group.id</code>,
              e.g. <code>kcat -b {bootstrap} -G my-group my-topic</code> or{' '}
              <code>kafka-console-consumer.sh --bootstrap-server {bootstrap} --group my-group --topic my-topic</code>.
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
          {
            key: 'generation',
            header: 'Generation',
            align: 'right',
            render: (g) => (g.generationId < 0 ? '—' : formatNumber(g.generationId)),
          },
          { key: 'lag', header: 'Total lag', align: 'right', render: (g) => <span className="t-num">{formatNumber(g.totalLag)}</span> },
          {
            key: 'lagMs',
            header: 'Max lag time',
            align: 'right',
            render: (g) => (g.maxLagMs > 0 ? formatDuration(g.maxLagMs) : <span className="t-faint">—</span>),
          },
          { key: 'status', header: 'Lag status', render: (g) => <LagStatusBadge status={g.status} /> },
        ]}
      />
    </ListPage>
  );
}
