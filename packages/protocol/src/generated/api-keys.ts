// generated — do not edit. Source: shared/kafka-protocol/messages/*Request.json, *Response.json (run `npm run gen`).
import { inVersionRange, type ApiMessageCodec, type VersionRange } from '../wire/message-codec';
import { ProduceRequest } from './produce-request';
import { ProduceResponse } from './produce-response';
import { FetchRequest } from './fetch-request';
import { FetchResponse } from './fetch-response';
import { ListOffsetsRequest } from './list-offsets-request';
import { ListOffsetsResponse } from './list-offsets-response';
import { MetadataRequest } from './metadata-request';
import { MetadataResponse } from './metadata-response';
import { LeaderAndIsrRequest } from './leader-and-isr-request';
import { LeaderAndIsrResponse } from './leader-and-isr-response';
import { StopReplicaRequest } from './stop-replica-request';
import { StopReplicaResponse } from './stop-replica-response';
import { UpdateMetadataRequest } from './update-metadata-request';
import { UpdateMetadataResponse } from './update-metadata-response';
import { ControlledShutdownRequest } from './controlled-shutdown-request';
import { ControlledShutdownResponse } from './controlled-shutdown-response';
import { OffsetCommitRequest } from './offset-commit-request';
import { OffsetCommitResponse } from './offset-commit-response';
import { OffsetFetchRequest } from './offset-fetch-request';
import { OffsetFetchResponse } from './offset-fetch-response';
import { FindCoordinatorRequest } from './find-coordinator-request';
import { FindCoordinatorResponse } from './find-coordinator-response';
import { JoinGroupRequest } from './join-group-request';
import { JoinGroupResponse } from './join-group-response';
import { HeartbeatRequest } from './heartbeat-request';
import { HeartbeatResponse } from './heartbeat-response';
import { LeaveGroupRequest } from './leave-group-request';
import { LeaveGroupResponse } from './leave-group-response';
import { SyncGroupRequest } from './sync-group-request';
import { SyncGroupResponse } from './sync-group-response';
import { DescribeGroupsRequest } from './describe-groups-request';
import { DescribeGroupsResponse } from './describe-groups-response';
import { ListGroupsRequest } from './list-groups-request';
import { ListGroupsResponse } from './list-groups-response';
import { SaslHandshakeRequest } from './sasl-handshake-request';
import { SaslHandshakeResponse } from './sasl-handshake-response';
import { ApiVersionsRequest } from './api-versions-request';
import { ApiVersionsResponse } from './api-versions-response';
import { CreateTopicsRequest } from './create-topics-request';
import { CreateTopicsResponse } from './create-topics-response';
import { DeleteTopicsRequest } from './delete-topics-request';
import { DeleteTopicsResponse } from './delete-topics-response';
import { DeleteRecordsRequest } from './delete-records-request';
import { DeleteRecordsResponse } from './delete-records-response';
import { InitProducerIdRequest } from './init-producer-id-request';
import { InitProducerIdResponse } from './init-producer-id-response';
import { OffsetForLeaderEpochRequest } from './offset-for-leader-epoch-request';
import { OffsetForLeaderEpochResponse } from './offset-for-leader-epoch-response';
import { AddPartitionsToTxnRequest } from './add-partitions-to-txn-request';
import { AddPartitionsToTxnResponse } from './add-partitions-to-txn-response';
import { AddOffsetsToTxnRequest } from './add-offsets-to-txn-request';
import { AddOffsetsToTxnResponse } from './add-offsets-to-txn-response';
import { EndTxnRequest } from './end-txn-request';
import { EndTxnResponse } from './end-txn-response';
import { WriteTxnMarkersRequest } from './write-txn-markers-request';
import { WriteTxnMarkersResponse } from './write-txn-markers-response';
import { TxnOffsetCommitRequest } from './txn-offset-commit-request';
import { TxnOffsetCommitResponse } from './txn-offset-commit-response';
import { DescribeAclsRequest } from './describe-acls-request';
import { DescribeAclsResponse } from './describe-acls-response';
import { CreateAclsRequest } from './create-acls-request';
import { CreateAclsResponse } from './create-acls-response';
import { DeleteAclsRequest } from './delete-acls-request';
import { DeleteAclsResponse } from './delete-acls-response';
import { DescribeConfigsRequest } from './describe-configs-request';
import { DescribeConfigsResponse } from './describe-configs-response';
import { AlterConfigsRequest } from './alter-configs-request';
import { AlterConfigsResponse } from './alter-configs-response';
import { AlterReplicaLogDirsRequest } from './alter-replica-log-dirs-request';
import { AlterReplicaLogDirsResponse } from './alter-replica-log-dirs-response';
import { DescribeLogDirsRequest } from './describe-log-dirs-request';
import { DescribeLogDirsResponse } from './describe-log-dirs-response';
import { SaslAuthenticateRequest } from './sasl-authenticate-request';
import { SaslAuthenticateResponse } from './sasl-authenticate-response';
import { CreatePartitionsRequest } from './create-partitions-request';
import { CreatePartitionsResponse } from './create-partitions-response';
import { CreateDelegationTokenRequest } from './create-delegation-token-request';
import { CreateDelegationTokenResponse } from './create-delegation-token-response';
import { RenewDelegationTokenRequest } from './renew-delegation-token-request';
import { RenewDelegationTokenResponse } from './renew-delegation-token-response';
import { ExpireDelegationTokenRequest } from './expire-delegation-token-request';
import { ExpireDelegationTokenResponse } from './expire-delegation-token-response';
import { DescribeDelegationTokenRequest } from './describe-delegation-token-request';
import { DescribeDelegationTokenResponse } from './describe-delegation-token-response';
import { DeleteGroupsRequest } from './delete-groups-request';
import { DeleteGroupsResponse } from './delete-groups-response';
import { ElectLeadersRequest } from './elect-leaders-request';
import { ElectLeadersResponse } from './elect-leaders-response';
import { IncrementalAlterConfigsRequest } from './incremental-alter-configs-request';
import { IncrementalAlterConfigsResponse } from './incremental-alter-configs-response';
import { AlterPartitionReassignmentsRequest } from './alter-partition-reassignments-request';
import { AlterPartitionReassignmentsResponse } from './alter-partition-reassignments-response';
import { ListPartitionReassignmentsRequest } from './list-partition-reassignments-request';
import { ListPartitionReassignmentsResponse } from './list-partition-reassignments-response';
import { OffsetDeleteRequest } from './offset-delete-request';
import { OffsetDeleteResponse } from './offset-delete-response';
import { DescribeClientQuotasRequest } from './describe-client-quotas-request';
import { DescribeClientQuotasResponse } from './describe-client-quotas-response';
import { AlterClientQuotasRequest } from './alter-client-quotas-request';
import { AlterClientQuotasResponse } from './alter-client-quotas-response';
import { DescribeUserScramCredentialsRequest } from './describe-user-scram-credentials-request';
import { DescribeUserScramCredentialsResponse } from './describe-user-scram-credentials-response';
import { AlterUserScramCredentialsRequest } from './alter-user-scram-credentials-request';
import { AlterUserScramCredentialsResponse } from './alter-user-scram-credentials-response';
import { VoteRequest } from './vote-request';
import { VoteResponse } from './vote-response';
import { BeginQuorumEpochRequest } from './begin-quorum-epoch-request';
import { BeginQuorumEpochResponse } from './begin-quorum-epoch-response';
import { EndQuorumEpochRequest } from './end-quorum-epoch-request';
import { EndQuorumEpochResponse } from './end-quorum-epoch-response';
import { DescribeQuorumRequest } from './describe-quorum-request';
import { DescribeQuorumResponse } from './describe-quorum-response';
import { AlterPartitionRequest } from './alter-partition-request';
import { AlterPartitionResponse } from './alter-partition-response';
import { UpdateFeaturesRequest } from './update-features-request';
import { UpdateFeaturesResponse } from './update-features-response';
import { EnvelopeRequest } from './envelope-request';
import { EnvelopeResponse } from './envelope-response';
import { FetchSnapshotRequest } from './fetch-snapshot-request';
import { FetchSnapshotResponse } from './fetch-snapshot-response';
import { DescribeClusterRequest } from './describe-cluster-request';
import { DescribeClusterResponse } from './describe-cluster-response';
import { DescribeProducersRequest } from './describe-producers-request';
import { DescribeProducersResponse } from './describe-producers-response';
import { BrokerRegistrationRequest } from './broker-registration-request';
import { BrokerRegistrationResponse } from './broker-registration-response';
import { BrokerHeartbeatRequest } from './broker-heartbeat-request';
import { BrokerHeartbeatResponse } from './broker-heartbeat-response';
import { UnregisterBrokerRequest } from './unregister-broker-request';
import { UnregisterBrokerResponse } from './unregister-broker-response';
import { DescribeTransactionsRequest } from './describe-transactions-request';
import { DescribeTransactionsResponse } from './describe-transactions-response';
import { ListTransactionsRequest } from './list-transactions-request';
import { ListTransactionsResponse } from './list-transactions-response';
import { AllocateProducerIdsRequest } from './allocate-producer-ids-request';
import { AllocateProducerIdsResponse } from './allocate-producer-ids-response';
import { ConsumerGroupHeartbeatRequest } from './consumer-group-heartbeat-request';
import { ConsumerGroupHeartbeatResponse } from './consumer-group-heartbeat-response';
import { ConsumerGroupDescribeRequest } from './consumer-group-describe-request';
import { ConsumerGroupDescribeResponse } from './consumer-group-describe-response';
import { ControllerRegistrationRequest } from './controller-registration-request';
import { ControllerRegistrationResponse } from './controller-registration-response';
import { GetTelemetrySubscriptionsRequest } from './get-telemetry-subscriptions-request';
import { GetTelemetrySubscriptionsResponse } from './get-telemetry-subscriptions-response';
import { PushTelemetryRequest } from './push-telemetry-request';
import { PushTelemetryResponse } from './push-telemetry-response';
import { AssignReplicasToDirsRequest } from './assign-replicas-to-dirs-request';
import { AssignReplicasToDirsResponse } from './assign-replicas-to-dirs-response';
import { ListClientMetricsResourcesRequest } from './list-client-metrics-resources-request';
import { ListClientMetricsResourcesResponse } from './list-client-metrics-resources-response';
import { DescribeTopicPartitionsRequest } from './describe-topic-partitions-request';
import { DescribeTopicPartitionsResponse } from './describe-topic-partitions-response';
import { ShareGroupHeartbeatRequest } from './share-group-heartbeat-request';
import { ShareGroupHeartbeatResponse } from './share-group-heartbeat-response';
import { ShareGroupDescribeRequest } from './share-group-describe-request';
import { ShareGroupDescribeResponse } from './share-group-describe-response';
import { ShareFetchRequest } from './share-fetch-request';
import { ShareFetchResponse } from './share-fetch-response';
import { ShareAcknowledgeRequest } from './share-acknowledge-request';
import { ShareAcknowledgeResponse } from './share-acknowledge-response';
import { AddRaftVoterRequest } from './add-raft-voter-request';
import { AddRaftVoterResponse } from './add-raft-voter-response';
import { RemoveRaftVoterRequest } from './remove-raft-voter-request';
import { RemoveRaftVoterResponse } from './remove-raft-voter-response';
import { UpdateRaftVoterRequest } from './update-raft-voter-request';
import { UpdateRaftVoterResponse } from './update-raft-voter-response';
import { InitializeShareGroupStateRequest } from './initialize-share-group-state-request';
import { InitializeShareGroupStateResponse } from './initialize-share-group-state-response';
import { ReadShareGroupStateRequest } from './read-share-group-state-request';
import { ReadShareGroupStateResponse } from './read-share-group-state-response';
import { WriteShareGroupStateRequest } from './write-share-group-state-request';
import { WriteShareGroupStateResponse } from './write-share-group-state-response';
import { DeleteShareGroupStateRequest } from './delete-share-group-state-request';
import { DeleteShareGroupStateResponse } from './delete-share-group-state-response';
import { ReadShareGroupStateSummaryRequest } from './read-share-group-state-summary-request';
import { ReadShareGroupStateSummaryResponse } from './read-share-group-state-summary-response';

