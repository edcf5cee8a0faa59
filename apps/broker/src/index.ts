export { Broker, TARN_VERSION } from './broker';
export { BrokerConfig } from './config/broker-config';
export { parseProperties } from '@tarn/client';
export type { AdminRouter } from './admin/admin-router';
