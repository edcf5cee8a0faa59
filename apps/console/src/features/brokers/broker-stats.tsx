'use client';
import { formatNumber, Skeleton, Stat } from '@tarn/ui';
import type { ClusterOverview } from '../../lib/types';

/** The figures over the table: brokers running, the controller, partitions off their preferred leader, offline partitions. */
export function BrokerStats({ overview: o, failed }: { overview: ClusterOverview | undefined; failed: boolean }) {
  if (o === undefined) {
    return failed ? null : (
      <div className="t-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} height={78} />
        ))}
      </div>
    );
  }
  const running = o.brokers.filter((b) => b.state === 'running').length;
  return (
    <div className="t-grid">
      <Stat
        label="Running"
        value={`${formatNumber(running)} / ${formatNumber(o.brokers.length)}`}
        tone={running < o.brokers.length ? 'warning' : 'success'}
        hint="brokers registered and serving"
      />
      <Stat
        label="Controller"
        value={o.controllerId < 0 ? 'none' : `broker ${o.controllerId}`}
        tone={o.controllerId < 0 ? 'danger' : undefined}
        hint="elects leaders, shrinks and grows ISRs"
      />
      <Stat
        label="Not on preferred leader"
        value={formatNumber(o.notOnPreferredLeader)}
        tone={o.notOnPreferredLeader > 0 ? 'warning' : 'success'}
        hint="partitions led by other than their first replica"
      />
      <Stat
        label="Offline partitions"
        value={formatNumber(o.offlinePartitions)}
        tone={o.offlinePartitions > 0 ? 'danger' : 'success'}
        hint="no live leader"
      />
    </div>
  );
}
