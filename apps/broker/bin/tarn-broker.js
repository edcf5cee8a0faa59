#!/usr/bin/env node
// tarn-broker [--config server.properties] [--override key=value ...]
// Runs the TypeScript sources through tsx, so the broker needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
