#!/usr/bin/env node
// tarn <command> [options]: Kafka's command-line tools (kafka-topics.sh, kafka-console-producer.sh, …)
// without a JVM. Runs the TypeScript sources through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