/** Kafka API keys by API name. */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  LeaderAndIsr: 4,
  StopReplica: 5,
  UpdateMetadata: 6,
  ControlledShutdown: 7,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  WriteTxnMarkers: 27,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  AlterReplicaLogDirs: 34,
  DescribeLogDirs: 35,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  CreateDelegationToken: 38,
  RenewDelegationToken: 39,
  ExpireDelegationToken: 40,
  DescribeDelegationToken: 41,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  AlterPartitionReassignments: 45,
  ListPartitionReassignments: 46,
  OffsetDelete: 47,
  DescribeClientQuotas: 48,
  AlterClientQuotas: 49,
  DescribeUserScramCredentials: 50,
  AlterUserScramCredentials: 51,
  Vote: 52,
  BeginQuorumEpoch: 53,
  EndQuorumEpoch: 54,
  DescribeQuorum: 55,
  AlterPartition: 56,
  UpdateFeatures: 57,
  Envelope: 58,
  FetchSnapshot: 59,
  DescribeCluster: 60,
  DescribeProducers: 61,
  BrokerRegistration: 62,
  BrokerHeartbeat: 63,
  UnregisterBroker: 64,
  DescribeTransactions: 65,
  ListTransactions: 66,
  AllocateProducerIds: 67,
  ConsumerGroupHeartbeat: 68,
  ConsumerGroupDescribe: 69,
  ControllerRegistration: 70,
  GetTelemetrySubscriptions: 71,
  PushTelemetry: 72,
  AssignReplicasToDirs: 73,
  ListClientMetricsResources: 74,
  DescribeTopicPartitions: 75,
  ShareGroupHeartbeat: 76,
  ShareGroupDescribe: 77,
  ShareFetch: 78,
  ShareAcknowledge: 79,
  AddRaftVoter: 80,
  RemoveRaftVoter: 81,
  UpdateRaftVoter: 82,
  InitializeShareGroupState: 83,
  ReadShareGroupState: 84,
  WriteShareGroupState: 85,
  DeleteShareGroupState: 86,
  ReadShareGroupStateSummary: 87,
} as const;

