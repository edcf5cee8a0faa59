/**
 * tarn-broker [--config server.properties] [--override key=value ...]
 * Reads the properties (Kafka's names), starts the broker, and shuts it down cleanly on SIGTERM or
 * SIGINT.
 */
import { readFileSync } from 'node:fs';
import { parseCommandLine } from './config/broker-config';
import { parseProperties } from './config/properties';
import { Broker } from './broker';

async function main(): Promise<void> {
  let props: Record<string, string>;
  try {
    const { configFile, overrides } = parseCommandLine(process.argv.slice(2));
    props = { ...(configFile !== null ? parseProperties(readFileSync(configFile, 'utf8')) : {}), ...overrides };
  } catch (err) {
    console.error(`tarn-broker: ${(err as Error).message}`);
    console.error('usage: tarn-broker [--config server.properties] [--override key=value ...]');
    process.exit(2);
  }
  let broker: Broker;
  try {
    broker = new Broker(props);
    await broker.start();
  } catch (err) {
    console.error(`tarn-broker: failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    broker.logger.info({ signal }, 'received signal');
    broker.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        broker.logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
