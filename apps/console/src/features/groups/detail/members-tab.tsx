'use client';
import { useMemo } from 'react';
import { Badge, Card, DataTable, EmptyState, formatAssignment, formatNumber } from '@tarn/ui';
import { shortId } from '../group-format';
import type { GroupDetail, GroupMember } from '../../../lib/types';
import { useBootstrap } from '../../common/use-bootstrap';

export function MembersTab({ group }: { group: GroupDetail }) {
  const bootstrap = useBootstrap();
  const lagOf = useMemo(() => {
    const byTp = new Map((group.lag?.partitions ?? []).map((p) => [`${p.topic}:${p.partition}`, p.lag ?? 0]));
    return (m: GroupMember) =>
      Object.entries(m.assignment ?? {}).reduce((n, [t, ps]) => n + ps.reduce((k, p) => k + (byTp.get(`${t}:${p}`) ?? 0), 0), 0);
  }, [group.lag]);
  return (
    <Card
      title="Members"
      description={`The consumers in generation ${group.generationId < 0 ? '—' : group.generationId} and the partitions each was assigned.`}
      flush
    >
      <DataTable<GroupMember>
        caption={`Members of ${group.groupId}`}
        rows={group.members}
        rowKey={(m) => m.memberId}
        empty={
          <EmptyState icon="⚇" title="No active members">
            {group.state === 'Empty'
              ? 'The group is empty: its committed offsets are kept, and consumers that join with this group.id carry on from them. '
              : ''}
            Start a consumer with <code>group.id={group.groupId}</code>, e.g.{' '}
            <code>
              kcat -b {bootstrap} -G {group.groupId} &lt;topic&gt;
            </code>
            .
          </EmptyState>
        }
        columns={[
          {
            key: 'member',
            header: 'Member',
            render: (m) => (
              <span className="t-row">
                <span className="t-mono" title={m.memberId}>
                  {shortId(m.memberId)}
                </span>
                {m.memberId === group.leaderId ? (
                  <Badge tone="accent" title="Computes the assignment for the group">
                    leader
                  </Badge>
                ) : null}
                {m.groupInstanceId !== null ? (
                  <Badge tone="info" title="Static member (group.instance.id)">
                    static: {m.groupInstanceId}
                  </Badge>
                ) : null}
              </span>
            ),
          },
          { key: 'client', header: 'Client id', render: (m) => <span className="t-mono">{m.clientId}</span> },
          { key: 'host', header: 'Host', render: (m) => <span className="t-mono">{m.clientHost.replace(/^\//, '')}</span> },
          {
            key: 'subscription',
            header: 'Subscribed to',
            render: (m) => (m.subscription === null ? <span className="t-faint">—</span> : m.subscription.join(', ')),
          },
          {
            key: 'assignment',
            header: 'Assigned partitions',
            render: (m) => <span className="t-mono">{m.assignment === null ? '—' : formatAssignment(m.assignment)}</span>,
          },
          { key: 'lag', header: 'Lag', align: 'right', render: (m) => formatNumber(lagOf(m)) },
        ]}
      />
    </Card>
  );
}