export type ApiKeyName = keyof typeof ApiKey;
export type ApiKeyNumber = (typeof ApiKey)[ApiKeyName];

/** Request body type by API key. */
export interface ApiRequestMap {
  0: ProduceRequest;
  1: FetchRequest;
  2: ListOffsetsRequest;
  3: MetadataRequest;
  4: LeaderAndIsrRequest;
  5: StopReplicaRequest;
  6: UpdateMetadataRequest;
  7: ControlledShutdownRequest;
  8: OffsetCommitRequest;
  9: OffsetFetchRequest;
  10: FindCoordinatorRequest;
  11: JoinGroupRequest;
  12: HeartbeatRequest;
  13: LeaveGroupRequest;
  14: SyncGroupRequest;
  15: DescribeGroupsRequest;
  16: ListGroupsRequest;
  17: SaslHandshakeRequest;
  18: ApiVersionsRequest;
  19: CreateTopicsRequest;
  20: DeleteTopicsRequest;
  21: DeleteRecordsRequest;
  22: InitProducerIdRequest;
  23: OffsetForLeaderEpochRequest;
  24: AddPartitionsToTxnRequest;
  25: AddOffsetsToTxnRequest;
  26: EndTxnRequest;
  27: WriteTxnMarkersRequest;
  28: TxnOffsetCommitRequest;
  29: DescribeAclsRequest;
  30: CreateAclsRequest;
  31: DeleteAclsRequest;
  32: DescribeConfigsRequest;
  33: AlterConfigsRequest;
  34: AlterReplicaLogDirsRequest;
  35: DescribeLogDirsRequest;
  36: SaslAuthenticateRequest;
  37: CreatePartitionsRequest;
  38: CreateDelegationTokenRequest;
  39: RenewDelegationTokenRequest;
  40: ExpireDelegationTokenRequest;
  41: DescribeDelegationTokenRequest;
  42: DeleteGroupsRequest;
  43: ElectLeadersRequest;
  44: IncrementalAlterConfigsRequest;
  45: AlterPartitionReassignmentsRequest;
  46: ListPartitionReassignmentsRequest;
  47: OffsetDeleteRequest;
  48: DescribeClientQuotasRequest;
  49: AlterClientQuotasRequest;
  50: DescribeUserScramCredentialsRequest;
  51: AlterUserScramCredentialsRequest;
  52: VoteRequest;
  53: BeginQuorumEpochRequest;
  54: EndQuorumEpochRequest;
  55: DescribeQuorumRequest;
  56: AlterPartitionRequest;
  57: UpdateFeaturesRequest;
  58: EnvelopeRequest;
  59: FetchSnapshotRequest;
  60: DescribeClusterRequest;
  61: DescribeProducersRequest;
  62: BrokerRegistrationRequest;
  63: BrokerHeartbeatRequest;
  64: UnregisterBrokerRequest;
  65: DescribeTransactionsRequest;
  66: ListTransactionsRequest;
  67: AllocateProducerIdsRequest;
  68: ConsumerGroupHeartbeatRequest;
  69: ConsumerGroupDescribeRequest;
  70: ControllerRegistrationRequest;
  71: GetTelemetrySubscriptionsRequest;
  72: PushTelemetryRequest;
  73: AssignReplicasToDirsRequest;
  74: ListClientMetricsResourcesRequest;
  75: DescribeTopicPartitionsRequest;
  76: ShareGroupHeartbeatRequest;
  77: ShareGroupDescribeRequest;
  78: ShareFetchRequest;
  79: ShareAcknowledgeRequest;
  80: AddRaftVoterRequest;
  81: RemoveRaftVoterRequest;
  82: UpdateRaftVoterRequest;
  83: InitializeShareGroupStateRequest;
  84: ReadShareGroupStateRequest;
  85: WriteShareGroupStateRequest;
  86: DeleteShareGroupStateRequest;
  87: ReadShareGroupStateSummaryRequest;
}

