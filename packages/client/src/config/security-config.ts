/**
 * security.protocol, ssl.* and sasl.*: Kafka's (Java) names and librdkafka's, turned into Node TLS
 * options and a SASL login. Certificates may be PEM files (`ssl.ca.location`,
 * `ssl.certificate.location`, `ssl.key.location`; Java's `ssl.truststore.location` /
 * `ssl.keystore.location` with type PEM), inline PEM (`ssl.truststore.certificates`,
 * `ssl.keystore.certificate.chain`, `ssl.keystore.key`) or a PKCS12 keystore. JKS cannot be read
 * by Node and is refused with a clear error.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ConfigError } from '../errors';
import { enumProp, stringProp, type ClientProperties } from './properties';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export interface SaslLogin {
  mechanism: SaslMechanism;
  username: string;
  password: string;
}

export interface SecurityConfig {
  protocol: SecurityProtocol;
  /** null for PLAINTEXT / SASL_PLAINTEXT. */
  tls: ConnectionOptions | null;
  /** null for PLAINTEXT / SSL. */
  sasl: SaslLogin | null;
}

export function securityFromProperties(props: ClientProperties): SecurityConfig {
  const protocol = enumProp(props, 'security.protocol', SECURITY_PROTOCOLS, 'PLAINTEXT');
  const tls = protocol === 'SSL' || protocol === 'SASL_SSL' ? tlsOptions(props) : null;
  const sasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL' ? saslLogin(props) : null;
  return { protocol, tls, sasl };
}

function readFile(key: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(key, `cannot read ${path}: ${(err as Error).message}`);
  }
}

function tlsOptions(props: ClientProperties): ConnectionOptions {
  const o: ConnectionOptions = {};
  const prop = (k: string): string | undefined => {
    const v = stringProp(props, k);
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  // what to trust
  const caFile = prop('ssl.ca.location');
  const truststore = prop('ssl.truststore.location');
  if (caFile !== undefined) o.ca = readFile('ssl.ca.location', caFile);
  else if (prop('ssl.ca.pem') !== undefined) o.ca = prop('ssl.ca.pem');
  else if (prop('ssl.truststore.certificates') !== undefined) o.ca = prop('ssl.truststore.certificates');
  else if (truststore !== undefined) {
    const type = (prop('ssl.truststore.type') ?? 'JKS').toUpperCase();
    if (type === 'PEM') o.ca = readFile('ssl.truststore.location', truststore);
    else if (type === 'PKCS12')
      o.pfx = [{ buf: readFile('ssl.truststore.location', truststore), passphrase: prop('ssl.truststore.password') }];
    else throw new ConfigError('ssl.truststore.type', `${type} cannot be read here; use PEM (ssl.truststore.type=PEM) or ssl.ca.location`);
  }
  // what to present (mutual TLS)
  const certFile = prop('ssl.certificate.location');
  const keyFile = prop('ssl.key.location');
  const keystore = prop('ssl.keystore.location');
  const passphrase = prop('ssl.key.password');
  if (certFile !== undefined) o.cert = readFile('ssl.certificate.location', certFile);
  else if (prop('ssl.certificate.pem') !== undefined) o.cert = prop('ssl.certificate.pem');
  else if (prop('ssl.keystore.certificate.chain') !== undefined) o.cert = prop('ssl.keystore.certificate.chain');
  if (keyFile !== undefined) o.key = readFile('ssl.key.location', keyFile);
  else if (prop('ssl.key.pem') !== undefined) o.key = prop('ssl.key.pem');
  else if (prop('ssl.keystore.key') !== undefined) o.key = prop('ssl.keystore.key');
  if (keystore !== undefined && o.cert === undefined) {
    const type = (prop('ssl.keystore.type') ?? 'JKS').toUpperCase();
    const bytes = readFile('ssl.keystore.location', keystore);
    if (type === 'PEM') {
      o.cert = bytes;
      o.key = bytes;
    } else if (type === 'PKCS12') o.pfx = [{ buf: bytes, passphrase: prop('ssl.keystore.password') }];
    else throw new ConfigError('ssl.keystore.type', `${type} cannot be read here; use PEM or PKCS12`);
  }
  if (passphrase !== undefined) o.passphrase = passphrase;
  if ((o.cert === undefined) !== (o.key === undefined) && o.pfx === undefined)
    throw new ConfigError('ssl.key.location', 'a client certificate needs its key (and a key its certificate)');
  // Kafka checks the broker's host name by default (KIP-294); an empty value turns the check off.
  const algorithm = (stringProp(props, 'ssl.endpoint.identification.algorithm', 'https') ?? '').trim().toLowerCase();
  if (algorithm === '' || algorithm === 'none') o.checkServerIdentity = () => undefined;
  else if (algorithm !== 'https')
    throw new ConfigError('ssl.endpoint.identification.algorithm', `expected https or empty, got ${algorithm}`);
  return o;
}

function saslLogin(props: ClientProperties): SaslLogin {
  const mechanismKey = props['sasl.mechanism'] !== undefined ? 'sasl.mechanism' : 'sasl.mechanisms';
  const mechanism = enumProp(props, mechanismKey, SASL_MECHANISMS, 'PLAIN');
  const jaas = stringProp(props, 'sasl.jaas.config');
  const fromJaas = jaas === undefined ? {} : parseJaasConfig(jaas);
  const username = stringProp(props, 'sasl.username') ?? fromJaas.username;
  const password = stringProp(props, 'sasl.password') ?? fromJaas.password;
  if (username === undefined || password === undefined)
    throw new ConfigError(
      'sasl.jaas.config',
      `SASL ${mechanism} needs a username and a password (sasl.jaas.config, or sasl.username and sasl.password)`,
    );
  return { mechanism, username, password };
}

/**
 * The options of a JAAS login module line, as Kafka's JaasConfig parses
 * `org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cret";`.
 */
export function parseJaasConfig(text: string): Record<string, string> {
  const m = /^\s*([\w.$]+)\s+(required|requisite|sufficient|optional)\s*(.*?)\s*;?\s*$/s.exec(text);
  if (m === null) throw new ConfigError('sasl.jaas.config', 'expected "<LoginModule> required key="value" …;"');
  const out: Record<string, string> = {};
  const re = /([\w.-]+)\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^\s;"]+))\s*/gy;
  const rest = m[3]!;
  let at = 0;
  while (at < rest.length) {
    re.lastIndex = at;
    const kv = re.exec(rest);
    if (kv === null) throw new ConfigError('sasl.jaas.config', `cannot parse the options at ${JSON.stringify(rest.slice(at, at + 20))}`);
    out[kv[1]!] = kv[2] !== undefined ? kv[2].replace(/\\(.)/g, '$1') : kv[3]!;
    at = re.lastIndex;
  }
  return out;
}
