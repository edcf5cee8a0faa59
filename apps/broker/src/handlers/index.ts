// Every request handler the broker serves; ApiVersions advertises exactly these.
import type { ApiKeyNumber } from '@tarn/protocol';
import type { Handler } from '../server/handler';
import { alterConfigs } from './alter-configs';
import { apiVersions } from './api-versions';
import { createPartitions } from './create-partitions';
import { createTopics } from './create-topics';
import { deleteRecords } from './delete-records';
import { deleteTopics } from './delete-topics';
import { describeCluster } from './describe-cluster';
import { describeConfigs } from './describe-configs';
import { fetch } from './fetch';
import { incrementalAlterConfigs } from './incremental-alter-configs';
import { initProducerId } from './init-producer-id';
import { listOffsets } from './list-offsets';
import { metadata } from './metadata';
import { offsetForLeaderEpoch } from './offset-for-leader-epoch';
import { produce } from './produce';

export const allHandlers = [
  produce,
  fetch,
  listOffsets,
  metadata,
  offsetForLeaderEpoch,
  apiVersions,
  createTopics,
  deleteTopics,
  deleteRecords,
  initProducerId,
  describeConfigs,
  alterConfigs,
  incrementalAlterConfigs,
  createPartitions,
  describeCluster,
] as unknown as ReadonlyArray<Handler<ApiKeyNumber>>;
