// Every request handler the broker serves; ApiVersions advertises exactly these.
import type { ApiKeyNumber } from '@tarn/protocol';
import type { Handler } from './handler';
import { alterConfigs } from './alter-configs';
import { alterPartitionReassignments } from './alter-partition-reassignments';
import { describeLogDirs } from './describe-log-dirs';
import { electLeaders } from './elect-leaders';
import { listPartitionReassignments } from './list-partition-reassignments';
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
import { addOffsetsToTxn } from './add-offsets-to-txn';
import { addPartitionsToTxn } from './add-partitions-to-txn';
import { describeProducers } from './describe-producers';
import { describeTransactions } from './describe-transactions';
import { endTxn } from './end-txn';
import { listTransactions } from './list-transactions';
import { writeTxnMarkers } from './write-txn-markers';
import { listOffsets } from './list-offsets';
import { metadata } from './metadata';
import { offsetForLeaderEpoch } from './offset-for-leader-epoch';
import { produce } from './produce';
import { alterUserScramCredentials } from './alter-user-scram-credentials';
import { describeUserScramCredentials } from './describe-user-scram-credentials';
import { saslAuthenticate } from './sasl-authenticate';
import { saslHandshake } from './sasl-handshake';
import { createAcls } from './create-acls';
import { deleteAcls } from './delete-acls';
import { describeAcls } from './describe-acls';
import { deleteGroups } from './delete-groups';
import { describeGroups } from './describe-groups';
import { findCoordinator } from './find-coordinator';
import { heartbeat } from './heartbeat';
import { joinGroup } from './join-group';
import { leaveGroup } from './leave-group';
import { listGroups } from './list-groups';
import { offsetCommit } from './offset-commit';
import { offsetDelete } from './offset-delete';
import { offsetFetch } from './offset-fetch';
import { syncGroup } from './sync-group';
import { txnOffsetCommit } from './txn-offset-commit';

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
  addPartitionsToTxn,
  addOffsetsToTxn,
  endTxn,
  writeTxnMarkers,
  describeProducers,
  describeTransactions,
  listTransactions,
  describeConfigs,
  alterConfigs,
  incrementalAlterConfigs,
  createPartitions,
  describeCluster,
  electLeaders,
  alterPartitionReassignments,
  listPartitionReassignments,
  describeLogDirs,
  saslHandshake,
  saslAuthenticate,
  describeUserScramCredentials,
  alterUserScramCredentials,
  describeAcls,
  createAcls,
  deleteAcls,
  findCoordinator,
  joinGroup,
  syncGroup,
  heartbeat,
  leaveGroup,
  offsetCommit,
  offsetFetch,
  describeGroups,
  listGroups,
  deleteGroups,
  offsetDelete,
  txnOffsetCommit,
] as unknown as ReadonlyArray<Handler<ApiKeyNumber>>;
