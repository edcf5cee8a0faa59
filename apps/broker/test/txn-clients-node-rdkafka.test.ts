// node-rdkafka 3.6 (librdkafka 2.12, built from source by scripts/setup-clients) transactions
// against tarn: the suite in txn-clients-suite.ts.
import { loadNodeRdkafka } from './native-clients';
import { txnLibrdkafkaSuite } from './txn-clients-suite';

txnLibrdkafkaSuite('node-rdkafka', loadNodeRdkafka, '2.12.');
