/**
 * How a follower reaches its leader's inter-broker listener: over TLS it trusts the listener's
 * truststore (else the keystore's own chain, for a self-signed cluster) and presents its own
 * certificate (ssl.client.auth may require one), checking the leader's host name as Kafka's
 * default ssl.endpoint.identification.algorithm=https does; over SASL it logs in as this broker.
 */
import type { InterBrokerConfig } from '../config/broker-config';
import type { ClientSecurity } from '../client/kafka-client';

export function interBrokerClientSecurity(config: InterBrokerConfig): ClientSecurity | null {
  const tls = config.security.tls;
  if (tls === null && config.sasl === null) return null;
  return {
    tls:
      tls === null
        ? null
        : {
            ca: tls.ca ?? tls.cert,
            key: tls.key,
            cert: tls.cert,
            passphrase: tls.passphrase,
            minVersion: tls.minVersion,
            maxVersion: tls.maxVersion,
          },
    sasl: config.sasl,
  };
}
