// The fault tests (fault-suite.ts) on a cluster whose one listener is SASL_SSL: clients and
// followers alike connect over TLS (the test PKI) and log in with SCRAM-SHA-512; the authorizer is
// on, with the brokers and the test app as super users (the ACLs themselves are tested elsewhere:
// here it is only there so that every request goes through it, as in a secured production cluster).
// The SIGKILL test kills 10 leaders rather than PLAINTEXT's 20 (TARN_FAULT_ROUNDS overrides both):
// a round takes some 7 s either way, and 10 rounds kill each partition's leader three or four times.
import { faultSuite } from './fault-suite';
import { makePki } from '../src/testing/pki';

const pki = makePki();
const app = { username: 'app', password: 'app-secret' };

faultSuite({
  protocol: 'SASL_SSL',
  brokerProps: {
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'ssl.keystore.location': pki.serverKeystore,
    'ssl.truststore.location': pki.caFile,
    'inter.broker.listener.name': 'SASL_SSL',
    'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config':
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="broker-secret";',
    'scram.bootstrap.users': `SCRAM-SHA-512=[name=broker,password=broker-secret];SCRAM-SHA-512=[name=${app.username},password=${app.password}]`,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:broker;User:${app.username}`,
  },
  kafka: { ssl: { ca: [pki.caPem] }, sasl: { mechanism: 'scram-sha-512', ...app } },
  client: { tls: { ca: pki.caPem }, sasl: { mechanism: 'SCRAM-SHA-512', ...app } },
  rounds: Number(process.env.TARN_FAULT_ROUNDS ?? 10),
});
