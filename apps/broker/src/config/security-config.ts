/**
 * The security of each listener, with Kafka's property names: `listener.security.protocol.map`
 * (a listener's name → PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL), TLS (`ssl.*`, PEM only) and
 * SASL (`sasl.enabled.mechanisms`), each overridable per listener with the
 * `listener.name.<listener in lower case>.` prefix, as Kafka's listener-prefixed configs are.
 *
 * TLS material, as Kafka's PEM keystores take it: `ssl.keystore.certificate.chain` and
 * `ssl.keystore.key` (PEM text), or `ssl.keystore.location` (a PEM file holding the key and the
 * chain), with `ssl.key.password` for an encrypted key; trusted CAs for client certificates in
 * `ssl.truststore.certificates` or `ssl.truststore.location`. `ssl.keystore.type` and
 * `ssl.truststore.type` must be PEM (tarn reads no JKS or PKCS12).
 */
import { readFileSync } from 'node:fs';
import { ErrorCode, KafkaError } from '@tarn/protocol';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
export type ClientAuth = 'none' | 'requested' | 'required';

const PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];
/** Kafka's default map: each protocol's name is a listener name of that protocol. */
const DEFAULT_PROTOCOL_MAP = 'PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL';

export interface TlsSettings {
  key: string;
  cert: string;
  passphrase: string | undefined;
  /** Trusted CAs for client certificates (ssl.client.auth requested/required). */
  ca: string | undefined;
  clientAuth: ClientAuth;
  minVersion: 'TLSv1.2' | 'TLSv1.3';
  maxVersion: 'TLSv1.2' | 'TLSv1.3';
}

export interface ListenerSecurity {
  protocol: SecurityProtocol;
  tls: TlsSettings | null;
  /** The mechanisms a SASL listener offers (empty on the others). */
  saslMechanisms: SaslMechanism[];
}