/** Response body type by API key. */
export interface ApiResponseMap {
  0: ProduceResponse;
  1: FetchResponse;
  2: ListOffsetsResponse;
  3: MetadataResponse;
  4: LeaderAndIsrResponse;
  5: StopReplicaResponse;
  6: UpdateMetadataResponse;
  7: ControlledShutdownResponse;
  8: OffsetCommitResponse;
  9: OffsetFetchResponse;
  10: FindCoordinatorResponse;
  11: JoinGroupResponse;
  12: HeartbeatResponse;
  13: LeaveGroupResponse;
  14: SyncGroupResponse;
  15: DescribeGroupsResponse;
  16: ListGroupsResponse;
  17: SaslHandshakeResponse;
  18: ApiVersionsResponse;
  19: CreateTopicsResponse;
  20: DeleteTopicsResponse;
  21: DeleteRecordsResponse;
  22: InitProducerIdResponse;
  23: OffsetForLeaderEpochResponse;
  24: AddPartitionsToTxnResponse;
  25: AddOffsetsToTxnResponse;
  26: EndTxnResponse;
  27: WriteTxnMarkersResponse;
  28: TxnOffsetCommitResponse;
  29: DescribeAclsResponse;
  30: CreateAclsResponse;
  31: DeleteAclsResponse;
  32: DescribeConfigsResponse;
  33: AlterConfigsResponse;
  34: AlterReplicaLogDirsResponse;
  35: DescribeLogDirsResponse;
  36: SaslAuthenticateResponse;
  37: CreatePartitionsResponse;
  38: CreateDelegationTokenResponse;
  39: RenewDelegationTokenResponse;
  40: ExpireDelegationTokenResponse;
  41: DescribeDelegationTokenResponse;
  42: DeleteGroupsResponse;
  43: ElectLeadersResponse;
  44: IncrementalAlterConfigsResponse;
  45: AlterPartitionReassignmentsResponse;
  46: ListPartitionReassignmentsResponse;
  47: OffsetDeleteResponse;
  48: DescribeClientQuotasResponse;
  49: AlterClientQuotasResponse;
  50: DescribeUserScramCredentialsResponse;
  51: AlterUserScramCredentialsResponse;
  52: VoteResponse;
  53: BeginQuorumEpochResponse;
  54: EndQuorumEpochResponse;
  55: DescribeQuorumResponse;
  56: AlterPartitionResponse;
  57: UpdateFeaturesResponse;
  58: EnvelopeResponse;
  59: FetchSnapshotResponse;
  60: DescribeClusterResponse;
  61: DescribeProducersResponse;
  62: BrokerRegistrationResponse;
  63: BrokerHeartbeatResponse;
  64: UnregisterBrokerResponse;
  65: DescribeTransactionsResponse;
  66: ListTransactionsResponse;
  67: AllocateProducerIdsResponse;
  68: ConsumerGroupHeartbeatResponse;
  69: ConsumerGroupDescribeResponse;
  70: ControllerRegistrationResponse;
  71: GetTelemetrySubscriptionsResponse;
  72: PushTelemetryResponse;
  73: AssignReplicasToDirsResponse;
  74: ListClientMetricsResourcesResponse;
  75: DescribeTopicPartitionsResponse;
  76: ShareGroupHeartbeatResponse;
  77: ShareGroupDescribeResponse;
  78: ShareFetchResponse;
  79: ShareAcknowledgeResponse;
  80: AddRaftVoterResponse;
  81: RemoveRaftVoterResponse;
  82: UpdateRaftVoterResponse;
  83: InitializeShareGroupStateResponse;
  84: ReadShareGroupStateResponse;
  85: WriteShareGroupStateResponse;
  86: DeleteShareGroupStateResponse;
  87: ReadShareGroupStateSummaryResponse;
}

