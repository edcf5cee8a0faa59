// DescribeConfigs v0-4 for topics (resource type 2), this broker (4) and its logger (8). v0 reports
// is_default; v1 the config source and, on request, synonyms (the topic override, the broker
// setting, Kafka's default — in precedence order); v3 config types and, on request, documentation;
// v4 is flexible. Broker settings are static (read-only); sensitive ones (passwords) are hidden.
import { ApiKey, DescribeConfigsResponseTypes, ErrorCode, KafkaError, errorCodeOf } from '@tarn/protocol';
import { TOPIC_CONFIGS, brokerDefaultFor, type ConfigSource, type ConfigType } from '@tarn/storage';
import type { BrokerServices } from '../services';
import { validateTopicName } from '../metadata/topic-name';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type Entry = DescribeConfigsResponseTypes.DescribeConfigsResourceResult;
type Result = DescribeConfigsResponseTypes.DescribeConfigsResult;

export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

/** Kafka's ConfigSource ids. */
const SOURCE = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5, DYNAMIC_BROKER_LOGGER_CONFIG: 6 } as const;
/** Kafka's ConfigType ids. */
const TYPE: Record<ConfigType, number> = { boolean: 1, string: 2, int: 3, long: 5, double: 6, list: 7 };

export function configSourceCode(source: ConfigSource): number {
  return source === 'TOPIC_CONFIG'
    ? SOURCE.DYNAMIC_TOPIC_CONFIG
    : source === 'STATIC_BROKER_CONFIG'
      ? SOURCE.STATIC_BROKER_CONFIG
      : SOURCE.DEFAULT_CONFIG;
}

function entry(apiVersion: number, e: Partial<Entry> & { name: string; value: string | null; source: number }): Entry {
  return {
    ...DescribeConfigsResponseTypes.defaultDescribeConfigsResourceResult(),
    name: e.name,
    value: e.value,
    readOnly: e.readOnly ?? false,
    isDefault: apiVersion === 0 ? e.source === SOURCE.DEFAULT_CONFIG : false,
    configSource: apiVersion >= 1 ? e.source : -1,
    isSensitive: e.isSensitive ?? false,
    synonyms: apiVersion >= 1 ? (e.synonyms ?? []) : [],
    configType: apiVersion >= 3 ? (e.configType ?? 0) : 0,
    documentation: apiVersion >= 3 ? (e.documentation ?? null) : null,
  };
}

function topicConfigs(services: BrokerServices, name: string, apiVersion: number, synonyms: boolean, docs: boolean): Entry[] {
  validateTopicName(name);
  const topic = services.metadata.topic(name);
  if (topic === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`);
  return TOPIC_CONFIGS.map((def) => {
    const fallback = brokerDefaultFor(def, services.config.props);
    const override = topic.configs[def.name];
    const chain = [
      ...(override !== undefined ? [{ name: def.name, value: override, source: SOURCE.DYNAMIC_TOPIC_CONFIG }] : []),
      ...(fallback.source === 'STATIC_BROKER_CONFIG'
        ? [
            {
              name: fallback.synonym!,
              value: services.config.props[fallback.synonym!] ?? fallback.value,
              source: SOURCE.STATIC_BROKER_CONFIG,
            },
          ]
        : []),
      { name: def.synonyms[0] ?? def.name, value: def.default, source: SOURCE.DEFAULT_CONFIG },
    ];
    return entry(apiVersion, {
      name: def.name,
      value: override ?? fallback.value,
      source: chain[0]!.source,
      synonyms: synonyms ? chain.map((s) => ({ ...DescribeConfigsResponseTypes.defaultDescribeConfigsSynonym(), ...s })) : [],
      configType: TYPE[def.type],
      documentation: docs ? def.doc : null,
    });
  });
}

function brokerConfigs(services: BrokerServices, name: string, apiVersion: number): Entry[] {
  if (name !== '' && name !== String(services.config.nodeId)) {
    throw new KafkaError(
      ErrorCode.INVALID_REQUEST,
      `Unexpected broker id, expected ${services.config.nodeId} or empty string, but received ${name}`,
    );
  }
  return Object.entries(services.config.props)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const sensitive = SENSITIVE.test(key);
      return entry(apiVersion, {
        name: key,
        value: sensitive ? null : value,
        source: SOURCE.STATIC_BROKER_CONFIG,
        readOnly: true,
        isSensitive: sensitive,
      });
    });
}

/** Kafka's PASSWORD-type configs and tarn's secrets, listener-prefixed or not: never shown. */
const SENSITIVE = /password|secret|token|jaas|keystore\.key|bootstrap\.users/i;

/** Kafka: DescribeConfigs/AlterConfigs on a topic need that operation on it, on the broker or its loggers on the cluster. */
export function configsAuthorized(ctx: RequestContext, resourceType: number, name: string, operation: AclOperation): void {
  if (resourceType === ResourceType.TOPIC) {
    if (!authorizedTopic(ctx, operation, name))
      throw new KafkaError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, `Not authorized for topic ${name}`);
  } else if (!authorizedOnCluster(ctx, operation)) {
    throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
  }
}

export const describeConfigs = defineHandler({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    const { services, apiVersion } = ctx;
    const results: Result[] = req.resources.map((r) => {
      const base = {
        ...DescribeConfigsResponseTypes.defaultDescribeConfigsResult(),
        resourceType: r.resourceType,
        resourceName: r.resourceName,
      };
      try {
        configsAuthorized(ctx, r.resourceType, r.resourceName, AclOperation.DESCRIBE_CONFIGS);
        let configs: Entry[];
        if (r.resourceType === ResourceType.TOPIC)
          configs = topicConfigs(services, r.resourceName, apiVersion, req.includeSynonyms, req.includeDocumentation);
        else if (r.resourceType === ResourceType.BROKER) configs = brokerConfigs(services, r.resourceName, apiVersion);
        else if (r.resourceType === ResourceType.BROKER_LOGGER) {
          configs = [
            entry(apiVersion, { name: 'root', value: services.logger.level.toUpperCase(), source: SOURCE.DYNAMIC_BROKER_LOGGER_CONFIG }),
          ];
        } else throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unsupported resource type ${r.resourceType}`);
        if (r.configurationKeys !== null) configs = configs.filter((c) => r.configurationKeys!.includes(c.name));
        return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs };
      } catch (err) {
        return { ...base, errorCode: errorCodeOf(err), errorMessage: (err as Error).message, configs: [] };
      }
    });
    return { ...DescribeConfigsResponseTypes.defaultDescribeConfigsResponse(), results };
  },
  errorResponse: (req, code, message) => ({
    ...DescribeConfigsResponseTypes.defaultDescribeConfigsResponse(),
    results: req.resources.map((r) => ({
      ...DescribeConfigsResponseTypes.defaultDescribeConfigsResult(),
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      errorCode: code,
      errorMessage: message,
    })),
  }),
});
