export { Broker, TARN_VERSION } from './broker';
export { BrokerConfig } from './config/broker-config';
export { parseProperties } from './config/properties';
