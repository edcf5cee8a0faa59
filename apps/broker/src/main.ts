/**
 * tarn-broker [--config server.properties] [--override key=value ...]
 * Reads the properties (Kafka's names), starts the broker, and shuts it down cleanly on SIGTERM or
 * SIGINT.
 */
import { readFileSync } from 'node:fs';
import { adminPropsFromEnv, parseCommandLine } from './config/broker-config';
import { parseProperties } from '@tarn/client';
import { Broker } from './broker';

async function main(): Promise<void> {
  let props: Record<string, string>;
  try {
    const { configFile, overrides } = parseCommandLine(process.argv.slice(2));
    props = { ...(configFile !== null ? parseProperties(readFileSync(configFile, 'utf8')) : {}), ...overrides };
    props = { ...props, ...adminPropsFromEnv(process.env, props) };
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
  // The last line of defence (DESIGN.md decision 6): requests and connections catch their own
  // failures; anything that still escapes is a bug to log with its stack, not a reason to stop
  // serving every other client, as a Kafka broker's request threads catch and log what they throw.
  process.on('unhandledRejection', (err) => broker.logger.error({ err }, 'unhandled promise rejection (a bug): the broker keeps serving'));
  process.on('uncaughtException', (err) => broker.logger.error({ err }, 'uncaught exception (a bug): the broker keeps serving'));
}

void main();