export interface ApiInfo<Req = unknown, Res = unknown> {
  readonly apiKey: number;
  /** The API name, as in Kafka's ApiKeys (e.g. "Produce"). */
  readonly name: string;
  /** Which listeners serve the API in Kafka ("broker", "controller", "zkBroker"). */
  readonly listeners: readonly string[];
  readonly request: ApiMessageCodec<Req>;
  readonly response: ApiMessageCodec<Res>;
  /** Versions the schemas define (a broker advertises its own subset). */
  readonly validVersions: VersionRange;
  readonly flexibleVersions: VersionRange | null;
  readonly deprecatedVersions: VersionRange | null;
  /** The highest version is still under development upstream. */
  readonly latestVersionUnstable: boolean;
}

/** Every API, by key. */
export const API_KEYS: { readonly [K in ApiKeyNumber]: ApiInfo<ApiRequestMap[K], ApiResponseMap[K]> } = {
  0: {
    apiKey: 0,
    name: 'Produce',
    listeners: ['zkBroker', 'broker'],
    request: ProduceRequest,
    response: ProduceResponse,
    validVersions: { min: 0, max: 11 },
    flexibleVersions: { min: 9, max: 32767 },
    deprecatedVersions: { min: 0, max: 6 },
    latestVersionUnstable: false,
  },
  1: {
    apiKey: 1,
    name: 'Fetch',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: FetchRequest,
    response: FetchResponse,
    validVersions: { min: 0, max: 17 },
    flexibleVersions: { min: 12, max: 32767 },
    deprecatedVersions: { min: 0, max: 3 },
    latestVersionUnstable: false,
  },
  2: {
    apiKey: 2,
    name: 'ListOffsets',
    listeners: ['zkBroker', 'broker'],
    request: ListOffsetsRequest,
    response: ListOffsetsResponse,
    validVersions: { min: 0, max: 10 },
    flexibleVersions: { min: 6, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  3: {
    apiKey: 3,
    name: 'Metadata',
    listeners: ['zkBroker', 'broker'],
    request: MetadataRequest,
    response: MetadataResponse,
    validVersions: { min: 0, max: 12 },
    flexibleVersions: { min: 9, max: 32767 },
    deprecatedVersions: { min: 0, max: 3 },
    latestVersionUnstable: false,
  },
  4: {
    apiKey: 4,
    name: 'LeaderAndIsr',
    listeners: ['zkBroker'],
    request: LeaderAndIsrRequest,
    response: LeaderAndIsrResponse,
    validVersions: { min: 0, max: 7 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  5: {
    apiKey: 5,
    name: 'StopReplica',
    listeners: ['zkBroker'],
    request: StopReplicaRequest,
    response: StopReplicaResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  6: {
    apiKey: 6,
    name: 'UpdateMetadata',
    listeners: ['zkBroker'],
    request: UpdateMetadataRequest,
    response: UpdateMetadataResponse,
    validVersions: { min: 0, max: 8 },
    flexibleVersions: { min: 6, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  7: {
    apiKey: 7,
    name: 'ControlledShutdown',
    listeners: ['zkBroker', 'controller'],
    request: ControlledShutdownRequest,
    response: ControlledShutdownResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  8: {
    apiKey: 8,
    name: 'OffsetCommit',
    listeners: ['zkBroker', 'broker'],
    request: OffsetCommitRequest,
    response: OffsetCommitResponse,
    validVersions: { min: 0, max: 9 },
    flexibleVersions: { min: 8, max: 32767 },
    deprecatedVersions: { min: 0, max: 1 },
    latestVersionUnstable: false,
  },
  9: {
    apiKey: 9,
    name: 'OffsetFetch',
    listeners: ['zkBroker', 'broker'],
    request: OffsetFetchRequest,
    response: OffsetFetchResponse,
    validVersions: { min: 0, max: 9 },
    flexibleVersions: { min: 6, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  10: {
    apiKey: 10,
    name: 'FindCoordinator',
    listeners: ['zkBroker', 'broker'],
    request: FindCoordinatorRequest,
    response: FindCoordinatorResponse,
    validVersions: { min: 0, max: 6 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  11: {
    apiKey: 11,
    name: 'JoinGroup',
    listeners: ['zkBroker', 'broker'],
    request: JoinGroupRequest,
    response: JoinGroupResponse,
    validVersions: { min: 0, max: 9 },
    flexibleVersions: { min: 6, max: 32767 },
    deprecatedVersions: { min: 0, max: 1 },
    latestVersionUnstable: false,
  },
  12: {
    apiKey: 12,
    name: 'Heartbeat',
    listeners: ['zkBroker', 'broker'],
    request: HeartbeatRequest,
    response: HeartbeatResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  13: {
    apiKey: 13,
    name: 'LeaveGroup',
    listeners: ['zkBroker', 'broker'],
    request: LeaveGroupRequest,
    response: LeaveGroupResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  14: {
    apiKey: 14,
    name: 'SyncGroup',
    listeners: ['zkBroker', 'broker'],
    request: SyncGroupRequest,
    response: SyncGroupResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  15: {
    apiKey: 15,
    name: 'DescribeGroups',
    listeners: ['zkBroker', 'broker'],
    request: DescribeGroupsRequest,
    response: DescribeGroupsResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 5, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  16: {
    apiKey: 16,
    name: 'ListGroups',
    listeners: ['zkBroker', 'broker'],
    request: ListGroupsRequest,
    response: ListGroupsResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  17: {
    apiKey: 17,
    name: 'SaslHandshake',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: SaslHandshakeRequest,
    response: SaslHandshakeResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: null,
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  18: {
    apiKey: 18,
    name: 'ApiVersions',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: ApiVersionsRequest,
    response: ApiVersionsResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  19: {
    apiKey: 19,
    name: 'CreateTopics',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: CreateTopicsRequest,
    response: CreateTopicsResponse,
    validVersions: { min: 0, max: 7 },
    flexibleVersions: { min: 5, max: 32767 },
    deprecatedVersions: { min: 0, max: 1 },
    latestVersionUnstable: false,
  },
  20: {
    apiKey: 20,
    name: 'DeleteTopics',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DeleteTopicsRequest,
    response: DeleteTopicsResponse,
    validVersions: { min: 0, max: 6 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  21: {
    apiKey: 21,
    name: 'DeleteRecords',
    listeners: ['zkBroker', 'broker'],
    request: DeleteRecordsRequest,
    response: DeleteRecordsResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  22: {
    apiKey: 22,
    name: 'InitProducerId',
    listeners: ['zkBroker', 'broker'],
    request: InitProducerIdRequest,
    response: InitProducerIdResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  23: {
    apiKey: 23,
    name: 'OffsetForLeaderEpoch',
    listeners: ['zkBroker', 'broker'],
    request: OffsetForLeaderEpochRequest,
    response: OffsetForLeaderEpochResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: { min: 0, max: 1 },
    latestVersionUnstable: false,
  },
  24: {
    apiKey: 24,
    name: 'AddPartitionsToTxn',
    listeners: ['zkBroker', 'broker'],
    request: AddPartitionsToTxnRequest,
    response: AddPartitionsToTxnResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  25: {
    apiKey: 25,
    name: 'AddOffsetsToTxn',
    listeners: ['zkBroker', 'broker'],
    request: AddOffsetsToTxnRequest,
    response: AddOffsetsToTxnResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  26: {
    apiKey: 26,
    name: 'EndTxn',
    listeners: ['zkBroker', 'broker'],
    request: EndTxnRequest,
    response: EndTxnResponse,
    validVersions: { min: 0, max: 5 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  27: {
    apiKey: 27,
    name: 'WriteTxnMarkers',
    listeners: ['zkBroker', 'broker'],
    request: WriteTxnMarkersRequest,
    response: WriteTxnMarkersResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  28: {
    apiKey: 28,
    name: 'TxnOffsetCommit',
    listeners: ['zkBroker', 'broker'],
    request: TxnOffsetCommitRequest,
    response: TxnOffsetCommitResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 3, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  29: {
    apiKey: 29,
    name: 'DescribeAcls',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DescribeAclsRequest,
    response: DescribeAclsResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  30: {
    apiKey: 30,
    name: 'CreateAcls',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: CreateAclsRequest,
    response: CreateAclsResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  31: {
    apiKey: 31,
    name: 'DeleteAcls',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DeleteAclsRequest,
    response: DeleteAclsResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  32: {
    apiKey: 32,
    name: 'DescribeConfigs',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DescribeConfigsRequest,
    response: DescribeConfigsResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 4, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  33: {
    apiKey: 33,
    name: 'AlterConfigs',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: AlterConfigsRequest,
    response: AlterConfigsResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  34: {
    apiKey: 34,
    name: 'AlterReplicaLogDirs',
    listeners: ['zkBroker', 'broker'],
    request: AlterReplicaLogDirsRequest,
    response: AlterReplicaLogDirsResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  35: {
    apiKey: 35,
    name: 'DescribeLogDirs',
    listeners: ['zkBroker', 'broker'],
    request: DescribeLogDirsRequest,
    response: DescribeLogDirsResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  36: {
    apiKey: 36,
    name: 'SaslAuthenticate',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: SaslAuthenticateRequest,
    response: SaslAuthenticateResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  37: {
    apiKey: 37,
    name: 'CreatePartitions',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: CreatePartitionsRequest,
    response: CreatePartitionsResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  38: {
    apiKey: 38,
    name: 'CreateDelegationToken',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: CreateDelegationTokenRequest,
    response: CreateDelegationTokenResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  39: {
    apiKey: 39,
    name: 'RenewDelegationToken',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: RenewDelegationTokenRequest,
    response: RenewDelegationTokenResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  40: {
    apiKey: 40,
    name: 'ExpireDelegationToken',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: ExpireDelegationTokenRequest,
    response: ExpireDelegationTokenResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  41: {
    apiKey: 41,
    name: 'DescribeDelegationToken',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DescribeDelegationTokenRequest,
    response: DescribeDelegationTokenResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  42: {
    apiKey: 42,
    name: 'DeleteGroups',
    listeners: ['zkBroker', 'broker'],
    request: DeleteGroupsRequest,
    response: DeleteGroupsResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: { min: 0, max: 0 },
    latestVersionUnstable: false,
  },
  43: {
    apiKey: 43,
    name: 'ElectLeaders',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: ElectLeadersRequest,
    response: ElectLeadersResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 2, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  44: {
    apiKey: 44,
    name: 'IncrementalAlterConfigs',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: IncrementalAlterConfigsRequest,
    response: IncrementalAlterConfigsResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  45: {
    apiKey: 45,
    name: 'AlterPartitionReassignments',
    listeners: ['broker', 'controller', 'zkBroker'],
    request: AlterPartitionReassignmentsRequest,
    response: AlterPartitionReassignmentsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  46: {
    apiKey: 46,
    name: 'ListPartitionReassignments',
    listeners: ['broker', 'controller', 'zkBroker'],
    request: ListPartitionReassignmentsRequest,
    response: ListPartitionReassignmentsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  47: {
    apiKey: 47,
    name: 'OffsetDelete',
    listeners: ['zkBroker', 'broker'],
    request: OffsetDeleteRequest,
    response: OffsetDeleteResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: null,
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  48: {
    apiKey: 48,
    name: 'DescribeClientQuotas',
    listeners: ['zkBroker', 'broker'],
    request: DescribeClientQuotasRequest,
    response: DescribeClientQuotasResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  49: {
    apiKey: 49,
    name: 'AlterClientQuotas',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: AlterClientQuotasRequest,
    response: AlterClientQuotasResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  50: {
    apiKey: 50,
    name: 'DescribeUserScramCredentials',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DescribeUserScramCredentialsRequest,
    response: DescribeUserScramCredentialsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  51: {
    apiKey: 51,
    name: 'AlterUserScramCredentials',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: AlterUserScramCredentialsRequest,
    response: AlterUserScramCredentialsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  52: {
    apiKey: 52,
    name: 'Vote',
    listeners: ['controller'],
    request: VoteRequest,
    response: VoteResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  53: {
    apiKey: 53,
    name: 'BeginQuorumEpoch',
    listeners: ['controller'],
    request: BeginQuorumEpochRequest,
    response: BeginQuorumEpochResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  54: {
    apiKey: 54,
    name: 'EndQuorumEpoch',
    listeners: ['controller'],
    request: EndQuorumEpochRequest,
    response: EndQuorumEpochResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 1, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  55: {
    apiKey: 55,
    name: 'DescribeQuorum',
    listeners: ['broker', 'controller'],
    request: DescribeQuorumRequest,
    response: DescribeQuorumResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  56: {
    apiKey: 56,
    name: 'AlterPartition',
    listeners: ['zkBroker', 'controller'],
    request: AlterPartitionRequest,
    response: AlterPartitionResponse,
    validVersions: { min: 0, max: 3 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  57: {
    apiKey: 57,
    name: 'UpdateFeatures',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: UpdateFeaturesRequest,
    response: UpdateFeaturesResponse,
    validVersions: { min: 0, max: 2 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  58: {
    apiKey: 58,
    name: 'Envelope',
    listeners: ['controller', 'zkBroker'],
    request: EnvelopeRequest,
    response: EnvelopeResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  59: {
    apiKey: 59,
    name: 'FetchSnapshot',
    listeners: ['controller'],
    request: FetchSnapshotRequest,
    response: FetchSnapshotResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  60: {
    apiKey: 60,
    name: 'DescribeCluster',
    listeners: ['zkBroker', 'broker', 'controller'],
    request: DescribeClusterRequest,
    response: DescribeClusterResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  61: {
    apiKey: 61,
    name: 'DescribeProducers',
    listeners: ['zkBroker', 'broker'],
    request: DescribeProducersRequest,
    response: DescribeProducersResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  62: {
    apiKey: 62,
    name: 'BrokerRegistration',
    listeners: ['controller'],
    request: BrokerRegistrationRequest,
    response: BrokerRegistrationResponse,
    validVersions: { min: 0, max: 4 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  63: {
    apiKey: 63,
    name: 'BrokerHeartbeat',
    listeners: ['controller'],
    request: BrokerHeartbeatRequest,
    response: BrokerHeartbeatResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  64: {
    apiKey: 64,
    name: 'UnregisterBroker',
    listeners: ['broker', 'controller'],
    request: UnregisterBrokerRequest,
    response: UnregisterBrokerResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  65: {
    apiKey: 65,
    name: 'DescribeTransactions',
    listeners: ['zkBroker', 'broker'],
    request: DescribeTransactionsRequest,
    response: DescribeTransactionsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  66: {
    apiKey: 66,
    name: 'ListTransactions',
    listeners: ['zkBroker', 'broker'],
    request: ListTransactionsRequest,
    response: ListTransactionsResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  67: {
    apiKey: 67,
    name: 'AllocateProducerIds',
    listeners: ['zkBroker', 'controller'],
    request: AllocateProducerIdsRequest,
    response: AllocateProducerIdsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  68: {
    apiKey: 68,
    name: 'ConsumerGroupHeartbeat',
    listeners: ['zkBroker', 'broker'],
    request: ConsumerGroupHeartbeatRequest,
    response: ConsumerGroupHeartbeatResponse,
    validVersions: { min: 0, max: 1 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  69: {
    apiKey: 69,
    name: 'ConsumerGroupDescribe',
    listeners: ['zkBroker', 'broker'],
    request: ConsumerGroupDescribeRequest,
    response: ConsumerGroupDescribeResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  70: {
    apiKey: 70,
    name: 'ControllerRegistration',
    listeners: ['controller'],
    request: ControllerRegistrationRequest,
    response: ControllerRegistrationResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  71: {
    apiKey: 71,
    name: 'GetTelemetrySubscriptions',
    listeners: ['broker'],
    request: GetTelemetrySubscriptionsRequest,
    response: GetTelemetrySubscriptionsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  72: {
    apiKey: 72,
    name: 'PushTelemetry',
    listeners: ['broker'],
    request: PushTelemetryRequest,
    response: PushTelemetryResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  73: {
    apiKey: 73,
    name: 'AssignReplicasToDirs',
    listeners: ['controller'],
    request: AssignReplicasToDirsRequest,
    response: AssignReplicasToDirsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  74: {
    apiKey: 74,
    name: 'ListClientMetricsResources',
    listeners: ['broker'],
    request: ListClientMetricsResourcesRequest,
    response: ListClientMetricsResourcesResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  75: {
    apiKey: 75,
    name: 'DescribeTopicPartitions',
    listeners: ['broker'],
    request: DescribeTopicPartitionsRequest,
    response: DescribeTopicPartitionsResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  76: {
    apiKey: 76,
    name: 'ShareGroupHeartbeat',
    listeners: ['broker'],
    request: ShareGroupHeartbeatRequest,
    response: ShareGroupHeartbeatResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  77: {
    apiKey: 77,
    name: 'ShareGroupDescribe',
    listeners: ['broker'],
    request: ShareGroupDescribeRequest,
    response: ShareGroupDescribeResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  78: {
    apiKey: 78,
    name: 'ShareFetch',
    listeners: ['broker'],
    request: ShareFetchRequest,
    response: ShareFetchResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  79: {
    apiKey: 79,
    name: 'ShareAcknowledge',
    listeners: ['broker'],
    request: ShareAcknowledgeRequest,
    response: ShareAcknowledgeResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  80: {
    apiKey: 80,
    name: 'AddRaftVoter',
    listeners: ['controller', 'broker'],
    request: AddRaftVoterRequest,
    response: AddRaftVoterResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  81: {
    apiKey: 81,
    name: 'RemoveRaftVoter',
    listeners: ['controller', 'broker'],
    request: RemoveRaftVoterRequest,
    response: RemoveRaftVoterResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  82: {
    apiKey: 82,
    name: 'UpdateRaftVoter',
    listeners: ['controller'],
    request: UpdateRaftVoterRequest,
    response: UpdateRaftVoterResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: false,
  },
  83: {
    apiKey: 83,
    name: 'InitializeShareGroupState',
    listeners: ['broker'],
    request: InitializeShareGroupStateRequest,
    response: InitializeShareGroupStateResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  84: {
    apiKey: 84,
    name: 'ReadShareGroupState',
    listeners: ['broker'],
    request: ReadShareGroupStateRequest,
    response: ReadShareGroupStateResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  85: {
    apiKey: 85,
    name: 'WriteShareGroupState',
    listeners: ['broker'],
    request: WriteShareGroupStateRequest,
    response: WriteShareGroupStateResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  86: {
    apiKey: 86,
    name: 'DeleteShareGroupState',
    listeners: ['broker'],
    request: DeleteShareGroupStateRequest,
    response: DeleteShareGroupStateResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
  87: {
    apiKey: 87,
    name: 'ReadShareGroupStateSummary',
    listeners: ['broker'],
    request: ReadShareGroupStateSummaryRequest,
    response: ReadShareGroupStateSummaryResponse,
    validVersions: { min: 0, max: 0 },
    flexibleVersions: { min: 0, max: 32767 },
    deprecatedVersions: null,
    latestVersionUnstable: true,
  },
};

const BY_KEY: readonly (ApiInfo | undefined)[] = (() => {
  const table: (ApiInfo | undefined)[] = [];
  for (const info of Object.values(API_KEYS) as ApiInfo[]) table[info.apiKey] = info;
  return table;
})();

/** The API with this key, or undefined when the key is unknown. */
export function apiInfo(apiKey: number): ApiInfo | undefined {
  return BY_KEY[apiKey];
}

export function isApiKey(apiKey: number): apiKey is ApiKeyNumber {
  return BY_KEY[apiKey] !== undefined;
}

function known(apiKey: number): ApiInfo {
  const info = BY_KEY[apiKey];
  if (info === undefined) throw new RangeError(`unknown api key ${apiKey}`);
  return info;
}

/**
 * The request header version for a request: v2 (tagged fields) in flexible versions, else v1.
 * ControlledShutdown v0 is the only user of header v0 (no client id), per RequestHeader.json.
 */
export function requestHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === 7 && apiVersion === 0) return 0;
  return inVersionRange(known(apiKey).flexibleVersions, apiVersion) ? 2 : 1;
}

/**
 * The response header version for a response: v1 (tagged fields) in flexible versions, else v0.
 * ApiVersions responses always use v0, so a client that does not yet know which versions the
 * broker speaks can still read the answer (KIP-511).
 */
export function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === 18) return 0;
  return inVersionRange(known(apiKey).flexibleVersions, apiVersion) ? 1 : 0;
}