function invalid(name: string, value: string, why: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${value} for configuration ${name}: ${why}`);
}

export function isSasl(p: SecurityProtocol): boolean {
  return p === 'SASL_PLAINTEXT' || p === 'SASL_SSL';
}

export function isTls(p: SecurityProtocol): boolean {
  return p === 'SSL' || p === 'SASL_SSL';
}

/** listener.security.protocol.map as a map from listener name to protocol. */
export function parseProtocolMap(value: string | undefined): Map<string, SecurityProtocol> {
  const text = value ?? DEFAULT_PROTOCOL_MAP;
  const map = new Map<string, SecurityProtocol>();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [name, protocol] = entry.split(':').map((s) => s.trim().toUpperCase());
    if (name === undefined || name === '' || !PROTOCOLS.includes(protocol as SecurityProtocol)) {
      throw invalid('listener.security.protocol.map', text, `'${entry}' is not NAME:PROTOCOL with a protocol of ${PROTOCOLS.join(', ')}`);
    }
    map.set(name, protocol as SecurityProtocol);
  }
  return map;
}

/** A property for one listener: `listener.name.<name>.<prop>` first, then `<prop>`. */
export function listenerProp(props: Readonly<Record<string, string>>, listener: string, name: string): string | undefined {
  return props[`listener.name.${listener.toLowerCase()}.${name}`] ?? props[name];
}

export function parseMechanisms(name: string, value: string): SaslMechanism[] {
  const out = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  for (const m of out)
    if (!MECHANISMS.includes(m as SaslMechanism))
      throw invalid(name, value, `unsupported SASL mechanism ${m} (tarn offers ${MECHANISMS.join(', ')})`);
  if (out.length === 0) throw invalid(name, value, 'a SASL listener needs at least one mechanism');
  return out as SaslMechanism[];
}

function readPem(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw invalid(name, path, `cannot read it: ${(err as Error).message}`);
  }
}

/** A PEM file (ssl.keystore.location) holding the private key and the certificate chain. */
function splitKeystore(name: string, path: string, pem: string): { key: string; cert: string } {
  const key = /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]*?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (key === undefined || certs.length === 0) throw invalid(name, path, 'a PEM keystore holds a private key and at least one certificate');
  return { key, cert: certs.join('\n') };
}

export function tlsSettings(props: Readonly<Record<string, string>>, listener: string): TlsSettings {
  const get = (name: string) => listenerProp(props, listener, name);
  for (const typeProp of ['ssl.keystore.type', 'ssl.truststore.type']) {
    const type = get(typeProp);
    if (type !== undefined && type.toUpperCase() !== 'PEM') throw invalid(typeProp, type, 'tarn reads PEM keystores and truststores only');
  }
  let key = get('ssl.keystore.key');
  let cert = get('ssl.keystore.certificate.chain');
  const location = get('ssl.keystore.location');
  if ((key === undefined || cert === undefined) && location !== undefined)
    ({ key, cert } = splitKeystore('ssl.keystore.location', location, readPem('ssl.keystore.location', location)));
  if (key === undefined || cert === undefined) {
    throw invalid(
      'ssl.keystore.location',
      'null',
      `listener ${listener} uses TLS: set ssl.keystore.location (a PEM file) or ssl.keystore.certificate.chain and ssl.keystore.key`,
    );
  }
  const truststore = get('ssl.truststore.location');
  const ca = get('ssl.truststore.certificates') ?? (truststore !== undefined ? readPem('ssl.truststore.location', truststore) : undefined);
  const clientAuth = (get('ssl.client.auth') ?? 'none').trim().toLowerCase();
  if (clientAuth !== 'none' && clientAuth !== 'requested' && clientAuth !== 'required')
    throw invalid('ssl.client.auth', clientAuth, 'expected none, requested or required');
  if (clientAuth !== 'none' && ca === undefined)
    throw invalid(
      'ssl.client.auth',
      clientAuth,
      'client certificates need trusted CAs: set ssl.truststore.location or ssl.truststore.certificates',
    );
  const protocols = (get('ssl.enabled.protocols') ?? 'TLSv1.2,TLSv1.3')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const p of protocols)
    if (p !== 'TLSv1.2' && p !== 'TLSv1.3')
      throw invalid('ssl.enabled.protocols', protocols.join(','), `${p} is not allowed (TLSv1.2 and TLSv1.3 only)`);
  if (protocols.length === 0) throw invalid('ssl.enabled.protocols', '', 'at least one of TLSv1.2, TLSv1.3');
  const sorted = [...protocols].sort() as Array<'TLSv1.2' | 'TLSv1.3'>;
  return { key, cert, passphrase: get('ssl.key.password'), ca, clientAuth, minVersion: sorted[0]!, maxVersion: sorted.at(-1)! };
}

/** The security of one listener, from the protocol map and the (listener-prefixed) properties. */
export function listenerSecurity(
  props: Readonly<Record<string, string>>,
  listener: string,
  protocols: Map<string, SecurityProtocol>,
): ListenerSecurity {
  const protocol = protocols.get(listener);
  if (protocol === undefined) {
    throw invalid(
      'listener.security.protocol.map',
      props['listener.security.protocol.map'] ?? DEFAULT_PROTOCOL_MAP,
      `listener ${listener} has no security protocol`,
    );
  }
  const mechanisms = isSasl(protocol)
    ? parseMechanisms('sasl.enabled.mechanisms', listenerProp(props, listener, 'sasl.enabled.mechanisms') ?? 'SCRAM-SHA-256,SCRAM-SHA-512')
    : [];
  return { protocol, tls: isTls(protocol) ? tlsSettings(props, listener) : null, saslMechanisms: mechanisms };
}

/**
 * A JAAS line as Kafka takes it for a client login (`sasl.jaas.config`):
 * `org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";`
 */
export function parseJaasCredentials(name: string, value: string): { username: string; password: string } {
  const field = (key: string) => new RegExp(`\\b${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(value)?.[1]?.replace(/\\(.)/g, '$1');
  const username = field('username');
  const password = field('password');
  if (username === undefined || password === undefined)
    throw invalid(name, '[hidden]', 'expected a login module line with username="…" and password="…"');
  return { username, password };
}

export interface BootstrapUser {
  mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  name: string;
  password: string;
  iterations: number;
}

/**
 * `scram.bootstrap.users` as `kafka-storage format --add-scram` takes it, several separated by `;`:
 * `SCRAM-SHA-512=[name=admin,password=admin-secret]` (optionally `iterations=8192`).
 */
export function parseBootstrapUsers(value: string | undefined): BootstrapUser[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const m = /^([A-Z0-9-]+)=\[(.*)\]$/.exec(entry);
      const fail = (why: string) =>
        new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value [hidden] for configuration scram.bootstrap.users: ${why}`);
      if (m === null) throw fail(`expected MECHANISM=[name=…,password=…] entries separated by ';'`);
      if (m[1] !== 'SCRAM-SHA-256' && m[1] !== 'SCRAM-SHA-512') throw fail(`unknown SCRAM mechanism ${m[1]}`);
      const fields = new Map<string, string>();
      for (const part of m[2]!.split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0)
          fields.set(
            part.slice(0, eq).trim(),
            part
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1'),
          );
      }
      const name = fields.get('name');
      const password = fields.get('password');
      if (name === undefined || name === '' || password === undefined || password === '')
        throw fail('each user needs a name and a password');
      const iterations = Number(fields.get('iterations') ?? 4096);
      return { mechanism: m[1], name, password, iterations };
    });
}
