// node-rdkafka 3.6 (librdkafka 2.12, built from source by scripts/setup-clients) against tarn: the
// suite in librdkafka-suite.ts.
import { librdkafkaSuite } from './librdkafka-suite';
import { loadNodeRdkafka } from './native-clients';

librdkafkaSuite('node-rdkafka', loadNodeRdkafka, '2.12.');
