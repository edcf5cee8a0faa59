// The fault tests (fault-suite.ts) on a PLAINTEXT cluster: clients and replication without TLS or SASL.
import { faultSuite } from './fault-suite';

faultSuite({
  protocol: 'PLAINTEXT',
  brokerProps: {},
  kafka: {},
  client: null,
  rounds: Number(process.env.TARN_FAULT_ROUNDS ?? 20),
});
