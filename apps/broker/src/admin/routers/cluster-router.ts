// The cluster: the overview (brokers, log dirs, partition health) and preferred leader election.
import { TRPCError } from '@trpc/server';
import { AclOperation } from '../console-access';
import { authedProcedure, router } from '../trpc';
import { clusterOverview } from '../views/cluster-view';

export const clusterRouter = router({
  overview: authedProcedure.query(({ ctx }) => clusterOverview(ctx.services)),

  /**
   * ElectLeaders (preferred) over every partition, as `kafka-leader-election --election-type
   * preferred --all-topic-partitions` does: leadership goes back to each partition's first replica
   * where that replica is alive and in sync.
   */
  electPreferredLeaders: authedProcedure.mutation(({ ctx }) =>
    ctx.admin.audited(ctx.principal, 'cluster.elect-preferred-leaders', '*', undefined, async () => {
      const { services } = ctx;
      ctx.access.requireOnCluster(AclOperation.ALTER); // ElectLeaders
      if (!services.metadata.isReachable) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'The metadata store (etcd) is unreachable: no leader can change until it is back.',
        });
      }
      let elected = 0;
      let notNeeded = 0;
      let unavailable = 0;
      let failed = 0;
      for (const topic of services.metadata.topics()) {
        for (const p of topic.partitions) {
          const error = await services.controller.elect(topic.name, p, 'preferred');
          if (error === null) elected++;
          else if (error === 'ELECTION_NOT_NEEDED') notNeeded++;
          else if (error === 'PREFERRED_LEADER_NOT_AVAILABLE') unavailable++;
          else failed++;
        }
      }
      return { elected, notNeeded, unavailable, failed };
    }),
  ),
});
